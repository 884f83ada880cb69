from django.utils.text import slugify

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slug(name: str) -> str:
    """A slug that spells æ, ø and å as ae, oe and aa (as the admin's slug field does)."""
    return slugify(name.translate(_DANISH_LETTERS))


def unique_slug(name: str, taken: set[str], *, max_length: int = 150) -> str:
    """``danish_slug(name)``, numbered if it is in ``taken``; the result is added to it."""
    base = danish_slug(name)[:max_length] or "forening"
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def free_slug(name: str, queryset, *, max_length: int = 150) -> str:
    """``unique_slug`` for one new row among those in ``queryset`` (e.g. all associations)."""
    base = danish_slug(name)[:max_length] or "forening"
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    return unique_slug(name, taken, max_length=max_length)
