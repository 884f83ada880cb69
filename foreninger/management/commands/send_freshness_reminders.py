from django.core.management.base import BaseCommand

from foreninger.services.freshness import send_freshness_reminders


class Command(BaseCommand):
    help = (
        "Email the contacts of listings not confirmed for 12 months a link to confirm them; "
        "a second reminder after 30 days. Safe to run daily."
    )

    def handle(self, *args, **options):
        sent = send_freshness_reminders()
        self.stdout.write(f"Sent {sent} freshness reminder(s).")
