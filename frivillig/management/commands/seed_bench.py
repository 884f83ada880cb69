from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from frivillig import demo
from frivillig.roles import ASSOCIATION_CONTACT


class Command(BaseCommand):
    help = "Make large synthetic data for `make bench` (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=2000, help="Association contacts.")

    def handle(self, *args, users, **options):
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
