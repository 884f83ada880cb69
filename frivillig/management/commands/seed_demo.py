from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from foreninger import demo as foreninger_demo
from frivillig import demo
from frivillig.models import CentreProfile


class Command(BaseCommand):
    help = "Fill the site with a fictional centre and one demo login per role (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only seed when the centre has no profile yet (used by `make run`).",
        )
        parser.add_argument(
            "--force-demo-users",
            action="store_true",
            help="Create the demo logins even with DEBUG off. Never on a public site.",
        )

    def handle(self, *args, if_empty, force_demo_users, **options):
        seeding = not (if_empty and CentreProfile.objects.exists())
        if not seeding:
            self.stdout.write("The database already has data; demo data not loaded.")
        else:
            centre = demo.seed_centre()
            self.stdout.write(f"Demo centre: {centre.name}")
            new = foreninger_demo.seed_associations()
            self.stdout.write(
                f"Demo associations: {len(foreninger_demo.ASSOCIATIONS)} ({new} new)."
            )

        if settings.DEBUG or force_demo_users:
            logins = demo.seed_users()
            if seeding:
                foreninger_demo.link_demo_contact(username="forening")
            self._print_logins(logins)
        elif not get_user_model().objects.filter(username="admin").exists():
            self.stdout.write(
                "DEBUG is off: demo logins with known passwords were not created "
                "(use --force-demo-users on a private test server)."
            )

    def _print_logins(self, logins):
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD}):")
        for username, role in logins:
            self.stdout.write(f"  {username:<12} {role}")
        self.stdout.write("")
