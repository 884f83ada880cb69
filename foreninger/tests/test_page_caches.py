"""The public lists and forms that are cached still show every change at once."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from foreninger.models import Membership
from foreninger.tests.factories import make_association, make_opportunity

pytestmark = pytest.mark.django_db


def test_new_volunteer_opportunity_shows_in_the_cached_list_at_once(client, centre):
    association = make_association("Roklubben")
    make_opportunity(association, title="Første opgave")
    assert "Første opgave" in client.get("/frivillig/").content.decode()

    make_opportunity(association, title="Anden opgave")

    assert "Anden opgave" in client.get("/frivillig/").content.decode()


def test_the_guide_and_the_opportunity_list_do_not_share_a_cached_page(client, centre):
    make_opportunity(make_association("Roklubben"), title="Kaffebrygger")

    guide = client.get("/foreninger/").content.decode()
    opportunities = client.get("/frivillig/").content.decode()

    assert "Kaffebrygger" in opportunities
    assert "Kaffebrygger" not in guide


def test_edited_opportunity_shows_its_new_description_at_once(client, centre):
    opportunity = make_opportunity(make_association("Roklubben"), description="Gammel tekst")
    url = f"/frivillig/{opportunity.pk}/"
    assert "Gammel tekst" in client.get(url).content.decode()

    opportunity.description = "Ny tekst"
    opportunity.save()

    assert "Ny tekst" in client.get(url).content.decode()


def test_new_membership_shows_in_the_cached_member_list_at_once(client, centre):
    association = make_association("Nyt Medlem")
    assert "Nyt Medlem" not in client.get("/medlemmer/").content.decode()

    Membership.objects.create(
        association=association, year=timezone.localdate().year, fee=200, joined_on=date.today()
    )

    assert "Nyt Medlem" in client.get("/medlemmer/").content.decode()


def test_registration_form_shows_no_other_persons_name(client, centre):
    users = get_user_model().objects
    client.force_login(users.create_user("mette", "mette@example.org", first_name="Mette"))
    assert "Mette" in client.get("/opret-forening/").content.decode()

    client.force_login(users.create_user("karl", "karl@example.org", first_name="Karl"))
    page = client.get("/opret-forening/").content.decode()

    assert "Karl" in page
    assert "Mette" not in page


def test_registration_form_with_errors_is_not_served_from_the_cache(client, centre):
    client.get("/opret-forening/")

    response = client.post("/opret-forening/", {"name": ""})

    assert response.status_code == 200
    assert "Dette felt er påkrævet." in response.content.decode()
    assert "Dette felt er påkrævet." not in client.get("/opret-forening/").content.decode()
