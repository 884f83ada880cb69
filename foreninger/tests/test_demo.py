"""Demo and bench data for the association guide."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from foreninger import reports
from foreninger.demo import ASSOCIATIONS, demo_cvr, draw_logo
from foreninger.models import (
    Area,
    Association,
    AssociationContact,
    Category,
    Membership,
    VolunteerOffer,
    VolunteerOpportunity,
)
from foreninger.slugs import danish_slug
from frivillig.lib.images import process_logo
from frivillig.lib.validators import is_valid_cvr

DEMO_SLUGS = [danish_slug(row[0]) for row in ASSOCIATIONS]


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())


def test_seed_demo_fills_the_guide_across_every_category(seeded):
    assert 35 <= Association.objects.count() <= 45
    unused = Category.objects.annotate(n=Count("associations")).filter(n=0)
    assert list(unused) == []
    assert Association.objects.published().count() >= 30
    for status in (Association.Status.AWAITING_REVIEW, Association.Status.DRAFT):
        assert Association.objects.filter(status=status).exists()
    assert 15 <= VolunteerOpportunity.objects.count() <= 25
    assert {"nordbyen", "sydbyen", "centrum", "hele-kommunen"} <= set(
        Area.objects.values_list("slug", flat=True)
    )


def test_demo_associations_have_valid_cvr_numbers_and_most_have_a_logo(seeded):
    cvrs = [cvr for cvr in Association.objects.values_list("cvr", flat=True) if cvr]
    assert cvrs and all(is_valid_cvr(cvr) for cvr in cvrs)
    with_logo = Association.objects.exclude(logo="").exclude(logo_thumbnail="")
    assert with_logo.count() >= Association.objects.count() * 3 // 4


def test_demo_contact_login_is_contact_of_one_or_two_associations(seeded):
    links = AssociationContact.objects.filter(user__username="forening")
    assert 1 <= links.count() <= 2


def test_seed_demo_is_safe_to_run_twice(seeded):
    # How fast it runs is for `make bench`, not a test; here: the second run changes nothing.
    models = (
        Association,
        AssociationContact,
        VolunteerOpportunity,
        Membership,
        VolunteerOffer,
        Category,
        Area,
        get_user_model(),
    )
    rows = {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models}
    out = StringIO()

    call_command("seed_demo", stdout=out)

    again = {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models}
    assert again == rows  # nothing added, nothing deleted and made anew
    assert f"Demo associations: {len(ASSOCIATIONS)} (0 new)." in out.getvalue()
    assert AssociationContact.objects.filter(user__username="forening").count() <= 2


def test_demo_logos_pass_the_upload_checks():
    logo, thumbnail = process_logo(draw_logo(ASSOCIATIONS[0][0]))
    assert logo.size and thumbnail.size


def test_demo_cvr_numbers_are_valid():
    assert all(is_valid_cvr(demo_cvr(number)) for number in range(200))


@pytest.mark.parametrize("runs", [1, 2])
def test_seed_bench_makes_searchable_associations_and_is_safe_to_repeat(db, runs):
    for _run in range(runs):
        call_command("seed_bench", "--users", "3", "--associations", "40")

    bench = Association.objects.filter(slug__startswith="bench-")
    assert bench.count() == 40
    assert bench.published().count() == 40
    assert not bench.annotate(n=Count("categories")).filter(n=0).exists()
    assert bench.filter(name__icontains="sorg").exists()
    assert len(set(bench.values_list("name", flat=True))) == 40
    if connection.vendor == "postgresql":
        # Bulk inserts skip the signals; the command refreshes the stored search vectors.
        assert not bench.filter(search_vector__isnull=True).exists()


def test_demo_memberships_cover_three_years_with_new_left_and_unpaid(seeded):
    year = timezone.localdate().year
    members = Membership.objects.values("association").distinct().count()
    assert 25 <= members <= 35
    assert set(Membership.objects.values_list("year", flat=True)) == {year - 2, year - 1, year}
    figures = reports.members_joined_and_left(year)
    assert figures["new"] >= 2 and figures["left"] >= 3
    assert reports.members_joined_and_left(year - 1)["left"] >= 1
    dues = reports.dues(year)
    assert dues["outstanding_count"] >= 3 and dues["paid_count"] >= 15
    assert reports.dues(year - 1)["outstanding_count"] == 0
    assert Membership.objects.filter(left_on__year=year).exists()
    assert not Membership.objects.exclude(association__status=Association.Status.PUBLISHED).exists()


def test_demo_offers_are_fictional_and_some_answered_some_overdue(seeded):
    offers = VolunteerOffer.objects.all()
    assert 5 <= offers.count() <= 12
    assert all(email.endswith("@example.org") for email in offers.values_list("email", flat=True))
    assert offers.overdue().count() == 1
    assert offers.unanswered().count() >= 2
    figures = reports.offer_answer_times()
    assert figures["answered"] >= 4
    assert 1 <= figures["median_days"] <= 6
    # The demo contact has offers waiting in their own inbox.
    mine = offers.filter(opportunity__association__contact_links__user__username="forening")
    assert mine.exists()


def test_each_demo_association_looking_for_volunteers_has_one_or_two_tasks(seeded):
    looking = Association.objects.filter(looking_for_volunteers=True, slug__in=DEMO_SLUGS)
    assert looking.count() >= 10
    counts = looking.annotate(n=Count("opportunities")).values_list("name", "n")
    assert all(1 <= n <= 2 for _name, n in counts), list(counts)
