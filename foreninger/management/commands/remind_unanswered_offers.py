"""Daily: remind associations, once, of offers to help left unanswered for a week."""

from django.core.management.base import BaseCommand

from foreninger.services.offers import remind_unanswered_offers


class Command(BaseCommand):
    help = "Email associations about offers to help still unanswered after 7 days (once each)."

    def handle(self, *args, **options):
        reminded = remind_unanswered_offers()
        self.stdout.write(f"Sent reminders about {reminded} unanswered offer(s).")
