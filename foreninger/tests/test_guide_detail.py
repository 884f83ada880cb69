"""One association's public page at /foreninger/<slug>/."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from foreninger.guide_cache import bump_guide_generation
from foreninger.models import Association
from foreninger.services.listings import hide_associations
from foreninger.tests.factories import (
    category,
    make_association,
    make_opportunity,
    make_user,
    target_group,
)

pytestmark = pytest.mark.django_db


def json_ld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.fixture
def full_association():
    return make_association(
        "Herlev Sorggruppe",
        categories=[category("social")],
        target_groups=[target_group("voksne")],
        description="Vi mødes **hver tirsdag**.\n\n- kaffe\n- samtale",
        address="Herlev Bygade 12",
        postal_code="2730",
        city="Herlev",
        meeting_place="Biblioteket, lokale 2",
        meeting_times="Tirsdage 19-21",
        membership_fee="150 kr. om året",
        founded_year=1987,
        cvr="12345674",
        languages="Dansk, engelsk",
        step_free_access=True,
        hearing_loop=True,
        website="https://sorg.example.org/",
        email="kontakt@sorg.example.org",
        phone="44 91 00 00",
        facebook_url="https://www.facebook.com/sorg",
        instagram_url="https://www.instagram.com/sorg",
        last_confirmed_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 12)),
    )


def test_detail_shows_everything_public(client, full_association):
    response = client.get(full_association.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Herlev Sorggruppe",
        "<strong>hver tirsdag</strong>",
        "<li>kaffe</li>",
        "Herlev Bygade 12",
        "Biblioteket, lokale 2",
        "Tirsdage 19-21",
        "150 kr. om året",
        "1987",
        "12345674",
        "Dansk, engelsk",
        'href="mailto:kontakt@sorg.example.org"',
        'href="tel:+4544910000"',
        'href="https://sorg.example.org/"',
        'href="https://www.facebook.com/sorg"',
        'href="https://www.instagram.com/sorg"',
        "Socialt",
        "Voksne",
        "4. marts 2026",
    ):
        assert text in html, text


def test_detail_links_to_openstreetmap_without_embedding_a_map(client, full_association):
    html = client.get(full_association.get_absolute_url()).content.decode()
    assert (
        'href="https://www.openstreetmap.org/search?query=Herlev+Bygade+12%2C+2730+Herlev%2C+Danmark"'
        in html
    )
    assert "<iframe" not in html
    assert "tile.openstreetmap" not in html


def test_detail_has_breadcrumbs_back_to_the_guide(client, full_association):
    html = client.get(full_association.get_absolute_url()).content.decode()
    crumbs = html.split('class="breadcrumb"', 1)[1].split("</ol>", 1)[0]
    assert 'href="/foreninger/"' in crumbs
    assert 'aria-current="page">Herlev Sorggruppe<' in crumbs


def test_detail_in_english(client, full_association):
    response = client.get("/en/foreninger/herlev-sorggruppe/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize(
    "status",
    [Association.Status.DRAFT, Association.Status.AWAITING_REVIEW, Association.Status.HIDDEN],
)
def test_unpublished_association_is_not_found(client, status):
    association = make_association("Hemmelig", status=status)
    assert client.get(association.get_absolute_url()).status_code == 404
    client.force_login(make_user("someone"))
    assert client.get(association.get_absolute_url()).status_code == 404
    assert list(client.get("/foreninger/", {"q": "Hemmelig"}).context["associations"]) == []


def test_unknown_slug_is_not_found(client):
    assert client.get("/foreninger/findes-ikke/").status_code == 404


def test_only_active_open_opportunities_are_shown(client):
    association = make_association("Opgaveforening")
    make_opportunity(association, title="Aktiv opgave")
    make_opportunity(association, title="Inaktiv opgave", is_active=False)
    make_opportunity(
        association, title="Lukket opgave", closes_on=timezone.localdate() - datetime.timedelta(1)
    )
    make_opportunity(make_association("Anden forening"), title="Andens opgave")
    html = client.get(association.get_absolute_url()).content.decode()
    assert "Aktiv opgave" in html
    for hidden in ("Inaktiv opgave", "Lukket opgave", "Andens opgave"):
        assert hidden not in html


def test_markdown_description_is_sanitised(client):
    association = make_association(
        "Farlig",
        description=(
            "<script>alert('x')</script>\n\n"
            '<img src=x onerror="alert(1)">\n\n'
            "[klik](javascript:alert(1)) [sikker](https://example.org) [mail](mailto:a@b.dk)\n\n"
            '<a href="https://example.org" onclick="alert(1)" style="color:red">rå</a>\n\n'
            "<iframe src='https://evil.example'></iframe>"
        ),
    )
    html = client.get(association.get_absolute_url()).content.decode()
    body = html.split('class="association-description', 1)[1].split("</section>", 1)[0]
    assert "<script" not in body and "alert('x')" not in body
    assert "onerror" not in body and "<img" not in body
    assert "javascript:" not in body
    assert "onclick" not in body and "style=" not in body
    assert "<iframe" not in body
    assert '<a href="https://example.org" rel="nofollow noopener">sikker</a>' in body
    assert 'href="mailto:a@b.dk"' in body


def test_json_ld_describes_the_association(client, full_association):
    data = json_ld(client.get(full_association.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "Herlev Sorggruppe"
    assert data["email"] == "kontakt@sorg.example.org"
    assert data["telephone"] == "44 91 00 00"
    assert data["address"]["postalCode"] == "2730"
    assert data["url"] == "https://sorg.example.org/"
    assert "https://www.facebook.com/sorg" in data["sameAs"]


def test_json_ld_cannot_be_broken_out_of(client):
    association = make_association(
        "Slem </script><script>alert(1)</script>",
        slug="slem",
        short_description="</SCRIPT><img src=x onerror=alert(1)> & co",
    )
    response = client.get(association.get_absolute_url())
    html = response.content.decode()
    head = html.split("</head>", 1)[0]
    assert head.count("</script>") == 1  # only the JSON-LD block's own end
    assert "<script>alert(1)" not in html
    data = json_ld(response)
    assert data["name"] == "Slem </script><script>alert(1)</script>"


def test_detail_without_optional_fields_renders(client):
    association = make_association("Minimal", description="")
    response = client.get(association.get_absolute_url())
    assert response.status_code == 200
    assert "openstreetmap" not in response.content.decode()


def test_detail_query_count_is_fixed(client, django_assert_max_num_queries, full_association):
    for number in range(10):
        make_opportunity(full_association, title=f"Opgave {number}")
    client.get(full_association.get_absolute_url())  # warm the centre's cache
    bump_guide_generation()  # but render the association again
    with django_assert_max_num_queries(6):
        response = client.get(full_association.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["opportunities"]) == 10
    assert '<h1 class="mb-1">Herlev Sorggruppe</h1>' in response.content.decode()
    with django_assert_max_num_queries(2):  # generations; still published? The rest is cached.
        again = client.get(full_association.get_absolute_url())
    assert again.status_code == 200
    for page in (response, again):
        html = page.content.decode()
        assert html.count('<h3 class="h5 card-title"><a') == 10
        assert "Opgave 0" in html and "Opgave 9" in html


def test_cached_detail_follows_changes(client):
    association = make_association("Cacheforeningen", meeting_times="Mandage")
    url = association.get_absolute_url()
    assert "Mandage" in client.get(url).content.decode()
    association.meeting_times = "Fredage"
    association.save()
    assert "Fredage" in client.get(url).content.decode()
    opportunity = make_opportunity(association, title="Ny opgave")
    assert "Ny opgave" in client.get(url).content.decode()
    opportunity.is_active = False
    opportunity.save()
    assert "Ny opgave" not in client.get(url).content.decode()
    hide_associations(associations=Association.objects.filter(pk=association.pk))
    assert client.get(url).status_code == 404  # the service retires the cached page
