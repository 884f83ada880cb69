from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import connection

from foreninger import demo as foreninger_demo
from frivillig import demo
from frivillig.roles import ASSOCIATION_CONTACT


class Command(BaseCommand):
    help = "Make large synthetic data for `make bench` (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=2000, help="Association contacts.")
        parser.add_argument(
            "--associations", type=int, default=5000, help="Published associations in the guide."
        )

    def handle(self, *args, users, associations, **options):
        demo.seed_centre()
        User = get_user_model()
        existing = User.objects.filter(username__startswith="bench-").count()
        # One hash for all: hashing thousands of passwords would take minutes, and these
        # accounts are never logged into.
        unusable = make_password(None)
        new_users = [
            User(
                username=f"bench-{number:06d}",
                email=f"bench-{number:06d}@eksempelby.example",
                first_name="Bench",
                last_name=f"Contact {number}",
                password=unusable,
            )
            for number in range(existing, users)
        ]
        User.objects.bulk_create(new_users, batch_size=1000)
        group = Group.objects.get(name=ASSOCIATION_CONTACT)
        group.user_set.add(*User.objects.filter(username__startswith="bench-"))
        self.stdout.write(f"Bench data: {users} association contacts ({len(new_users)} new).")

        new = foreninger_demo.seed_bench_associations(associations)
        refreshed = self._refresh_search_vectors() if new else 0
        self.stdout.write(
            f"Bench data: {associations} associations ({new} new, "
            f"{refreshed} search vectors refreshed)."
        )

    def _refresh_search_vectors(self) -> int:
        """Bulk inserts skip the signals that keep search vectors current: refresh them all.

        Then ANALYZE, or PostgreSQL plans the guide's queries for the empty tables it saw.
        """
        if connection.vendor != "postgresql":
            return 0
        from foreninger.search import refresh_search_vector

        refreshed = refresh_search_vector()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return refreshed
