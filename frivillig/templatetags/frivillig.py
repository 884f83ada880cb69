from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


def _strip_language_prefix(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return "/" + path[len(prefix) :]
    return path


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """This page's address in another language, query string kept.

    Pages that do not resolve (a 404) still switch, by swapping the language prefix.
    """
    request = context.get("request")
    if request is None:
        return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"
    full_path = request.get_full_path()
    if language_code == get_language():
        return full_path
    url = translate_url(full_path, language_code)
    if url != full_path:
        return url
    bare = _strip_language_prefix(full_path)
    if language_code == settings.LANGUAGE_CODE:
        return bare
    return f"/{language_code}{bare}"


@register.filter
def minutes(duration) -> int:
    """Whole minutes in a timedelta, rounded up (a lockout of 90 s reads "2 minutes")."""
    if duration is None:
        return 0
    seconds = int(duration.total_seconds())
    return max(1, -(-seconds // 60))


@register.filter
def first_paragraph(text: str) -> str:
    """The text up to its first blank line: a teaser that never cuts a sentence."""
    return (text or "").replace("\r\n", "\n").split("\n\n", 1)[0]
