"""The public lists and forms that are cached still show every change at once."""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from foreninger.models import Association, Membership, VolunteerOpportunity
from foreninger.search import uses_postgres_search
from foreninger.services.listings import publish_associations
from foreninger.services.membership import renew_memberships
from foreninger.tests.factories import (
    category,
    make_association,
    make_category,
    make_opportunity,
    target_group,
)

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


# Every way of writing that changes what a page shows retires the cached pages -------------
# (each test warms the page first, so a stale cache would show the old content)


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_save_shows_at_once(client, centre):
    association = make_association("Gammelt Navn")
    assert "Gammelt Navn" in _page(client, "/foreninger/")

    association.name = "Nyt Navn"
    association.save()

    assert "Nyt Navn" in _page(client, "/foreninger/")


def test_delete_shows_at_once(client, centre):
    association = make_association("Forsvinder")
    assert "Forsvinder" in _page(client, "/foreninger/")

    association.delete()

    assert "Forsvinder" not in _page(client, "/foreninger/")


def test_m2m_add_remove_and_clear_show_at_once(client, centre):
    social = category("social")
    association = make_association("Kategoriløs")
    url = "/foreninger/?kategori=social"
    assert "Kategoriløs" not in _page(client, url)

    association.categories.add(social)
    assert "Kategoriløs" in _page(client, url)

    association.categories.remove(social)
    assert "Kategoriløs" not in _page(client, url)

    association.categories.add(social)
    assert "Kategoriløs" in _page(client, url)
    social.associations.clear()
    assert "Kategoriløs" not in _page(client, url)


def test_suitable_for_add_on_an_opportunity_shows_at_once(client, centre):
    seniors = target_group("seniorer")
    make_opportunity(make_association("Roklubben"), title="Kaffebrygger")
    url = "/frivillig/?maalgruppe=seniorer"
    assert "Kaffebrygger" not in _page(client, url)

    VolunteerOpportunity.objects.get(title="Kaffebrygger").suitable_for.add(seniors)

    assert "Kaffebrygger" in _page(client, url)


def test_bulk_create_through_renewing_memberships_shows_at_once(client, centre):
    year = timezone.localdate().year
    association = make_association("Fornyet Forening")
    Membership.objects.create(association=association, year=year - 1, fee=200)
    assert "Fornyet Forening" not in _page(client, "/medlemmer/")

    renew_memberships(year=year, from_year=year - 1)

    assert "Fornyet Forening" in _page(client, "/medlemmer/")


def test_queryset_update_through_the_publishing_service_shows_at_once(client, centre):
    make_association("Kladde", status=Association.Status.DRAFT)
    assert "Kladde" not in _page(client, "/foreninger/")

    publish_associations(associations=Association.objects.filter(name="Kladde"))

    assert "Kladde" in _page(client, "/foreninger/")


def test_admin_action_shows_at_once(client, centre, staff_user):
    hidden = make_association("Skjult Forening", status=Association.Status.HIDDEN)
    assert "Skjult Forening" not in _page(client, "/foreninger/")
    client.force_login(staff_user)

    client.post(
        "/admin/foreninger/association/",
        {"action": "publish", "_selected_action": [hidden.pk]},
    )
    client.logout()

    assert "Skjult Forening" in _page(client, "/foreninger/")


def test_import_command_shows_at_once(client, centre, tmp_path):
    assert "Importeret Skakklub" not in _page(client, "/foreninger/")
    path = tmp_path / "liste.csv"
    path.write_text("name;description;city\nImporteret Skakklub;Skak;By\n", encoding="utf-8")

    call_command("import_associations", str(path), "--status", "published", stdout=io.StringIO())

    assert "Importeret Skakklub" in _page(client, "/foreninger/")


def test_renaming_a_vocabulary_shows_in_the_filters_at_once(client, centre):
    social = category("social")
    make_association("Med Kategori", categories=[social])
    assert "Socialt fællesskab" not in _page(client, "/foreninger/")

    social.name = "Socialt fællesskab"
    social.save()

    assert "Socialt fællesskab" in _page(client, "/foreninger/")


def test_deleting_a_vocabulary_shows_at_once(client, centre):
    doomed = make_category("Sjældne Ting")
    make_association("Med Sjælden Kategori", categories=[doomed])
    assert "Sjældne Ting" in _page(client, "/foreninger/")

    doomed.delete()

    assert "Sjældne Ting" not in _page(client, "/foreninger/")


@pytest.mark.skipif(not uses_postgres_search(), reason="stored search vectors are PostgreSQL's")
def test_deleting_a_category_refreshes_the_stored_search_vectors(client, centre):
    doomed = make_category("Knipling")
    make_association("Kniplepigerne", categories=[doomed], description="Vi mødes om onsdagen.")
    assert "Kniplepigerne" in _page(client, "/foreninger/?q=knipling")

    doomed.delete()

    assert "Kniplepigerne" not in _page(client, "/foreninger/?q=knipling")


def test_a_value_cannot_pose_as_two_parameters_in_the_cache(client, centre):
    make_association("Socialt Samvær", categories=[category("social")])
    for _ in range(4):
        _page(client, "/foreninger/?kategori=social%26q%3Dzzzzzz")

    page = _page(client, "/foreninger/?kategori=social&q=zzzzzz")

    assert "Socialt Samvær" not in page


def test_unknown_parameters_neither_multiply_the_cache_nor_reach_the_links(client, centre):
    make_association("Roklubben", categories=[category("social")])

    page = _page(client, "/foreninger/?kategori=social&utm_source=nyhedsbrev&x=%3Cscript%3E")

    assert "utm_source" not in page and "%3Cscript" not in page
    assert "Roklubben" in page
