"""The two shared stores of frivillig/lib/cache.py, for tests that pick one.

Tests that need a Redis server are skipped where none answers and fail under CI=true: CI
must never pass by quietly not running them (`.ci/run` starts one through `.ci/redis.sh`).
"""

import os
import runpy
from unittest import mock

import pytest

import frivillig.settings

HINT = (
    "start one with `bash .ci/redis.sh` (installs Debian's redis-server if missing) "
    "or `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''`"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_redis(url: str) -> None:
    """Skip the calling test unless ``url`` answers PING (fail instead under CI=true)."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            client.ping()
        finally:
            client.close()
    except redis.RedisError as error:
        message = f"Redis does not answer at {url} ({error}); {HINT}."
        if in_ci():
            pytest.fail(f"CI=true and this test needs Redis. {message}", pytrace=False)
        pytest.skip(message)


def caches_for(url: str) -> dict:
    """CACHES exactly as frivillig/settings.py builds it for DJANGO_CACHE_URL=``url``
    ("" for the database store)."""
    with mock.patch.dict(os.environ, {"DJANGO_CACHE_URL": url}):
        return runpy.run_path(frivillig.settings.__file__)["CACHES"]


def generation_queries() -> int:
    """Database queries a request spends reading cache generations with the configured store:
    one with the database, none with Redis (for query-count tests that run under both)."""
    from frivillig.lib.cache import _uses_redis

    return 0 if _uses_redis() else 1
