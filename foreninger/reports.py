"""Figures about the association guide, for the admin's front page and the board's reports.

Every function returns plain dicts and lists, ready for a template. The board reads these:
they name associations (public bodies) but never a person.
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Association,
    AssociationRevision,
    Category,
    Membership,
    VolunteerOffer,
)
from .services.membership import membership_totals

#: A published listing not confirmed by its association for this long is stale.
STALE_AFTER = timedelta(days=365)

REVIEW_QUEUE_QUERY = "?status__exact=review"
STALE_QUERY = "?freshness=stale"
OVERDUE_OFFERS_QUERY = "?answer=overdue"
PENDING_REVISIONS_QUERY = "?state__exact=pending"


def stale_associations(queryset: QuerySet | None = None, *, now=None) -> QuerySet:
    """Published listings neither confirmed nor created within ``STALE_AFTER``."""
    queryset = Association.objects.all() if queryset is None else queryset
    cutoff = (now or timezone.now()) - STALE_AFTER
    return (
        queryset.filter(status=Association.Status.PUBLISHED)
        .alias(confirmed_or_created=Coalesce("last_confirmed_at", "created_at"))
        .filter(Q(confirmed_or_created__lt=cutoff))
    )


def awaiting_review() -> QuerySet:
    return Association.objects.filter(status=Association.Status.AWAITING_REVIEW)


def _admin_url(name: str, query: str) -> str | None:
    # Each admin page is registered by its own module; one missing must not break the
    # admin's front page.
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return None


def attention_counts(user) -> list[dict]:
    """What the admin's front page asks staff to look at: label, count and url, if any."""
    items = []
    if user.has_perm("foreninger.change_association"):
        changelist = reverse("admin:foreninger_association_changelist")
        review = awaiting_review().count()
        if review:
            items.append(
                {
                    "label": _("Association listings awaiting review"),
                    "count": review,
                    "url": changelist + REVIEW_QUEUE_QUERY,
                }
            )
        stale = stale_associations().count()
        if stale:
            items.append(
                {
                    "label": _("Published listings not confirmed for 12 months"),
                    "count": stale,
                    "url": changelist + STALE_QUERY,
                }
            )
    if user.has_perm("foreninger.change_associationrevision"):
        url = _admin_url("admin:foreninger_associationrevision_changelist", PENDING_REVISIONS_QUERY)
        pending = AssociationRevision.objects.pending().count() if url else 0
        if pending:
            items.append(
                {
                    "label": _("Changed listings awaiting review"),
                    "count": pending,
                    "url": url,
                }
            )
    if user.has_perm("foreninger.view_volunteeroffer"):
        url = _admin_url("admin:foreninger_volunteeroffer_changelist", OVERDUE_OFFERS_QUERY)
        overdue = VolunteerOffer.objects.overdue().count() if url else 0
        if overdue:
            items.append(
                {
                    "label": _("Offers to help not answered within 7 days"),
                    "count": overdue,
                    "url": url,
                }
            )
    return items


# Membership of the centre. An association is a member in a year when it has a
# membership row for that year, even if it left during the year.


def _member_ids(year: int) -> set[int]:
    return set(Membership.objects.filter(year=year).values_list("association_id", flat=True))


def members_joined_and_left(year: int) -> dict:
    """New members (not members the year before) and those who left, with their names.

    Left: members the year before (who did not leave during it) with no row this year, and
    members whose row this year says they left during it.
    """
    this_year = _member_ids(year)
    last_year = _member_ids(year - 1)
    # Who left during last year was counted as leaving then, not again this year.
    stayed_last_year = set(
        Membership.objects.filter(year=year - 1)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=date(year - 1, 12, 31)))
        .values_list("association_id", flat=True)
    )
    left_during = set(
        Membership.objects.filter(
            year=year, left_on__gte=date(year, 1, 1), left_on__lte=date(year, 12, 31)
        ).values_list("association_id", flat=True)
    )
    new = this_year - last_year
    left = (stayed_last_year - this_year) | left_during
    names = dict(Association.objects.filter(pk__in=new | left).values_list("pk", "name"))
    return {
        "year": year,
        "members": len(this_year),
        "new": len(new),
        "left": len(left),
        "new_names": sorted(names[pk] for pk in new),
        "left_names": sorted(names[pk] for pk in left),
    }


def membership_by_year(years) -> list[dict]:
    """Members, new and left for each of ``years`` (oldest first)."""
    rows = []
    for year in sorted(years):
        figures = members_joined_and_left(year)
        rows.append({key: figures[key] for key in ("year", "members", "new", "left")})
    return rows


def members_by_category(year: int) -> list[dict]:
    """Member associations of ``year`` per category; one association may have several."""
    members = Q(associations__memberships__year=year)
    counts = Category.objects.annotate(
        members=Count("associations", filter=members, distinct=True)
    ).order_by("order", "name")
    rows = [{"category": category.display_name, "members": category.members} for category in counts]
    uncategorised = (
        Association.objects.filter(memberships__year=year, categories__isnull=True)
        .distinct()
        .count()
    )
    if uncategorised:
        rows.append({"category": _("No category"), "members": uncategorised})
    return rows


def dues(year: int) -> dict:
    """Dues of ``year``: totals, paid and outstanding, overall and per membership type."""
    memberships = Membership.objects.filter(year=year)
    by_type = []
    for value, label in Membership.Type.choices:
        totals = membership_totals(memberships.filter(type=value))
        if totals["count"]:
            by_type.append({"type": value, "label": str(label), **totals})
    return {"year": year, **membership_totals(memberships), "by_type": by_type}


# Volunteer offers: how quickly associations answer the people who offer to help.


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def offer_answer_times(*, since=None, now=None) -> dict:
    """How quickly offers to help received since ``since`` were answered.

    The share answered in time counts only offers whose time is up or that were answered:
    an offer made yesterday and not yet answered is not late.
    """
    now = now or timezone.now()
    offers = VolunteerOffer.objects.all()
    if since is not None:
        offers = offers.filter(created_at__gte=since)
    pairs = list(offers.values_list("created_at", "answered_at"))
    within = VolunteerOffer.ANSWER_WITHIN
    hours = sorted(
        (answered - created).total_seconds() / 3600 for created, answered in pairs if answered
    )
    decided = [
        (created, answered)
        for created, answered in pairs
        if answered is not None or created < now - within
    ]
    in_time = sum(1 for created, answered in decided if answered and answered - created <= within)
    median = statistics.median(hours) if hours else None
    mean = statistics.fmean(hours) if hours else None
    return {
        "offers": len(pairs),
        "answered": len(hours),
        "unanswered": len(pairs) - len(hours),
        "overdue": offers.overdue(now=now).count(),
        "median_hours": _rounded(median),
        "mean_hours": _rounded(mean),
        "median_days": _rounded(median / 24 if median is not None else None),
        "mean_days": _rounded(mean / 24 if mean is not None else None),
        "answered_within_7_days_percent": round(100 * in_time / len(decided)) if decided else None,
    }
