"""The guide's cached pages: its lists and association pages, fresh on every worker.

A thin layer over frivillig/lib/cache.py under the namespace ``guide``: every change to an
association, an opportunity, a vocabulary or a membership bumps the guide's generation
(foreninger/signals.py and the services), and every worker's cached pieces of the guide are
retired on its next request.
"""

import functools
import time

from frivillig.lib import cache as shared_cache

NAMESPACE = "guide"
GUIDE_CACHE_SECONDS = shared_cache.PAGE_SECONDS


def guide_generation() -> int:
    """The guide's generation, for template fragment keys; never reused if unreadable."""
    number = shared_cache.generation(NAMESPACE)
    return -time.time_ns() if number is None else number


def bump_guide_generation() -> None:
    shared_cache.bump(NAMESPACE)


def cached_list_page(request, *, scope: str, params, build) -> dict:
    """``build(request)``'s result, cached under the page's known ``params`` and ``scope``."""
    return shared_cache.cached_list_page(
        request, namespace=NAMESPACE, scope=scope, params=params, build=build
    )


def cached_detail(*parts, build):
    """One association's or opportunity's rendered body, until the guide changes."""
    return shared_cache.cached(NAMESPACE, "detail", *parts, build=build)


#: Whole public pages of the guide, for visitors without a login: they show the centre
#: (header and footer) and the guide's data.
guide_page = functools.partial(shared_cache.cache_public_page, "centre", NAMESPACE)
