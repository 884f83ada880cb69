"""The site's main navigation: a section appears once its page exists.

Each capability adds its URL; until then its entry is left out, so no link ever leads to
a placeholder.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

MAIN_SECTIONS = [
    ("foreninger:list", _("Associations")),
    ("foreninger:opportunities", _("Volunteer")),
    ("foreninger:service", _("Association service")),
    ("selvhjaelp:list", _("Self-help")),
    ("arrangementer:calendar", _("Events")),
    ("arrangementer:workshops", _("Workshops")),
    ("arrangementer:guide", _("Event guide")),
    ("frivillig:about", _("About us")),
]


@lru_cache(maxsize=8)
def _existing_sections(language: str) -> tuple[tuple[str, str], ...]:
    # URLs are fixed for the life of the process: work them out once per language.
    found = []
    for url_name, label in MAIN_SECTIONS:
        try:
            found.append((reverse(url_name), label))
        except NoReverseMatch:
            continue
    return tuple(found)


def main_navigation(current_path: str) -> list[dict]:
    return [
        {"url": url, "label": label, "active": current_path.startswith(url)}
        for url, label in _existing_sections(get_language())
    ]


def _swap_language_prefix(path: str, language_code: str) -> str:
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            path = path[len(code) + 1 :]
            break
    if language_code == settings.LANGUAGE_CODE:
        return path
    return f"/{language_code}{path}"


def language_versions(request) -> list[dict]:
    """This page in each language: for the switcher and the hreflang links.

    The query string is kept. A path that does not resolve (a 404) still switches, by
    swapping the language prefix.
    """
    current = get_language()
    full_path = request.get_full_path()
    versions = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            url = full_path
        else:
            url = translate_url(full_path, code)
            if url == full_path:
                url = _swap_language_prefix(full_path, code)
        info = get_language_info(code)
        versions.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    return versions
