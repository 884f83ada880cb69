"""The guide's vocabularies (categories, target groups, areas), read once per worker.

They change a few times a year, in the admin, and every list page shows them. They are
kept under the guide's cache generation, which every change to them bumps
(foreninger/signals.py), so every worker reads them again after a change.
"""

from frivillig.lib.cache import cached

from .guide_cache import NAMESPACE
from .models import Area, Category, TargetGroup


def _load() -> dict[str, list]:
    return {
        "categories": list(Category.objects.all()),
        "target_groups": list(TargetGroup.objects.all()),
        "areas": list(Area.objects.all()),
    }


def guide_vocabularies() -> dict[str, list]:
    return cached(NAMESPACE, "vocabularies", build=_load)
