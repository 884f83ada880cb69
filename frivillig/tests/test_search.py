import pytest

from foreninger.models import Association
from foreninger.tests.factories import make_association, make_opportunity


@pytest.fixture
def content(centre):
    grief = make_association("Sorggruppen Lysglimt", short_description="For dig, der har mistet.")
    make_association("Sorgløs Kortklub")
    make_association("Skjult sorg", status=Association.Status.HIDDEN)
    make_opportunity(grief, title="Kaffevært i sorggruppen")
    return grief


def test_search_groups_results_by_kind_with_counts(client, content):
    html = client.get("/soeg/?q=sorg").content.decode()

    assert "3 resultater for “sorg”" in html
    assert "Sorggruppen Lysglimt" in html
    assert "Sorgløs Kortklub" in html
    assert "Kaffevært i sorggruppen" in html
    assert "Skjult sorg" not in html


def test_search_is_in_english_under_en(client, content):
    html = client.get("/en/soeg/?q=sorg").content.decode()

    assert "3 results for “sorg”" in html
    assert "Volunteer opportunities" in html


def test_search_links_to_the_full_guide_when_there_are_more(client, centre):
    for number in range(7):
        make_association(f"Sorgforening {number}")

    html = client.get("/soeg/?q=sorg").content.decode()

    assert 'href="/foreninger/?q=sorg"' in html
    assert "Se alle 7 foreninger" in html


def test_search_without_matches_says_so(client, content):
    html = client.get("/soeg/?q=zebra").content.decode()

    assert "Intet passer til “zebra”." in html


def test_empty_search_shows_only_the_form(client, content):
    html = client.get("/soeg/").content.decode()

    assert 'name="q"' in html
    assert "resultat" not in html


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "x" * 10000, "'; DROP TABLE x;--"])
def test_hostile_queries_are_answered_safely(client, content, query):
    response = client.get("/soeg/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_runs_a_fixed_number_of_queries(client, content, django_assert_max_num_queries):
    for number in range(20):
        make_association(f"Sorg {number}")

    # generations, centre; per kind of result a count and a page (PostgreSQL asks first
    # whether the full-text search matches)
    with django_assert_max_num_queries(7):
        response = client.get("/soeg/?q=sorg")

    assert response.status_code == 200
    html = response.content.decode()
    assert "23 resultater for “sorg”" in html
    assert "Skjult sorg" not in html


def test_every_page_links_to_the_search(client, centre):
    assert 'href="/soeg/"' in client.get("/om/").content.decode()
