"""The public association guide at /foreninger/: filters, A-Z, pagination, empty state."""

import re

import pytest
from django.urls import reverse

from foreninger.guide_cache import bump_guide_generation
from foreninger.models import Association
from foreninger.tests.factories import area, category, make_area, make_association, target_group

pytestmark = pytest.mark.django_db

LIST_URL = "/foreninger/"


def names(response) -> list[str]:
    return [a.name for a in response.context["associations"]]


@pytest.fixture
def social():
    return category("social")


@pytest.fixture
def sport():
    return category("idraet")


def test_list_url_is_danish_and_english():
    assert reverse("foreninger:list") == LIST_URL
    assert reverse("foreninger:detail", kwargs={"slug": "x"}) == "/foreninger/x/"


def test_list_shows_only_published_associations(client):
    make_association("Åben Forening")
    make_association("Kladde Forening", status=Association.Status.DRAFT)
    make_association("Skjult Forening", status=Association.Status.HIDDEN)
    make_association("Afventer Forening", status=Association.Status.AWAITING_REVIEW)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert names(response) == ["Åben Forening"]
    assert b"Kladde" not in response.content and b"Skjult" not in response.content


def test_english_list_is_served_under_en(client):
    make_association("Skakklubben")
    response = client.get("/en/foreninger/")
    assert response.status_code == 200
    assert names(response) == ["Skakklubben"]


def test_result_count_is_shown(client):
    for number in range(3):
        make_association(f"Forening {number}")
    response = client.get(LIST_URL)
    assert "3 foreninger" in response.content.decode()


def test_filters_combine_across_kinds(client, social, sport):
    seniors = target_group("seniorer")
    make_association(
        "Social senior frivillig",
        categories=[social],
        target_groups=[seniors],
        looking_for_volunteers=True,
    )
    make_association("Social senior", categories=[social], target_groups=[seniors])
    make_association("Social frivillig", categories=[social], looking_for_volunteers=True)
    make_association(
        "Sport senior frivillig",
        categories=[sport],
        target_groups=[seniors],
        looking_for_volunteers=True,
    )
    response = client.get(
        LIST_URL, {"kategori": "social", "maalgruppe": "seniorer", "frivillige": "1"}
    )
    assert names(response) == ["Social senior frivillig"]


def test_repeated_category_means_either(client, social, sport):
    both = make_association("Begge", categories=[social, sport])
    make_association("Social", categories=[social])
    make_association("Sport", categories=[sport])
    make_association("Kultur", categories=[category("kultur")])
    response = client.get(LIST_URL + "?kategori=social&kategori=idraet")
    assert names(response) == ["Begge", "Social", "Sport"]  # each once, also "Begge"
    assert both.name in names(response)


def test_area_and_step_free_filters(client):
    north = make_area("Nord", slug="nord")
    make_association("Nord trinfri", area=north, step_free_access=True)
    make_association("Nord trapper", area=north)
    make_association("Syd trinfri", area=make_area("Syd", slug="syd"), step_free_access=True)
    response = client.get(LIST_URL, {"omraade": "nord", "trinfri": "1"})
    assert names(response) == ["Nord trinfri"]


def test_unknown_filter_slugs_are_ignored(client, social):
    make_association("Social", categories=[social])
    make_association("Anden")
    response = client.get(LIST_URL + "?kategori=findes-ikke&maalgruppe=nope&omraade=%00")
    assert response.status_code == 200
    assert names(response) == ["Anden", "Social"]
    response = client.get(LIST_URL + "?kategori=findes-ikke&kategori=social")
    assert names(response) == ["Social"]


@pytest.mark.parametrize("letter", ["A", "Æ", "Ø", "Å", "æ"])
def test_a_to_z_includes_danish_letters(client, letter):
    for name in ("Aktive Ældre", "Æblehaven", "Østerbro Kor", "Åens Venner", "Bold og Bevægelse"):
        make_association(name)
    response = client.get(LIST_URL, {"bogstav": letter})
    expected = {
        "A": ["Aktive Ældre"],
        "Æ": ["Æblehaven"],
        "æ": ["Æblehaven"],
        "Ø": ["Østerbro Kor"],
        "Å": ["Åens Venner"],
    }[letter]
    assert names(response) == expected
    current = f'aria-current="page" class="current">{letter.upper()}<'
    assert current in response.content.decode()


def test_a_to_z_ignores_nonsense_letter(client):
    make_association("Alfa")
    response = client.get(LIST_URL, {"bogstav": "<script>"})
    assert response.status_code == 200
    assert names(response) == ["Alfa"]


def test_list_is_sorted_by_name(client):
    for name in ("Cirkus", "Alfa", "Bravo"):
        make_association(name)
    assert names(client.get(LIST_URL)) == ["Alfa", "Bravo", "Cirkus"]


def test_pagination_shows_twenty_and_keeps_filters_in_links(client, social):
    for number in range(45):
        make_association(f"Forening {number:02}", categories=[social], looking_for_volunteers=True)
    response = client.get(LIST_URL, {"kategori": "social", "frivillige": "1"})
    assert len(names(response)) == 20
    html = response.content.decode()
    page_links = re.findall(r'href="(\?[^"]*page=\d[^"]*)"', html)
    assert page_links
    for link in page_links:
        assert "kategori=social" in link and "frivillige=1" in link
    second = client.get(LIST_URL, {"kategori": "social", "frivillige": "1", "page": "2"})
    assert names(second)[0] == "Forening 20"
    assert "45 foreninger" in second.content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "0", "9999", "1.5", ""])
def test_bad_page_numbers_still_show_a_page(client, page):
    for number in range(25):
        make_association(f"Forening {number:02}")
    response = client.get(LIST_URL, {"page": page})
    assert response.status_code == 200
    assert len(names(response)) in (5, 20)


def test_empty_state_suggests_removing_filters(client, social):
    make_association("Kultur", categories=[category("kultur")])
    response = client.get(LIST_URL, {"kategori": "social", "q": "ingenting"})
    html = response.content.decode()
    assert names(response) == []
    assert "0 foreninger" in html
    assert "Prøv at fjerne et filter" in html or "Try removing a filter" in html
    assert f'href="{LIST_URL}"' in html  # start again with the whole guide
    # each active filter can be removed on its own
    assert 'href="?q=ingenting"' in html
    assert 'href="?kategori=social"' in html


def test_empty_guide_without_filters(client):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert names(response) == []


def test_very_long_query_is_handled(client):
    make_association("Skakklubben")
    response = client.get(LIST_URL, {"q": "skak " * 2000})
    assert response.status_code == 200


def test_script_in_query_is_echoed_escaped(client):
    response = client.get(LIST_URL, {"q": '"><script>alert(1)</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_filter_form_controls_are_labelled(client):
    response = client.get(LIST_URL)
    html = response.content.decode()
    for control_id in re.findall(r'<input[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id
    assert 'method="get"' in html


def test_filter_checkboxes_stay_checked(client, social):
    response = client.get(LIST_URL, {"kategori": "social", "frivillige": "1"})
    html = response.content.decode()
    assert re.search(r'value="social" id="[^"]+" checked', html)
    assert re.search(r'id="id_frivillige" checked', html)


def test_card_shows_logo_placeholder_badge_categories_and_area(client, social):
    make_association(
        "Herlev Skakklub",
        categories=[social],
        area=area("hele-kommunen"),
        looking_for_volunteers=True,
    )
    html = client.get(LIST_URL).content.decode()
    assert ">HS</span>" in html
    assert "<img" not in html.split("<main", 1)[1].split("guide-results", 1)[1]
    assert "Socialt" in html and "Hele kommunen" in html
    assert "Søger frivillige" in html or "Looking for volunteers" in html


def test_card_shows_thumbnail_when_set(client):
    association = make_association("Logo Forening")
    Association.objects.filter(pk=association.pk).update(logo_thumbnail="foreninger/logos/x.png")
    html = client.get(LIST_URL).content.decode()
    assert 'src="/media/foreninger/logos/x.png"' in html


def test_navigation_links_to_the_guide(client):
    html = client.get("/").content.decode()
    assert f'href="{LIST_URL}"' in html


def test_home_page_has_a_labelled_search_box_for_the_guide(client):
    html = client.get("/").content.decode()
    form = re.search(r'<form[^>]*action="/foreninger/"[^>]*>(.*?)</form>', html, re.S)
    assert form, "no guide search form on the home page"
    assert 'method="get"' in form.group(0)
    assert 'name="q"' in form.group(1)
    input_id = re.search(r'<input[^>]*name="q"[^>]*id="([^"]+)"', form.group(1)).group(1)
    assert f'for="{input_id}"' in form.group(1)
    assert "<button" in form.group(1)


@pytest.mark.parametrize(
    "params",
    [{}, {"kategori": "social", "frivillige": "1", "trinfri": "1"}, {"q": "forening"}],
    ids=["list", "filtered", "search"],
)
def test_list_query_count_is_fixed(client, django_assert_max_num_queries, social, params):
    for number in range(30):
        make_association(
            f"Forening {number:02}",
            categories=[social, category("kultur")],
            area=area("hele-kommunen"),
            looking_for_volunteers=True,
            step_free_access=True,
        )
    client.get(LIST_URL, params)  # warm the centre and vocabulary caches
    bump_guide_generation()  # but not the rendered list
    # generations, count, page, categories; a search asks first whether the full-text search
    # matches
    with django_assert_max_num_queries(5 if "q" in params else 4):
        response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert names(response) == [f"Forening {number:02}" for number in range(20)]
    with django_assert_max_num_queries(1):  # the same list again: generations, then the cache
        again = client.get(LIST_URL, params)
    assert again.status_code == 200
    for page in (response, again):
        html = page.content.decode()
        assert html.count('class="card guide-card') == 20
        assert "Forening 00" in html and "Forening 19" in html
        assert "Forening 20" not in html


def test_list_query_count_cold_cache(client, django_assert_max_num_queries, social):
    for number in range(30):
        make_association(f"Forening {number:02}", categories=[social])
    with django_assert_max_num_queries(8):
        response = client.get(LIST_URL)
    assert response.status_code == 200
    assert len(names(response)) == 20


def test_cached_list_follows_changes(client, social):
    association = make_association("Gammelt Navn")
    assert "Gammelt Navn" in client.get(LIST_URL).content.decode()
    association.name = "Nyt Navn"
    association.save()
    assert "Nyt Navn" in client.get(LIST_URL).content.decode()
    association.categories.add(social)
    assert names(client.get(LIST_URL, {"kategori": "social"})) == ["Nyt Navn"]
    association.status = Association.Status.HIDDEN
    association.save()
    assert "Nyt Navn" not in client.get(LIST_URL).content.decode()


def test_cache_key_ignores_parameter_order(client, social):
    make_association("Social", categories=[social], looking_for_volunteers=True)
    client.get(LIST_URL + "?kategori=social&frivillige=1")
    response = client.get(LIST_URL + "?frivillige=1&kategori=social")
    assert "1 forening" in response.content.decode()


def test_hiding_and_publishing_from_the_admin_show_at_once_in_the_cached_list(client, db):
    from foreninger.services.listings import hide_associations, publish_associations

    association = make_association("Skakklubben Springeren")
    assert "Springeren" in client.get("/foreninger/").content.decode()

    hide_associations(associations=Association.objects.filter(pk=association.pk))
    assert "Springeren" not in client.get("/foreninger/").content.decode()

    publish_associations(associations=Association.objects.filter(pk=association.pk))
    assert "Springeren" in client.get("/foreninger/").content.decode()
