"""The board's and the admin's figures, on small hand-made data sets with exact numbers."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from foreninger import reports
from foreninger.models import Membership
from foreninger.tests.factories import (
    category,
    make_association,
    make_membership,
    make_opportunity,
    make_revision,
    make_volunteer_offer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    """2024: A, B, C. 2025: A, C (left in June), D. So 2025 has D new, B and C left."""
    social, culture = category("social"), category("kultur")
    a = make_association("Alfa", categories=[social])
    b = make_association("Beta", categories=[culture])
    c = make_association("Gamma Æblerne", categories=[social, culture])
    d = make_association("Delta")
    for association in (a, b, c):
        make_membership(association, 2024, paid_on=date(2024, 2, 1))
    make_membership(a, 2025, paid_on=date(2025, 2, 1))
    make_membership(
        c,
        2025,
        fee="250.00",
        type=Membership.Type.SUPPORTING,
        left_on=date(2025, 6, 30),
    )
    make_membership(
        d, 2025, fee="1500.00", type=Membership.Type.INSTITUTION, paid_on=date(2025, 3, 1)
    )
    return a, b, c, d


def test_new_and_left_members_across_years(members):
    assert reports.members_joined_and_left(2025) == {
        "year": 2025,
        "members": 3,
        "new": 1,
        "left": 2,
        "new_names": ["Delta"],
        "left_names": ["Beta", "Gamma Æblerne"],
    }
    first = reports.members_joined_and_left(2024)
    assert (first["members"], first["new"], first["left"]) == (3, 3, 0)


def test_membership_by_year_is_oldest_first_and_counts_an_empty_year(members):
    assert reports.membership_by_year([2026, 2024, 2025]) == [
        {"year": 2024, "members": 3, "new": 3, "left": 0},
        {"year": 2025, "members": 3, "new": 1, "left": 2},
        {"year": 2026, "members": 0, "new": 0, "left": 2},
    ]


def test_members_by_category_counts_each_association_once_per_category(members):
    rows = {row["category"]: row["members"] for row in reports.members_by_category(2025)}

    assert rows["Socialt"] == 2
    assert rows["Kultur"] == 1
    assert rows[gettext("No category")] == 1
    assert rows.get("Andet", 0) == 0


def test_dues_paid_and_outstanding(members):
    figures = reports.dues(2025)

    assert figures["count"] == 3
    assert figures["fees"] == Decimal("2250.00")
    assert figures["paid"] == Decimal("2000.00")
    assert figures["outstanding"] == Decimal("250.00")
    assert (figures["paid_count"], figures["outstanding_count"]) == (2, 1)
    by_type = {row["type"]: row for row in figures["by_type"]}
    assert by_type[Membership.Type.SUPPORTING]["outstanding"] == Decimal("250.00")
    assert by_type[Membership.Type.INSTITUTION]["paid"] == Decimal("1500.00")
    assert by_type[Membership.Type.ORDINARY]["count"] == 1


def test_dues_of_a_year_without_members_are_zero(db):
    figures = reports.dues(2030)

    assert (figures["count"], figures["fees"], figures["outstanding"]) == (0, 0, 0)
    assert figures["by_type"] == []


@pytest.fixture
def offers():
    now = timezone.now()
    opportunity = make_opportunity(make_association("Roklubben"))

    maja = {"name": "Maja Eksempel", "email": "maja@example.org", "message": "Hej, jeg vil gerne."}
    twenty_days_ago = now - timedelta(days=20)
    for hours in (24, 72, 240):
        make_volunteer_offer(
            opportunity, created_at=twenty_days_ago, answered_after=timedelta(hours=hours), **maja
        )
    make_volunteer_offer(opportunity, created_at=now - timedelta(days=10), **maja)  # overdue
    make_volunteer_offer(opportunity, created_at=now - timedelta(days=1), **maja)  # has time
    return now


def test_time_to_first_answer(offers):
    figures = reports.offer_answer_times(now=offers)

    assert figures == {
        "offers": 5,
        "answered": 3,
        "unanswered": 2,
        "overdue": 1,
        "median_hours": 72.0,
        "mean_hours": 112.0,
        "median_days": 3.0,
        "mean_days": 4.7,
        # Of the four whose week is up or that were answered, two were answered in time.
        "answered_within_7_days_percent": 50,
    }


def test_time_to_first_answer_since_a_date(offers):
    figures = reports.offer_answer_times(since=offers - timedelta(days=15), now=offers)

    assert (figures["offers"], figures["answered"], figures["overdue"]) == (2, 0, 1)
    assert figures["median_hours"] is None and figures["mean_days"] is None
    assert figures["answered_within_7_days_percent"] == 0


def test_time_to_first_answer_without_offers(db):
    figures = reports.offer_answer_times()

    assert figures["offers"] == 0
    assert figures["answered_within_7_days_percent"] is None


def test_reports_hold_no_personal_data(members, offers):
    everything = repr(
        [
            reports.offer_answer_times(),
            reports.dues(2025),
            reports.members_by_category(2025),
            reports.membership_by_year([2024, 2025]),
        ]
    )

    assert "Maja" not in everything and "example.org" not in everything


def _registered(name):
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def test_attention_counts_overdue_offers_and_pending_versions_for_staff(offers, staff_user):
    association = make_association("Ventende")
    make_revision(association)

    items = {item["label"]: item for item in reports.attention_counts(staff_user)}

    offer_label = gettext("Offers to help not answered within 7 days")
    revision_label = gettext("Changed listings awaiting review")
    if _registered("admin:foreninger_volunteeroffer_changelist"):
        assert items[offer_label]["count"] == 1
        assert items[offer_label]["url"].endswith("?answer=overdue")
    else:
        assert offer_label not in items
    if _registered("admin:foreninger_associationrevision_changelist"):
        assert items[revision_label]["count"] == 1
        assert items[revision_label]["url"].endswith("?state__exact=pending")
    else:
        assert revision_label not in items


def test_attention_counts_show_nothing_to_other_roles(offers, board_user, contact_user):
    make_revision(make_association("Ventende"))

    assert reports.attention_counts(board_user) == []
    assert reports.attention_counts(contact_user) == []


def test_stale_associations_can_be_asked_about_another_moment(db):
    association = make_association("Gammel", last_confirmed_at=timezone.now())

    assert not reports.stale_associations().exists()
    later = timezone.now() + timedelta(days=366)
    assert list(reports.stale_associations(now=later)) == [association]
