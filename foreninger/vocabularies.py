"""The guide's vocabularies (categories, target groups, areas), read once per worker.

They change a few times a year, in the admin, and every list page shows them. Saving one
clears the cache at once in the saving worker; other workers see it within the timeout.
"""

from django.core.cache import cache

from .models import Area, Category, TargetGroup

VOCABULARY_CACHE_KEY = "foreninger:vocabularies:v1"
VOCABULARY_CACHE_SECONDS = 300


def guide_vocabularies() -> dict[str, list]:
    found = cache.get(VOCABULARY_CACHE_KEY)
    if found is None:
        found = {
            "categories": list(Category.objects.all()),
            "target_groups": list(TargetGroup.objects.all()),
            "areas": list(Area.objects.all()),
        }
        cache.set(VOCABULARY_CACHE_KEY, found, VOCABULARY_CACHE_SECONDS)
    return found


def forget_vocabularies() -> None:
    cache.delete(VOCABULARY_CACHE_KEY)
