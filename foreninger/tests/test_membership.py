"""Membership of the centre: the public member list, a contact's own history, the admin."""

import html
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from foreninger.models import Association, Membership
from foreninger.services import membership
from foreninger.tests.factories import category, make_association, make_membership, make_user

pytestmark = pytest.mark.django_db

LIST_URL = "/medlemmer/"
ADMIN_URL = "/admin/foreninger/membership/"
EXPORT_URL = ADMIN_URL + "export.csv"


def this_year() -> int:
    return timezone.localdate().year


def names(response) -> list[str]:
    """The association names listed on the page (read from the HTML: the list is cached)."""
    return [
        html.unescape(name)
        for name in re.findall(
            r'<h2 class="h6 mb-1"><a href="[^"]*">([^<]*)</a>', response.content.decode()
        )
    ]


# The public list


def test_member_list_shows_only_current_published_members(client, centre):
    today = timezone.localdate()
    listed = make_association("Åkandeforeningen", categories=[category("social")])
    make_membership(listed)
    make_membership(make_association("Aktiv Forening"))
    make_membership(make_association("Kladde", status=Association.Status.DRAFT))
    make_membership(make_association("Skjult", status=Association.Status.HIDDEN))
    make_membership(make_association("Sidste År"), year=this_year() - 1)
    make_membership(make_association("Udmeldt"), left_on=today - timedelta(days=1), joined_on=None)
    make_association("Ikke Medlem")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert sorted(names(response)) == ["Aktiv Forening", "Åkandeforeningen"]
    html = response.content.decode()
    assert "Socialt" in html
    assert f'href="{listed.get_absolute_url()}"' in html
    for absent in ("Kladde", "Skjult", "Sidste År", "Udmeldt", "Ikke Medlem"):
        assert absent not in html


def test_member_who_announced_leaving_later_is_still_listed(client, centre):
    make_membership(
        make_association("Går Ud Senere"), left_on=timezone.localdate() + timedelta(days=1)
    )

    assert names(client.get(LIST_URL)) == ["Går Ud Senere"]


def test_member_list_is_paginated_with_a_count_in_fixed_queries(
    client, centre, django_assert_max_num_queries
):
    social = category("social")
    for number in range(25):
        make_membership(make_association(f"Medlem {number:02d}", categories=[social]))
    client.get(LIST_URL)  # warm the per-process caches (the centre profile)

    with django_assert_max_num_queries(4):
        first = client.get(LIST_URL)
    with django_assert_max_num_queries(4):
        second = client.get(LIST_URL + "?page=2")

    assert first.status_code == second.status_code == 200
    assert names(first) == [f"Medlem {number:02d}" for number in range(20)]
    assert names(second) == [f"Medlem {number:02d}" for number in range(20, 25)]
    assert "25" in first.content.decode()
    assert client.get(LIST_URL + "?page=99").status_code == 200


def test_member_list_has_an_empty_state(client, centre):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert names(response) == []
    assert 'class="alert alert-info"' in response.content.decode()


def test_member_list_is_read_only(client, centre):
    assert client.post(LIST_URL).status_code == 405


# A contact's own membership history


@pytest.fixture
def own(contact_user):
    association = make_association("Eksempelby Roklub", contacts=[contact_user])
    make_membership(association, year=this_year() - 1, paid_on=date(this_year() - 1, 2, 1))
    make_membership(association, year=this_year(), fee="1234.50")
    return association


def my_url(association) -> str:
    return f"/min-forening/{association.slug}/medlemskab/"


def test_contact_sees_their_membership_history_with_dues(client, centre, own, contact_user):
    client.force_login(contact_user)

    response = client.get(my_url(own))

    assert response.status_code == 200
    html = response.content.decode()
    assert str(this_year()) in html and str(this_year() - 1) in html
    assert "1.234,50" in html or "1,234.50" in html
    assert [m.year for m in response.context["memberships"]] == [this_year(), this_year() - 1]


def test_anonymous_is_sent_to_log_in(client, centre, own):
    response = client.get(my_url(own))

    assert response.status_code == 302
    assert "/konto/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("role_user", ["facilitator_user", "board_user", "staff_user", "superuser"])
def test_other_roles_get_404(client, centre, own, request, role_user):
    client.force_login(request.getfixturevalue(role_user))

    assert client.get(my_url(own)).status_code == 404


def test_contact_of_another_association_gets_404(client, centre, own):
    outsider = make_user("anden")
    make_association("Anden", contacts=[outsider])
    client.force_login(outsider)

    assert client.get(my_url(own)).status_code == 404
    assert client.get("/min-forening/findes-ikke/medlemskab/").status_code == 404


# Services


def test_membership_totals():
    a, b, c = (make_association(name) for name in ("A", "B", "C"))
    make_membership(a, fee="500.00", paid_on=date(2025, 1, 1))
    make_membership(b, fee="250.50")
    make_membership(c, year=2020, fee="100.00")

    totals = membership.membership_totals(Membership.objects.filter(year=this_year()))

    assert totals == {
        "count": 2,
        "paid_count": 1,
        "outstanding_count": 1,
        "fees": Decimal("750.50"),
        "paid": Decimal("500.00"),
        "outstanding": Decimal("250.50"),
    }


def test_renewing_carries_members_over_unpaid_and_is_safe_to_repeat():
    stays, leaves, already = (make_association(name) for name in ("Bliver", "Går", "Fornyet"))
    make_membership(
        stays, year=2025, fee="250.00", type=Membership.Type.SUPPORTING, paid_on=date(2025, 2, 1)
    )
    make_membership(leaves, year=2025, left_on=date(2025, 12, 31))
    make_membership(already, year=2025)
    make_membership(already, year=2026, fee="600.00")

    assert membership.renew_memberships(year=2026, from_year=2025) == 1
    assert membership.renew_memberships(year=2026, from_year=2025) == 0

    renewed = Membership.objects.get(association=stays, year=2026)
    assert (renewed.type, renewed.fee, renewed.paid_on) == (
        Membership.Type.SUPPORTING,
        Decimal("250.00"),
        None,
    )
    assert not Membership.objects.filter(association=leaves, year=2026).exists()
    assert Membership.objects.get(association=already, year=2026).fee == Decimal("600.00")


# The admin


@pytest.fixture
def records():
    """Two years; this year one paid and one not, with æ, ø and å in a name."""
    year = this_year()
    paid = make_association("Øresund Kajakklub", cvr="")
    unpaid = make_association("Ældresagen Lokal Åby")
    old = make_association("Gamle Medlem")
    make_membership(paid, year=year, fee="500.00", paid_on=date(year, 1, 20))
    make_membership(unpaid, year=year, fee="250.00", type=Membership.Type.SUPPORTING)
    make_membership(old, year=year - 1, fee="400.00", paid_on=date(year - 1, 3, 1))
    return {"paid": paid, "unpaid": unpaid, "old": old}


def totals(response) -> dict:
    return response.context_data["membership_totals"]


def test_staff_see_totals_that_follow_the_filters(client, centre, staff_user, records):
    client.force_login(staff_user)

    everything = client.get(ADMIN_URL)
    this_year_only = client.get(ADMIN_URL + f"?year={this_year()}")
    outstanding = client.get(ADMIN_URL + f"?year={this_year()}&paid=no")
    searched = client.get(ADMIN_URL + "?q=Øresund")

    assert everything.status_code == 200
    assert (totals(everything)["count"], totals(everything)["fees"]) == (3, Decimal("1150.00"))
    assert totals(this_year_only)["fees"] == Decimal("750.00")
    assert totals(this_year_only)["paid"] == Decimal("500.00")
    assert totals(this_year_only)["outstanding"] == Decimal("250.00")
    assert (totals(outstanding)["count"], totals(outstanding)["fees"]) == (1, Decimal("250.00"))
    assert totals(searched)["count"] == 1
    html = outstanding.content.decode()
    assert "membership-totals" in html
    assert f"/admin/foreninger/membership/export.csv?paid=no&amp;year={this_year()}" in html


def read_csv(response) -> str:
    assert response["Content-Type"].startswith("text/csv")
    return b"".join(response.streaming_content).decode("utf-8")


def test_export_link_exports_the_filtered_list_for_danish_excel(
    client, centre, staff_user, records
):
    client.force_login(staff_user)

    response = client.get(EXPORT_URL + f"?year={this_year()}")

    text = read_csv(response)
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert len(lines) == 3  # header and this year's two
    assert lines[0].count(";") == 7
    assert "Øresund Kajakklub" in text and "Ældresagen Lokal Åby" in text
    assert "Gamle Medlem" not in text
    assert "500,00" in text and "250,00" in text
    assert "attachment" in response["Content-Disposition"]


def test_export_action_exports_only_the_selected_rows(client, centre, staff_user, records):
    client.force_login(staff_user)
    chosen = Membership.objects.get(association=records["unpaid"])

    response = client.post(ADMIN_URL, {"action": "export_csv", ACTION_CHECKBOX_NAME: [chosen.pk]})

    lines = read_csv(response).lstrip("\ufeff").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("Ældresagen Lokal Åby;")


def test_export_guards_against_spreadsheet_formulas(client, centre, staff_user):
    make_membership(make_association("=HYPERLINK(evil)", slug="formel"))
    client.force_login(staff_user)

    text = read_csv(client.get(EXPORT_URL))

    assert "'=HYPERLINK(evil)" in text


def test_mark_as_paid_today_touches_only_unpaid_selected_rows(client, centre, staff_user, records):
    client.force_login(staff_user)
    rows = Membership.objects.filter(year=this_year())
    paid_before = rows.get(association=records["paid"]).paid_on

    client.post(
        ADMIN_URL,
        {"action": "mark_paid_today", ACTION_CHECKBOX_NAME: [row.pk for row in rows]},
    )

    assert rows.get(association=records["unpaid"]).paid_on == timezone.localdate()
    assert rows.get(association=records["paid"]).paid_on == paid_before


def test_renew_action_makes_next_years_rows(client, centre, staff_user, records):
    client.force_login(staff_user)
    rows = Membership.objects.filter(year=this_year())

    client.post(
        ADMIN_URL, {"action": "renew_next_year", ACTION_CHECKBOX_NAME: [row.pk for row in rows]}
    )

    assert Membership.objects.filter(year=this_year() + 1, paid_on__isnull=True).count() == 2


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user", None])
def test_only_staff_reach_the_membership_admin(client, centre, records, request, role_user):
    if role_user:
        client.force_login(request.getfixturevalue(role_user))
    row = Membership.objects.first()

    for url in (ADMIN_URL, EXPORT_URL, f"{ADMIN_URL}{row.pk}/change/", f"{ADMIN_URL}add/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    client.post(ADMIN_URL, {"action": "mark_paid_today", ACTION_CHECKBOX_NAME: [row.pk]})
    assert Membership.objects.filter(paid_on=timezone.localdate()).count() == 0


def test_staff_can_add_a_membership_with_the_association_autocomplete(client, centre, staff_user):
    association = make_association("Ny Forening")
    client.force_login(staff_user)

    form = client.get(ADMIN_URL + "add/")
    response = client.post(
        ADMIN_URL + "add/",
        {
            "association": association.pk,
            "year": this_year(),
            "type": Membership.Type.ORDINARY,
            "fee": "500",
            "paid_on": "",
            "joined_on": "",
            "left_on": "",
            "notes": "",
        },
    )

    assert "admin-autocomplete" in form.content.decode()
    assert response.status_code == 302
    assert Membership.objects.filter(association=association).exists()


def test_export_with_a_broken_filter_goes_back_to_the_list(client, centre, staff_user):
    client.force_login(staff_user)

    response = client.get(EXPORT_URL + "?year=not-a-year")

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
