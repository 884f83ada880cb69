from django.core.management.base import BaseCommand

from frivillig.lib.mail import drain_outbox


class Command(BaseCommand):
    help = (
        "Send the mail waiting in the outbox and retry mail that failed. "
        "Safe to run every minute, from several hosts at once."
    )

    def handle(self, *args, **options):
        counts = drain_outbox()
        self.stdout.write(
            "Sent {sent} mails, {deferred} failed and wait for the next run, "
            "{waiting} still queued; {purged} old log entries removed.".format(**counts)
        )
