"""Volunteer opportunities at /frivillig/: the list, one opportunity and "I want to help"."""

import datetime

import pytest
from django.utils import timezone

from foreninger.models import Association, VolunteerOffer

from .factories import (
    make_area,
    make_association,
    make_category,
    make_opportunity,
    make_target_group,
    make_user,
)

LIST_URL = "/frivillig/"


def valid_offer(**overrides):
    return {
        "name": "Karen Hansen",
        "email": "karen@example.org",
        "phone": "",
        "message": "Jeg kan hjælpe tirsdage efter kl. 16.",
        "consent": "on",
        "website": "",
        **overrides,
    }


@pytest.fixture
def opportunity(centre):
    association = make_association(
        "Skakklubben Løberen",
        email="info@skak.example",
        contacts=[make_user("skak", email="formand@skak.example")],
    )
    return make_opportunity(
        association,
        title="Skaktræner for børn",
        description="Hjælp børnene med at lære skak.",
        time_commitment="2 timer om ugen",
        when="Tirsdage 16-18",
        where="Biblioteket",
        contact_name="Ole Olsen",
        contact_email="ole@skak.example",
    )


def _detail_url(opportunity):
    return f"/frivillig/{opportunity.pk}/"


# The list


def test_list_shows_only_opportunities_open_to_the_public(client, centre):
    published = make_association("Åben forening")
    hidden = make_association("Skjult forening", status=Association.Status.HIDDEN)
    make_opportunity(published, title="Åben opgave")
    make_opportunity(published, title="Inaktiv opgave", is_active=False)
    make_opportunity(
        published, title="Lukket opgave", closes_on=timezone.localdate() - datetime.timedelta(1)
    )
    make_opportunity(hidden, title="Skjult opgave")

    response = client.get(LIST_URL)

    html = response.content.decode()
    assert "Åben opgave" in html
    assert response.context["page"].paginator.count == 1
    for title in ("Inaktiv opgave", "Lukket opgave", "Skjult opgave"):
        assert title not in html


def test_list_links_each_opportunity_and_shows_its_association(client, opportunity):
    html = client.get(LIST_URL).content.decode()

    assert f'href="/frivillig/{opportunity.pk}/"' in html
    assert "Skakklubben Løberen" in html
    assert "2 timer om ugen" in html


def test_filters_combine_across_kinds_and_widen_within_a_kind(client, centre):
    seniors = make_target_group("Ældre", slug="aeldre")
    newcomers = make_target_group("Nye i Danmark", slug="nye")
    sport = make_category("Sport", slug="sport")
    culture = make_category("Kulturliv", slug="kulturliv")
    north = make_area("Nord", slug="nord")
    south = make_area("Syd", slug="syd")
    club = make_association("Idrætsforeningen", categories=[sport], area=north)
    theatre = make_association("Teatret", categories=[culture], area=south)
    football = make_opportunity(club, title="Fodboldtræner")
    football.suitable_for.set([seniors])
    walking = make_opportunity(club, title="Gåtur-guide")
    walking.suitable_for.set([newcomers])
    stage = make_opportunity(theatre, title="Scenearbejder")
    stage.suitable_for.set([seniors])

    def titles(query):
        html = client.get(LIST_URL + query).content.decode()
        return {t for t in ("Fodboldtræner", "Gåtur-guide", "Scenearbejder") if t in html}

    assert titles("?maalgruppe=aeldre") == {"Fodboldtræner", "Scenearbejder"}
    assert titles("?maalgruppe=aeldre&kategori=sport") == {"Fodboldtræner"}
    assert titles("?maalgruppe=aeldre&maalgruppe=nye&omraade=nord") == {
        "Fodboldtræner",
        "Gåtur-guide",
    }
    assert titles("?omraade=syd&q=scene") == {"Scenearbejder"}
    assert titles("?kategori=kulturliv&q=fodbold") == set()
    assert titles("?kategori=findes-ikke") == {"Fodboldtræner", "Gåtur-guide", "Scenearbejder"}


def test_search_matches_title_description_and_association_name(client, opportunity):
    for word in ("skaktræner", "børnene", "løberen"):
        assert "Skaktræner for børn" in client.get(LIST_URL, {"q": word}).content.decode()


def test_empty_result_offers_to_remove_the_filters(client, opportunity):
    html = client.get(LIST_URL, {"q": "svømning"}).content.decode()

    assert "Skaktræner for børn" not in html
    assert f'href="{LIST_URL}"' in html
    assert "(fjern filter)" in html or "remove filter" in html


def test_pagination_keeps_the_filters(client, centre):
    group = make_target_group("Unge mennesker", slug="unge-mennesker")
    association = make_association()
    for number in range(25):
        make_opportunity(association, title=f"Opgave nummer {number:02d}").suitable_for.add(group)

    first = client.get(LIST_URL, {"maalgruppe": "unge-mennesker"}).content.decode()
    second = client.get(LIST_URL, {"maalgruppe": "unge-mennesker", "page": "2"}).content.decode()

    assert "25 " in first
    assert "maalgruppe=unge-mennesker&amp;page=2" in first
    assert first.count("Opgave nummer") == 20
    assert second.count("Opgave nummer") == 5
    assert "Opgave nummer 00" in second  # oldest last


def test_list_runs_a_fixed_number_of_queries(client, centre, django_assert_max_num_queries):
    group = make_target_group()
    area = make_area()
    for _number in range(30):
        association = make_association(categories=[make_category()], area=area)
        make_opportunity(association).suitable_for.add(group)

    with django_assert_max_num_queries(8):
        response = client.get(LIST_URL, {"maalgruppe": group.slug, "omraade": area.slug})

    assert response.status_code == 200
    assert response.content.decode().count("Frivillig opgave-") == 20  # the first page


def test_english_list_under_en(client, opportunity):
    html = client.get("/en" + LIST_URL).content.decode()

    assert "Volunteer opportunities" in html
    assert "Skaktræner for børn" in html


# One opportunity


def test_detail_shows_everything_public_and_the_offer_form(client, opportunity):
    group = make_target_group("Seniorer med tid", slug="seniorer-med-tid")
    opportunity.suitable_for.add(group)

    html = client.get(_detail_url(opportunity)).content.decode()

    for text in (
        "Skaktræner for børn",
        "Hjælp børnene med at lære skak.",
        "2 timer om ugen",
        "Tirsdage 16-18",
        "Biblioteket",
        "Seniorer med tid",
        "Ole Olsen",
        f'href="/foreninger/{opportunity.association.slug}/"',
        'name="csrfmiddlewaretoken"',
        'name="website"',
        'name="consent"',
    ):
        assert text in html, text
    assert "ole@skak.example" not in html  # the contact address is for mail only


def test_detail_runs_a_fixed_number_of_queries(client, opportunity, django_assert_max_num_queries):
    for _number in range(5):
        opportunity.suitable_for.add(make_target_group())

    with django_assert_max_num_queries(4):
        response = client.get(_detail_url(opportunity))

    assert response.status_code == 200
    assert opportunity.title in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"is_active": False},
        {"closes_on": datetime.date(2000, 1, 1)},
        {"association_status": Association.Status.HIDDEN},
        {"association_status": Association.Status.DRAFT},
        {"association_status": Association.Status.AWAITING_REVIEW},
    ],
)
def test_opportunity_not_open_to_the_public_is_404_and_refuses_offers(
    client, opportunity, mailoutbox, change
):
    if "association_status" in change:
        Association.objects.filter(pk=opportunity.association_id).update(
            status=change["association_status"]
        )
    else:
        for field, value in change.items():
            setattr(opportunity, field, value)
        opportunity.save()

    assert client.get(_detail_url(opportunity)).status_code == 404
    assert client.post(_detail_url(opportunity), valid_offer()).status_code == 404
    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_unknown_opportunity_is_404(client, centre):
    assert client.get("/frivillig/999999/").status_code == 404


# "I want to help"


def test_offer_is_stored_and_redirects_to_thanks(client, opportunity, mailoutbox):
    response = client.post(_detail_url(opportunity), valid_offer(phone="12 34 56 78"))

    assert response.status_code == 302
    assert response["Location"] == f"/frivillig/{opportunity.pk}/tak/"
    offer = VolunteerOffer.objects.get()
    assert offer.opportunity == opportunity
    assert (offer.name, offer.email, offer.phone) == (
        "Karen Hansen",
        "karen@example.org",
        "12 34 56 78",
    )
    assert offer.consent_at is not None
    assert offer.language == "da"
    assert offer.answered_at is None
    assert len(mailoutbox) == 2

    thanks = client.get(response["Location"]).content.decode()
    assert "Skakklubben Løberen" in thanks


def test_offer_in_english_is_stored_with_its_language(client, opportunity):
    client.post("/en" + _detail_url(opportunity), valid_offer())

    assert VolunteerOffer.objects.get().language == "en"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Dette felt er påkrævet."),
        ({"email": ""}, "email", "Dette felt er påkrævet."),
        ({"message": ""}, "message", "Dette felt er påkrævet."),
        ({"email": "ikke-en-adresse"}, "email", "Indtast en gyldig e-mail-adresse."),
        ({"email": "a@b.dk\nBcc: evil@example.org"}, "email", "Indtast en gyldig e-mail-adresse."),
        ({"name": "x" * 151}, "name", "højst have 150 tegn"),
        ({"email": "a" * 250 + "@example.org"}, "email", "højst have 254 tegn"),
        ({"phone": "1" * 21}, "phone", "højst have 20 tegn"),
        ({"message": "x" * 2001}, "message", "højst have 2000 tegn"),
        ({"phone": "<script>"}, "phone", "Skriv telefonnummeret med cifre"),
        ({"phone": "ring mig"}, "phone", "Skriv telefonnummeret med cifre"),
        ({"consent": ""}, "consent", None),
    ],
)
def test_bad_offer_is_refused_with_a_danish_message_and_nothing_stored_or_sent(
    client, opportunity, mailoutbox, overrides, field, message
):
    response = client.post(_detail_url(opportunity), valid_offer(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    if message:  # Django's own messages; ours are translated later
        assert message in response.content.decode()
    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_empty_post_stores_nothing(client, opportunity, mailoutbox):
    response = client.post(_detail_url(opportunity), {})

    assert response.status_code == 200
    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_script_tags_are_escaped_when_the_form_is_shown_again(client, opportunity, mailoutbox):
    script = "<script>alert(1)</script>"
    response = client.post(
        _detail_url(opportunity), valid_offer(email="bad", name=script, message=script)
    )

    html = response.content.decode()
    assert script not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_script_tags_in_a_valid_offer_are_stored_as_text(client, opportunity):
    script = "<script>alert(1)</script>"

    client.post(_detail_url(opportunity), valid_offer(message=script))

    assert VolunteerOffer.objects.get().message == script


def test_an_id_in_the_post_cannot_point_the_offer_elsewhere(client, opportunity, mailoutbox):
    other = make_opportunity(make_association(), title="Anden opgave")

    client.post(_detail_url(opportunity), valid_offer(opportunity=other.pk))

    assert VolunteerOffer.objects.get().opportunity == opportunity


def test_filled_honeypot_pretends_success_but_stores_and_sends_nothing(
    client, opportunity, mailoutbox
):
    response = client.post(_detail_url(opportunity), valid_offer(website="http://spam.example"))

    assert response.status_code == 302
    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_many_offers_from_one_address_are_refused_for_a_while(client, opportunity):
    for _attempt in range(5):
        assert client.post(_detail_url(opportunity), valid_offer()).status_code == 302

    response = client.post(_detail_url(opportunity), valid_offer())

    assert response.status_code == 429
    assert VolunteerOffer.objects.count() == 5
    assert client.get(_detail_url(opportunity)).status_code == 200  # reading is not limited


def test_offer_form_needs_csrf(opportunity):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_detail_url(opportunity), valid_offer())

    assert response.status_code == 403
    assert not VolunteerOffer.objects.exists()


def test_thanks_page_of_a_hidden_association_is_404(client, opportunity):
    Association.objects.filter(pk=opportunity.association_id).update(
        status=Association.Status.HIDDEN
    )

    assert client.get(f"/frivillig/{opportunity.pk}/tak/").status_code == 404


def test_offer_with_errors_says_so_at_the_top_of_the_form_and_jumps_to_it(client, opportunity):
    response = client.post(_detail_url(opportunity), valid_offer(name="", email="nej"))

    html = response.content.decode()
    assert "Formularen har fejl: ret de 2 markerede felter." in html
    assert 'action="#offer"' in html
    assert not VolunteerOffer.objects.exists()
