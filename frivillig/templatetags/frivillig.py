from django import template

register = template.Library()


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
