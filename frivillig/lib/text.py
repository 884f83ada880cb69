"""Text that goes into mail headers and links made outside a request."""

from django.conf import settings


def one_line(text) -> str:
    """``text`` with every run of whitespace (newlines included) made one space: for
    subjects and names, so that nothing a user typed can start a new mail header."""
    return " ".join(str(text).split())


def site_url(path: str) -> str:
    """An absolute link for mail sent outside a request (daily commands, admin actions)."""
    return settings.SITE_URL + path
