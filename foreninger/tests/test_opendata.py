import csv
import io
import json

import pytest

from foreninger.models import Association, Category

from .factories import make_association, make_opportunity


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def guide(db):
    social = Category.objects.get(slug="social")
    public = make_association(
        "Ærø-Foreningen",
        categories=[social],
        cvr="12345674",
        email="post@aero.example",
        phone="12 34 56 78",
        city="Eksempelby",
        step_free_access=True,
    )
    make_association("Hemmelig kladde", status=Association.Status.DRAFT, email="x@x.example")
    make_opportunity(public, title="Kaffebrygger")
    return public


def test_api_index_lists_the_endpoints(client, db):
    data = client.get("/api/").json()

    assert data["endpoints"]["associations"] == "http://testserver/api/foreninger.json"
    assert data["endpoints"]["associations_csv"].endswith("/api/foreninger.csv")


def test_json_has_only_published_associations_and_public_fields(client, guide):
    response = client.get("/api/foreninger.json")

    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1
    record = data["results"][0]
    assert record["name"] == "Ærø-Foreningen"
    assert record["tax_id"] == "12345674"
    assert record["categories"] == ["social"]
    assert record["phones"] == [{"number": "12 34 56 78"}]
    assert record["locations"][0]["accessibility"]["step_free_access"] is True
    assert record["url"] == f"http://testserver/foreninger/{guide.slug}/"
    assert "trusted" not in record
    assert "status" not in record
    assert "Hemmelig" not in json.dumps(data)


def test_json_keeps_danish_letters_readable(client, guide):
    assert "Ærø-Foreningen" in client.get("/api/foreninger.json").content.decode()


def test_json_is_paginated_with_next_links_and_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries
):
    for number in range(130):
        make_association(f"Forening {number:03d}")

    with django_assert_max_num_queries(5):
        response = client.get("/api/foreninger.json")

    assert response.status_code == 200
    first = response.json()
    assert [record["name"] for record in first["results"][:2]] == ["Forening 000", "Forening 001"]
    second = client.get(first["next"].replace("http://testserver", "")).json()

    assert first["count"] == 130
    assert len(first["results"]) == 100
    assert len(second["results"]) == 30
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/foreninger.json?page=1"


@pytest.mark.parametrize("page", ["0", "abc", "999", "-1"])
def test_bad_page_numbers_answer_404_in_json(client, guide, page):
    response = client.get(f"/api/foreninger.json?page={page}")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such page."}


def test_csv_is_utf8_with_bom_and_only_public_rows(client, guide):
    response = client.get("/api/foreninger.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="foreninger.csv"' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:3] == ["id", "name", "description"]
    assert len(rows) == 1
    assert rows[0][1] == "Ærø-Foreningen"


def test_csv_neutralises_spreadsheet_formulas(client, db):
    make_association('=HYPERLINK("http://evil.example")', slug="evil")

    _header, row = csv_rows(client.get("/api/foreninger.csv"))

    assert row[1].startswith("'=")


def test_volunteer_opportunities_as_json_and_csv(client, guide):
    data = client.get("/api/frivillig.json").json()

    assert data["count"] == 1
    assert data["results"][0]["name"] == "Kaffebrygger"
    assert data["results"][0]["organization"]["id"] == guide.slug

    header, row = csv_rows(client.get("/api/frivillig.csv"))
    assert row[header.index("organization_name")] == "Ærø-Foreningen"


def test_open_data_refuses_writes(client, guide):
    assert client.post("/api/foreninger.json").status_code == 405
    assert client.post("/api/foreninger.csv").status_code == 405
