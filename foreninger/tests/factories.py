"""Small factories for the foreninger tests: each makes one saved object with sane defaults."""

import itertools

from django.utils.text import slugify

from foreninger.models import Area, Association, Category, TargetGroup, VolunteerOpportunity

_counter = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


# Vocabulary rows that migration 0003 installs; tests ask for them through these helpers so
# they also pass after a transactional test has flushed the database.
DEFAULT_CATEGORIES = {
    "social": ("Socialt", "Social"),
    "kultur": ("Kultur", "Culture"),
    "idraet": ("Idræt og motion", "Sport and exercise"),
    "lokalsamfund": ("Lokalsamfund", "Local community"),
    "andet": ("Andet", "Other"),
}
DEFAULT_TARGET_GROUPS = {
    "seniorer": ("Seniorer", "Seniors"),
    "voksne": ("Voksne", "Adults"),
}
DEFAULT_AREAS = {"hele-kommunen": ("Hele kommunen", "The whole municipality")}


def category(slug: str) -> Category:
    name, name_en = DEFAULT_CATEGORIES[slug]
    return Category.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]


def target_group(slug: str) -> TargetGroup:
    name, name_en = DEFAULT_TARGET_GROUPS[slug]
    return TargetGroup.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en}
    )[0]


def area(slug: str) -> Area:
    name, name_en = DEFAULT_AREAS[slug]
    return Area.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]


def make_category(name=None, *, slug=None, **kw) -> Category:
    name = name or _unique("Kategori")
    return Category.objects.create(name=name, slug=slug or slugify(name), **kw)


def make_target_group(name=None, *, slug=None, **kw) -> TargetGroup:
    name = name or _unique("Målgruppe")
    return TargetGroup.objects.create(name=name, slug=slug or slugify(name), **kw)


def make_area(name=None, *, slug=None, **kw) -> Area:
    name = name or _unique("Område")
    return Area.objects.create(name=name, slug=slug or slugify(name), **kw)


def make_association(
    name=None, *, categories=(), target_groups=(), status=Association.Status.PUBLISHED, **kw
) -> Association:
    """A published association unless ``status`` says otherwise."""
    name = name or _unique("Foreningen")
    kw.setdefault("slug", slugify(name) or _unique("forening"))
    kw.setdefault("short_description", f"{name} er en forening for alle.")
    association = Association.objects.create(name=name, status=status, **kw)
    if categories:
        association.categories.set(categories)
    if target_groups:
        association.target_groups.set(target_groups)
    return association


def make_opportunity(association, **kw) -> VolunteerOpportunity:
    kw.setdefault("title", _unique("Frivillig opgave"))
    kw.setdefault("description", "Vi søger en frivillig.")
    kw.setdefault("time_commitment", "2 timer om ugen")
    return VolunteerOpportunity.objects.create(association=association, **kw)
