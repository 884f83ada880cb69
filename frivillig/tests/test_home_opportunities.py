"""The home page shows the newest volunteer opportunities, cheaply."""

import datetime

import pytest
from django.utils import timezone

from foreninger.models import Association
from foreninger.tests.factories import make_association, make_opportunity
from frivillig.tests.cache_stores import generation_queries


@pytest.fixture
def association(centre):
    return make_association("Skakklubben")


def test_home_shows_the_four_newest_open_opportunities(client, association):
    for number in range(6):
        make_opportunity(association, title=f"Opgave {number}", time_commitment=f"{number} timer")
    make_opportunity(association, title="Inaktiv opgave", is_active=False)

    html = client.get("/").content.decode()

    for number in (2, 3, 4, 5):
        assert f"Opgave {number}" in html
    assert "Opgave 1" not in html
    assert "Inaktiv opgave" not in html
    assert "5 timer" in html
    assert "Skakklubben" in html
    assert 'href="/frivillig/"' in html


def test_each_card_links_to_its_opportunity(client, association):
    opportunity = make_opportunity(association, title="Skaktræner")

    assert f'href="/frivillig/{opportunity.pk}/"' in client.get("/").content.decode()


def test_home_leaves_out_opportunities_of_hidden_or_closed_listings(client, association):
    hidden = make_association("Skjult", status=Association.Status.HIDDEN)
    make_opportunity(hidden, title="Skjult opgave")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_opportunity(association, title="Lukket opgave", closes_on=yesterday)

    html = client.get("/").content.decode()

    assert "Skjult opgave" not in html
    assert "Lukket opgave" not in html


def test_home_has_an_empty_state_without_opportunities(client, centre):
    response = client.get("/")

    assert response.status_code == 200
    assert 'id="home-opportunities-heading"' in response.content.decode()
    assert 'href="/frivillig/"' in response.content.decode()


def test_a_new_opportunity_shows_at_once_despite_the_cache(client, association):
    client.get("/")

    make_opportunity(association, title="Helt ny opgave")

    assert "Helt ny opgave" in client.get("/").content.decode()


def test_english_home_shows_the_opportunities_too(client, association):
    make_opportunity(association, title="Skaktræner")

    html = client.get("/en/").content.decode()

    assert "Newest volunteer opportunities" in html
    assert "Skaktræner" in html


def test_home_runs_few_queries_and_none_for_the_opportunities_when_warm(
    client, association, django_assert_max_num_queries, django_assert_num_queries
):
    for number in range(6):
        make_opportunity(association, title=f"Opgave {number}")

    with django_assert_max_num_queries(3):
        first = client.get("/")
    with django_assert_num_queries(generation_queries()):  # only the cache generations
        again = client.get("/")

    assert first.status_code == again.status_code == 200
    # The four newest, in both the rendered and the cached page.
    for html in (first.content.decode(), again.content.decode()):
        assert all(f"Opgave {number}" in html for number in (2, 3, 4, 5))
        assert "Opgave 1" not in html
