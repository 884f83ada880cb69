"""The site's main navigation: a section appears once its page exists.

Each capability adds its URL; until then its entry is left out, so no link ever leads to
a placeholder.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_SECTIONS = [
    ("foreninger:list", _("Associations")),
    ("foreninger:opportunities", _("Volunteer")),
    ("selvhjaelp:list", _("Self-help")),
    ("arrangementer:calendar", _("Events")),
    ("arrangementer:workshops", _("Workshops")),
    ("arrangementer:guide", _("Event guide")),
    ("frivillig:about", _("About us")),
]


def main_navigation(current_path: str) -> list[dict]:
    items = []
    for url_name, label in MAIN_SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": current_path.startswith(url)})
    return items
