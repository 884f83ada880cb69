"""sitemap.xml lists the guide's public pages, published associations and open opportunities."""

import re

import pytest

from foreninger.models import Association
from foreninger.tests.factories import make_association, make_opportunity

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_associations_and_open_opportunities_in_both_languages(
    client, centre
):
    published = make_association("Roklubben")
    opportunity = make_opportunity(published, title="Instruktør")
    make_association("Kladden", status=Association.Status.DRAFT)
    hidden = make_association("Skjult", status=Association.Status.HIDDEN)
    make_opportunity(hidden, title="Skjult opgave")

    body = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/foreninger/roklubben/" in body
    assert 'hreflang="en" href="http://testserver/en/foreninger/roklubben/"' in body
    assert f"http://testserver/frivillig/{opportunity.pk}/" in body
    assert "http://testserver/frivillig/</loc>" in body
    assert "http://testserver/medlemmer/</loc>" in body
    assert "kladden" not in body
    assert "skjult" not in body


def test_sitemap_query_count_does_not_grow_with_associations(
    client, centre, django_assert_max_num_queries
):
    for number in range(30):
        make_opportunity(make_association(f"Forening {number}"))

    with django_assert_max_num_queries(4):
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<loc>http://testserver/foreninger/forening-") == 30
    assert "<loc>http://testserver/foreninger/forening-29/</loc>" in body
    assert len(re.findall(r"<loc>http://testserver/frivillig/\d+/</loc>", body)) == 30
