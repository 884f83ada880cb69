"""Daily: delete offers to help older than VolunteerOffer.RETENTION."""

from django.core.management.base import BaseCommand

from foreninger.services.offers import purge_old_offers


class Command(BaseCommand):
    help = "Delete offers to help made more than a year ago."

    def handle(self, *args, **options):
        deleted = purge_old_offers()
        self.stdout.write(f"Deleted {deleted} offer(s) older than a year.")
