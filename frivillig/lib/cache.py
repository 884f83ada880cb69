"""Caches that are right on every worker and host the moment the data changes.

Rendered pages and fragments stay in each worker's own memory (the ``default`` cache), the
fastest place there is. What decides whether a cached piece is still right is a *generation*:
a number per namespace ("centre", "guide", ...) that grows on every change to the data behind
it, and that is part of every cache key. The numbers live in one shared store that every
worker and host reads: the database (``frivillig.models.CacheGeneration``) by default, Redis
when ``DJANGO_CACHE_URL`` is set. A change made anywhere (a page, the admin, an import, a
management command, cron) bumps the number, and the next request to any worker builds the
page afresh.

Reading costs one query (or one Redis round trip) per request: the numbers are read once
and remembered until the request ends. Outside a request they are read every time.

Bumping is transactional with the database store: the new number becomes visible in the same
commit as the data. Redis is not transactional, so there the number is bumped at once (for
the rest of this request) and again after the commit (so that no page built from the old
data in between can outlive it).

If the shared store cannot be read, pages are built without the cache rather than risk
showing stale ones.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

#: How long a rendered piece may stay in a worker's memory. Freshness does not depend on it
#: (generations do that); it only bounds how long unused pieces take up room.
PAGE_SECONDS = 60 * 60

#: A free-text parameter longer than this is answered without the cache, so that strangers
#: cannot fill it with one-off searches (the page itself still works).
MAX_CACHED_TEXT = 60

_SHARED_PREFIX = "generation:"
_COMPLETE = "*"  # in a request's numbers: every namespace has been read

# The numbers read during the current request; None outside a request.
_request_generations: ContextVar[dict | None] = ContextVar("frivillig_generations", default=None)

# Every namespace this process has asked for. Redis has no "all rows" read like the database's
# one query, so a request's first read fetches all of these at once: one round trip per request
# instead of one per namespace.
_known_names: set[str] = set()


def _uses_redis() -> bool:
    return "shared" in settings.CACHES


# The shared store -------------------------------------------------------------------------


def _read(names: Iterable[str]) -> dict[str, int]:
    names = list(names)
    if _uses_redis():
        shared = caches["shared"]
        keys = {_SHARED_PREFIX + name: name for name in names}
        found = shared.get_many(list(keys))
        missing = [key for key in keys if key not in found]
        if missing:
            # A Redis that lost its data (restarted without persistence) must not hand out
            # numbers that old pages were keyed by: start from the clock, never from 0.
            start = time.time_ns()
            for key in missing:
                shared.add(key, start, None)
            found.update(shared.get_many(missing))
        return {name: int(found.get(key, 0)) for key, name in keys.items()}
    from frivillig.models import CacheGeneration

    # One query answers every namespace the request will ask for.
    return dict(CacheGeneration.objects.values_list("name", "value"))


def _increment(name: str) -> int:
    if _uses_redis():
        shared = caches["shared"]
        key = _SHARED_PREFIX + name
        shared.add(key, time.time_ns(), None)
        return shared.incr(key)
    from frivillig.models import CacheGeneration

    if not CacheGeneration.objects.filter(name=name).update(value=F("value") + 1):
        try:
            with transaction.atomic():
                CacheGeneration.objects.create(name=name, value=1)
        except IntegrityError:  # created by someone else meanwhile
            CacheGeneration.objects.filter(name=name).update(value=F("value") + 1)
    return CacheGeneration.objects.get(name=name).value


# Reading and bumping ----------------------------------------------------------------------


def generation(name: str) -> int | None:
    """The current number of ``name``; None when the shared store cannot be read."""
    remembered = _request_generations.get()
    if remembered is not None and (name in remembered or _COMPLETE in remembered):
        return remembered.get(name, 0)
    names = {name} if remembered is None else {name, *_known_names} - remembered.keys()
    _known_names.add(name)
    try:
        found = _read(names)
    except Exception:
        logger.exception("cache generations could not be read; building pages afresh")
        return None
    if remembered is not None:
        remembered.update(found)
        remembered.setdefault(name, 0)
        if not _uses_redis():
            remembered[_COMPLETE] = 0  # the database answered for every namespace at once
    return found.get(name, 0)


def bump(*names: str) -> None:
    """Retire every cached piece of these namespaces, on every worker and host."""
    for name in names:
        _bump_now(name)
        if _uses_redis():
            transaction.on_commit(lambda name=name: _bump_now(name), robust=True)


def _bump_now(name: str) -> None:
    try:
        value = _increment(name)
    except DatabaseError:
        raise  # the database store is part of the transaction: let it decide
    except Exception:
        # Redis is down. The change itself must not fail (it may be a citizen's
        # submission); while Redis cannot be read, no worker serves cached pages anyway.
        logger.exception("cache generation %s could not be bumped", name)
        return
    remembered = _request_generations.get()
    if remembered is not None:
        remembered[name] = value


def request_started(**kwargs) -> None:
    _request_generations.set({})


def request_finished(**kwargs) -> None:
    _request_generations.set(None)


# Keys and cached pieces -------------------------------------------------------------------


def cache_key(namespace: str, *parts, params: Iterable[tuple[str, str]] = ()) -> str | None:
    """A key for one piece of ``namespace`` in the current language and generation.

    ``params`` (name, value) pairs are sorted and URL-encoded, so no value can pose as
    another parameter. None when the piece must not be cached (see :func:`cached`).
    """
    number = generation(namespace)
    if number is None:
        return None
    encoded = urlencode(sorted(params))
    raw = "|".join([*map(str, parts), encoded])
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{namespace}:{number}:{get_language()}:{digest}"


def cached(namespace: str, *parts, build: Callable[[], object], params=(), timeout=PAGE_SECONDS):
    """``build()``'s result, cached in this worker until ``namespace`` changes."""
    key = cache_key(namespace, *parts, params=params)
    if key is None:
        return build()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def known_params(query, names: Iterable[str]) -> list[tuple[str, str]]:
    """The (name, value) pairs of the query string that a page knows, in a stable order."""
    return sorted((name, value) for name in names for value in query.getlist(name))


def cacheable(params: Iterable[tuple[str, str]], *, max_text: int = MAX_CACHED_TEXT) -> bool:
    return all(len(value) <= max_text for _, value in params)


def only_known_params(request, pairs: list[tuple[str, str]]) -> None:
    """Let the rest of the request see only the parameters its cache key holds.

    Whatever a cached piece links to (pagination, filter chips, the language switcher) is
    then the same for every request that shares its key.
    """
    encoded = urlencode(pairs)
    request.GET = QueryDict(encoded)
    request.META["QUERY_STRING"] = encoded


def cached_list_page(request, *, namespace: str, scope: str, params: Iterable[str], build):
    """A list page's body, cached per combination of the parameters the page knows.

    ``params`` names the query-string parameters the page reads; any other parameter is
    dropped from the request and cannot multiply the cache. ``scope`` keeps lists of one
    namespace apart (and carries the date where rows depend on it). Long free-text values
    are answered without the cache.
    """
    pairs = known_params(request.GET, params)
    only_known_params(request, pairs)
    if not cacheable(pairs):
        return build(request)
    return cached(namespace, scope, build=lambda: build(request), params=pairs)


# Whole pages for visitors without a login ------------------------------------------------

#: Stands in for the CSRF token in a cached page; each response gets its visitor's own.
CSRF_PLACEHOLDER = "csrf-token-of-this-visitor"
_RENDERING_FOR_CACHE = "_frivillig_page_for_cache"


def csrf_placeholder(request) -> dict:
    """Context processor: while a page is rendered for the cache, forms get the placeholder."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def _personal(request) -> bool:
    # A session or a pending message means the page may show something of this visitor.
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


#: Headers of a page that a copy from the cache repeats (never_cache's, for browsers).
_REPEATED_HEADERS = ("Cache-Control", "Expires")


def _storable(response) -> bool:
    # The page has no session and no message (checked before); a cookie set by the view
    # would be someone's own.
    return response.status_code == 200 and not response.streaming and not response.cookies


def cache_public_page(*namespaces: str, params: Iterable[str] = ()):
    """Serve a whole page from this worker's memory to visitors who are not logged in.

    The page is rendered once per language, path, known parameters, date and generation of
    each of ``namespaces`` (the data it shows); any change to that data retires it on every
    worker. A visitor with a session or a message waiting, a POST (a form with errors), and
    a long free-text parameter always get a freshly rendered page. Forms in a cached page
    carry a placeholder that each response replaces with the visitor's own CSRF token.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD") or _personal(request):
                return view(request, *args, **kwargs)
            pairs = known_params(request.GET, params)
            only_known_params(request, pairs)
            numbers = [generation(name) for name in namespaces]
            if None in numbers or not cacheable(pairs):
                return view(request, *args, **kwargs)
            key = cache_key(
                "page",
                request.path,
                *zip(namespaces, numbers, strict=True),
                date.today(),
                params=pairs,
            )
            stored = cache.get(key)
            if stored is None:
                setattr(request, _RENDERING_FOR_CACHE, True)
                try:
                    response = view(request, *args, **kwargs)
                    # A TemplateResponse renders late: render it while forms still get the
                    # placeholder, or the first visitor's CSRF token would be stored.
                    if callable(getattr(response, "render", None)):
                        response.render()
                finally:
                    setattr(request, _RENDERING_FOR_CACHE, False)
                if not _storable(response):
                    return response
                headers = {name: response[name] for name in _REPEATED_HEADERS if name in response}
                stored = (
                    response.content.decode(response.charset),
                    response["Content-Type"],
                    headers,
                )
                cache.set(key, stored, PAGE_SECONDS)
            content, content_type, headers = stored
            if CSRF_PLACEHOLDER in content:
                content = content.replace(CSRF_PLACEHOLDER, get_token(request))
            return HttpResponse(content, content_type=content_type, headers=headers)

        return wrapped

    return decorator
