"""System checks for settings Django's own deploy checks do not know about."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    # Daily commands put SITE_URL in the links they mail (confirm a listing, answer an offer,
    # accept an invitation); a development default there sends people to nowhere.
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme != "https" or parts.hostname in (None, "localhost", "127.0.0.1"):
        return [
            Warning(
                "FRIVILLIG_SITE_URL is not the site's public https address "
                f"({settings.SITE_URL!r}); links in emails would not work.",
                hint="Set FRIVILLIG_SITE_URL, e.g. https://frivillig.example.org",
                id="frivillig.W001",
            )
        ]
    return []
