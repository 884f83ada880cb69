"""The rendered result list of /foreninger/, cached per filter combination.

The guide's list is the site's busiest page and changes a few times a day. Its rendered
body (filters, count, cards, pagination) is cached under a key made of the language, the
normalised query string and a generation number that every change to an association, its
categories or the vocabularies bumps (foreninger/signals.py). The cache is per worker
(LocMemCache): the worker that saved sees the change at once, the others within
GUIDE_CACHE_SECONDS. An association's own page asks the database every time whether the
association is published (so unpublishing takes effect there at once) and caches only its
rendered body, under the association's last change and the same generation.
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import get_language

GUIDE_CACHE_SECONDS = 60
GENERATION_KEY = "foreninger:guide:generation"


def guide_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump_guide_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def guide_cache_key(query_items: list[tuple[str, str]], *, scope: str = "guide") -> str:
    """A key for one combination of GET parameters (order-insensitive), language, generation.

    ``scope`` keeps the lists apart (the guide, volunteer opportunities, members). Lists
    whose rows depend on the date (closing dates, membership years) put it in ``scope``.
    """
    normalised = "&".join(f"{k}={v}" for k, v in sorted(query_items))
    digest = hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"foreninger:{scope}:{get_language()}:{guide_generation()}:{digest}"


def cached_list_page(request, *, scope: str, build) -> dict:
    """``build(request)``'s result, cached under the request's GET parameters and ``scope``."""
    items = [(k, v) for k, values in request.GET.lists() for v in values]
    key = guide_cache_key(items, scope=scope)
    page = cache.get(key)
    if page is None:
        page = build(request)
        cache.set(key, page, GUIDE_CACHE_SECONDS)
    return page


def detail_cache_key(pk: int, updated_at, site: str) -> str:
    stamp = updated_at.timestamp() if updated_at else 0
    site_digest = hashlib.sha256(site.encode()).hexdigest()[:12]
    return f"foreninger:detail:{get_language()}:{guide_generation()}:{site_digest}:{pk}:{stamp}"
