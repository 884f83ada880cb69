"""Generations in Redis (DJANGO_CACHE_URL): the same promises as with the database store.

The caches are the ones frivillig/settings.py builds for a Redis address: the suite's own
DJANGO_CACHE_URL when set (the Redis run of CI), else database 14 of 127.0.0.1:6379, which
these tests flush. Skipped where no Redis answers, failed under CI=true.
"""

import os
import socket
from unittest import mock

import pytest
import redis
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

from frivillig.lib import cache as shared_cache
from frivillig.models import CentreProfile
from frivillig.tests.cache_stores import caches_for, require_redis

REDIS_URL = os.environ.get("DJANGO_CACHE_URL", "").strip() or "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_store(settings):
    require_redis(REDIS_URL)
    # The settings fixture's change signal makes Django rebuild its cache handlers.
    settings.CACHES = caches_for(REDIS_URL)
    caches["shared"].clear()  # flushes the database, the counters' alias included
    return caches["shared"]


@pytest.fixture
def other_client(redis_store):
    """Another process's view of the same Redis: a connection of its own."""
    client = redis.Redis.from_url(REDIS_URL)
    yield client
    client.close()


@pytest.fixture
def in_request():
    """Make the code below run as inside one request (numbers read once)."""
    shared_cache.request_started()
    yield
    shared_cache.request_finished()


@pytest.fixture
def redis_commands():
    """Every command sent to any Redis, by name."""
    sent = []
    original = redis.Redis.execute_command

    def counting(client, *args, **options):
        sent.append(args[0])
        return original(client, *args, **options)

    with mock.patch.object(redis.Redis, "execute_command", counting):
        yield sent


@pytest.fixture
def closed_port():
    """A port that refuses connections: bound, never listening, so nobody else takes it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


def test_settings_put_generations_and_counters_on_redis(redis_store, settings):
    assert isinstance(redis_store, RedisCache)
    assert isinstance(caches[settings.RATELIMIT_USE_CACHE], RedisCache)
    # Rendered pages stay in the worker's memory; only the numbers travel.
    assert not isinstance(cache, RedisCache)
    assert shared_cache._uses_redis()


def test_bump_grows_the_number_in_redis(db, redis_store, other_client):
    before = shared_cache.generation("test")
    shared_cache.bump("test")
    shared_cache.bump("test")

    assert shared_cache.generation("test") == before + 2
    key = redis_store.make_and_validate_key("generation:test")
    assert int(other_client.get(key)) == before + 2


def test_a_change_from_another_client_retires_the_cached_piece(db, redis_store, other_client):
    builds = []

    def build():
        builds.append(1)
        return f"build {len(builds)}"

    assert shared_cache.cached("test", "piece", build=build) == "build 1"
    assert shared_cache.cached("test", "piece", build=build) == "build 1"
    # Another worker or host, or a management command, bumps the number in Redis.
    other_client.incr(redis_store.make_and_validate_key("generation:test"))

    assert shared_cache.cached("test", "piece", build=build) == "build 2"


def test_numbers_are_read_in_one_round_trip_per_request(db, redis_store, redis_commands):
    names = ["centre", "guide", "never-bumped"]
    # A first request meets the namespaces (and numbers Redis does not hold yet are set).
    shared_cache.request_started()
    for name in names:
        shared_cache.generation(name)
    shared_cache.request_finished()

    shared_cache.request_started()
    try:
        redis_commands.clear()
        numbers = [shared_cache.generation(name) for name in names * 2]
    finally:
        shared_cache.request_finished()

    assert redis_commands == ["MGET"]
    assert numbers[:3] == numbers[3:]


def test_a_bump_within_the_request_is_seen_by_the_rest_of_it(db, redis_store, in_request):
    before = shared_cache.generation("guide")
    shared_cache.bump("guide")

    assert shared_cache.generation("guide") == before + 1


def test_a_bump_is_repeated_after_the_commit(db, redis_store, django_capture_on_commit_callbacks):
    # Redis is not part of the transaction: a page built from the old data between the
    # first bump and the commit would otherwise outlive the change.
    before = shared_cache.generation("guide")
    with django_capture_on_commit_callbacks(execute=True):
        shared_cache.bump("guide")
        assert shared_cache.generation("guide") == before + 1

    assert shared_cache.generation("guide") == before + 2


def test_a_bump_in_a_rolled_back_transaction_still_retires_pages(db, redis_store):
    before = shared_cache.generation("guide")
    with pytest.raises(RuntimeError), transaction.atomic():
        shared_cache.bump("guide")
        raise RuntimeError

    # Redis cannot undo it; rebuilding a page once more is harmless, stale data is not.
    assert shared_cache.generation("guide") == before + 1


def test_an_unreachable_redis_builds_afresh_instead_of_serving_stale(
    db, redis_store, settings, closed_port
):
    assert shared_cache.cached("guide", "piece", build=lambda: "old") == "old"
    settings.CACHES = caches_for(f"redis://127.0.0.1:{closed_port}/0")

    assert shared_cache.generation("guide") is None
    assert shared_cache.cache_key("guide", "piece") is None
    first = shared_cache.cached("guide", "piece", build=lambda: "fresh 1")
    second = shared_cache.cached("guide", "piece", build=lambda: "fresh 2")
    assert (first, second) == ("fresh 1", "fresh 2")


def test_an_unreachable_redis_costs_the_cache_not_the_page(
    db, centre, client, settings, closed_port
):
    require_redis(REDIS_URL)  # the variant of this suite that runs with Redis at all
    settings.CACHES = caches_for(f"redis://127.0.0.1:{closed_port}/0")

    for path in ["/", "/foreninger/", "/frivillig/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert centre.name in response.content.decode(), path


def test_an_unreachable_redis_does_not_fail_a_change(db, centre, settings, closed_port):
    require_redis(REDIS_URL)
    settings.CACHES = caches_for(f"redis://127.0.0.1:{closed_port}/0")

    centre.name = "Gemt Alligevel"
    centre.save()  # bumps the centre's generation, which Redis cannot take now

    assert CentreProfile.objects.get().name == "Gemt Alligevel"


def test_a_redis_that_lost_its_numbers_starts_from_the_clock_not_from_zero(db, redis_store):
    redis_store.clear()

    assert shared_cache.generation("guide") > 1_000_000


def test_rate_limit_counters_live_in_an_alias_of_their_own(db, redis_store, settings):
    counters = caches[settings.RATELIMIT_USE_CACHE]
    counters.set("rl:test", 5, 3600)
    redis_store.set("rl:test", "not a counter", 3600)
    limit = settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"]

    for number in range(limit + 50):  # as if strangers searched for many different things
        cache.set(f"page:{number}", "body", 3600)

    assert counters is not redis_store
    assert counters.make_key("rl:test") != redis_store.make_key("rl:test")
    assert counters.get("rl:test") == 5
    assert redis_store.get("rl:test") == "not a counter"
