"""The guide's vocabularies (categories, target groups, areas), read once per worker.

They change a few times a year, in the admin, and every list page shows them. They have a
cache generation of their own, which only a change to a vocabulary bumps (besides the guide's,
foreninger/signals.py): an association's edit does not make every worker read them again.
"""

from frivillig.lib.cache import bump, cached

from .models import Area, Category, TargetGroup


def _load() -> dict[str, list]:
    return {
        "categories": list(Category.objects.all()),
        "target_groups": list(TargetGroup.objects.all()),
        "areas": list(Area.objects.all()),
    }


NAMESPACE = "vocabularies"


def guide_vocabularies() -> dict[str, list]:
    return cached(NAMESPACE, "all", build=_load)


def vocabularies_changed() -> None:
    bump(NAMESPACE)
