"""Generations in a shared store: cached pieces are right on every worker at once."""

from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.test import RequestFactory

from frivillig.lib import cache as shared_cache
from frivillig.models import CacheGeneration
from frivillig.tests.cache_stores import caches_for


@pytest.fixture(autouse=True)
def database_store(db, settings):
    """The default store, also when the suite runs with DJANGO_CACHE_URL (Redis has
    test_cache_redis.py)."""
    settings.CACHES = caches_for("")
    # migrate made the counters' table only if the suite's own settings use one.
    call_command("createcachetable", verbosity=0)


@pytest.fixture
def in_request():
    """Make the code below run as inside one request (numbers read once)."""
    shared_cache.request_started()
    yield
    shared_cache.request_finished()


def test_bump_grows_the_number_in_the_database(db):
    before = shared_cache.generation("test")
    shared_cache.bump("test")
    shared_cache.bump("test")

    assert shared_cache.generation("test") == before + 2
    assert CacheGeneration.objects.get(name="test").value == before + 2


def test_a_change_from_another_process_retires_the_cached_piece(db):
    builds = []

    def build():
        builds.append(1)
        return f"build {len(builds)}"

    assert shared_cache.cached("test", "piece", build=build) == "build 1"
    assert shared_cache.cached("test", "piece", build=build) == "build 1"
    # Another worker or a management command bumps the number in the shared store.
    CacheGeneration.objects.update_or_create(name="test", defaults={"value": 99})

    assert shared_cache.cached("test", "piece", build=build) == "build 2"


def test_numbers_are_read_once_per_request(db, in_request, django_assert_num_queries):
    with django_assert_num_queries(1):
        shared_cache.generation("centre")
        shared_cache.generation("guide")
        shared_cache.generation("never-bumped")


def test_a_bump_within_the_request_is_seen_by_the_rest_of_it(db, in_request):
    before = shared_cache.generation("guide")
    shared_cache.bump("guide")

    assert shared_cache.generation("guide") == before + 1


def test_bump_in_a_rolled_back_transaction_is_undone(db):
    before = shared_cache.generation("guide")
    with pytest.raises(RuntimeError), transaction.atomic():
        shared_cache.bump("guide")
        raise RuntimeError

    assert shared_cache.generation("guide") == before


def test_an_unreadable_store_builds_afresh_instead_of_serving_stale(db):
    with mock.patch.object(shared_cache, "_read", side_effect=ConnectionError("down")):
        assert shared_cache.generation("guide") is None
        first = shared_cache.cached("guide", "piece", build=lambda: "fresh 1")
        second = shared_cache.cached("guide", "piece", build=lambda: "fresh 2")

    assert (first, second) == ("fresh 1", "fresh 2")


def test_key_encodes_values_so_one_cannot_pose_as_two_parameters(db):
    joined = QueryDict("kategori=social%26q%3Dzzzzzz")
    separate = QueryDict("kategori=social&q=zzzzzz")
    names = ["kategori", "q"]

    assert shared_cache.cache_key(
        "guide", "list", params=shared_cache.known_params(joined, names)
    ) != shared_cache.cache_key("guide", "list", params=shared_cache.known_params(separate, names))


def test_key_ignores_order_and_parameters_the_page_does_not_know(db):
    names = ["kategori", "q"]
    one = QueryDict("q=sorg&kategori=social&utm_source=x")
    other = QueryDict("kategori=social&q=sorg&random=123")

    assert shared_cache.known_params(one, names) == shared_cache.known_params(other, names)


def test_key_differs_by_language(db):
    from django.utils import translation

    with translation.override("da"):
        danish = shared_cache.cache_key("guide", "list")
    with translation.override("en"):
        english = shared_cache.cache_key("guide", "list")

    assert danish != english


def test_long_free_text_is_answered_without_the_cache(db):
    request = RequestFactory().get("/", {"q": "x" * (shared_cache.MAX_CACHED_TEXT + 1)})
    builds = []

    for _ in range(2):
        shared_cache.cached_list_page(
            request, namespace="guide", scope="list", params=["q"], build=builds.append
        )

    assert len(builds) == 2
    assert not cache._cache  # nothing stored


def test_rate_limit_counters_survive_a_full_page_cache(db, settings):
    counters = caches[settings.RATELIMIT_USE_CACHE]
    counters.set("rl:test", 5, 3600)
    limit = settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"]

    for number in range(limit + 50):  # as if strangers searched for many different things
        cache.set(f"page:{number}", "body", 3600)

    assert counters is not cache
    assert counters.get("rl:test") == 5


# Whole pages for visitors without a login ------------------------------------------------


def _page_view(calls):
    from django.template import RequestContext, Template

    @shared_cache.cache_public_page("test", params=["q"])
    def view(request):
        calls.append(request)
        template = Template("<form method=post>{% csrf_token %}</form> call {{ n }}")
        return HttpResponse(template.render(RequestContext(request, {"n": len(calls)})))

    return view


def test_a_public_page_is_rendered_once_until_its_data_changes(db):
    calls = []
    view = _page_view(calls)
    factory = RequestFactory()

    first = view(factory.get("/side/")).content.decode()
    again = view(factory.get("/side/")).content.decode()
    shared_cache.bump("test")
    after_change = view(factory.get("/side/")).content.decode()

    assert len(calls) == 2
    assert "call 1" in first and "call 1" in again
    assert "call 2" in after_change


def test_each_visitor_gets_their_own_csrf_token_in_a_cached_page(db):
    view = _page_view([])
    factory = RequestFactory()
    one, other = factory.get("/side/"), factory.get("/side/")

    first = view(one).content.decode()
    second = view(other).content.decode()

    assert shared_cache.CSRF_PLACEHOLDER not in first + second
    assert one.META["CSRF_COOKIE"] != other.META["CSRF_COOKIE"]
    assert 'name="csrfmiddlewaretoken"' in second


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"path": "/side/", "method": "post"},
        {"path": "/side/", "cookies": {"sessionid": "abc"}},
        {"path": "/side/", "cookies": {"messages": "abc"}},
        {"path": "/side/", "data": {"q": "x" * 500}},
    ],
    ids=["post", "logged-in session", "pending message", "long free text"],
)
def test_personal_or_unbounded_requests_are_always_rendered_afresh(db, request_kwargs):
    calls = []
    view = _page_view(calls)
    factory = RequestFactory()
    method = request_kwargs.pop("method", "get")
    cookies = request_kwargs.pop("cookies", {})

    for _ in range(2):
        request = getattr(factory, method)(**request_kwargs)
        request.COOKIES.update(cookies)
        request._dont_enforce_csrf_checks = True
        view(request)

    assert len(calls) == 2


def test_the_home_page_is_served_whole_and_follows_a_change_of_the_centre(
    client, centre, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(1):  # the generations; nothing is rendered
        again = client.get("/")
    centre.name = "Frivilligcenter Nyby"
    centre.save()

    assert again.status_code == 200
    assert "Frivilligcenter Nyby" in client.get("/").content.decode()


def test_a_logged_in_visitor_gets_their_own_page(client, centre, staff_user):
    client.get("/")
    client.force_login(staff_user)

    html = client.get("/").content.decode()

    assert "Log ud" in html and "Administration" in html  # their own account menu


def test_the_cached_login_page_gives_each_visitor_a_token_that_works(centre, staff_user):
    from django.test import Client

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/konto/login/")
    page = second.get("/konto/login/")  # from the cache
    html = page.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    response = second.post(
        "/konto/login/",
        {"username": "staff", "password": "correct-horse-9", "csrfmiddlewaretoken": token},
    )

    assert shared_cache.CSRF_PLACEHOLDER not in html
    assert "no-store" in page["Cache-Control"]  # never_cache's headers come along
    assert response.status_code == 302
