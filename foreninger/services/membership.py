"""The centre's membership records: who is a member, totals, CSV export, a new year's rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, DecimalField, Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..guide_cache import bump_guide_generation
from ..models import Association, Membership

ZERO = Decimal("0.00")


def current_year() -> int:
    return timezone.localdate().year


def still_member_on(day: datetime.date) -> Q:
    """A membership row that has not ended by ``day`` (left later in the year still counts)."""
    return Q(left_on__isnull=True) | Q(left_on__gt=day)


def current_memberships(*, today: datetime.date | None = None) -> QuerySet:
    today = today or timezone.localdate()
    return Membership.objects.filter(still_member_on(today), year=today.year)


def member_associations(*, today: datetime.date | None = None) -> QuerySet:
    """Published associations that are members of the centre this year (the public list)."""
    memberships = current_memberships(today=today).filter(association=OuterRef("pk"))
    return Association.objects.published().filter(Exists(memberships))


def membership_totals(queryset: QuerySet) -> dict:
    """Count, total fees, paid and outstanding of ``queryset`` (any filtered memberships)."""
    money = DecimalField(max_digits=12, decimal_places=2)
    zero = Value(ZERO, output_field=money)
    totals = queryset.order_by().aggregate(
        count=Count("pk"),
        paid_count=Count("pk", filter=Q(paid_on__isnull=False)),
        fees=Coalesce(Sum("fee"), zero, output_field=money),
        paid=Coalesce(Sum("fee", filter=Q(paid_on__isnull=False)), zero, output_field=money),
    )
    return {
        "count": totals["count"],
        "paid_count": totals["paid_count"],
        "outstanding_count": totals["count"] - totals["paid_count"],
        "fees": totals["fees"],
        "paid": totals["paid"],
        "outstanding": totals["fees"] - totals["paid"],
    }


def membership_csv_header() -> list[str]:
    return [
        _("Association"),
        _("CVR number"),
        _("Year"),
        _("Membership type"),
        _("Fee (kr.)"),
        _("Paid on"),
        _("Joined on"),
        _("Left on"),
    ]


def _danish_amount(amount: Decimal) -> str:
    # Danish Excel reads "1250,00" as a number; "1250.00" would become text or a date.
    return f"{amount:.2f}".replace(".", ",")


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def membership_csv_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """One row per membership, in the order of ``membership_csv_header``."""
    for membership in queryset.select_related("association").iterator(chunk_size=500):
        yield [
            membership.association.name,
            membership.association.cvr,
            str(membership.year),
            str(membership.get_type_display()),
            _danish_amount(membership.fee),
            _date(membership.paid_on),
            _date(membership.joined_on),
            _date(membership.left_on),
        ]


@transaction.atomic
def mark_memberships_paid(*, memberships: QuerySet, paid_on: datetime.date) -> int:
    """Record ``paid_on`` on the unpaid ones among ``memberships``; returns how many."""
    return memberships.filter(paid_on__isnull=True).update(
        paid_on=paid_on, updated_at=timezone.now()
    )


@transaction.atomic
def renew_memberships(*, year: int, from_year: int, memberships: QuerySet | None = None) -> int:
    """Carry the members of ``from_year`` who have not left over to ``year``, unpaid.

    Same type and fee; associations that already have a row for ``year`` are left alone,
    so running it twice makes nothing new. Returns how many rows were made.
    """
    source = Membership.objects.all() if memberships is None else memberships
    source = source.filter(year=from_year, left_on__isnull=True).exclude(
        association__memberships__year=year
    )
    new = [
        Membership(association_id=row.association_id, year=year, type=row.type, fee=row.fee)
        for row in source.order_by("association__name")
    ]
    Membership.objects.bulk_create(new, ignore_conflicts=True)
    bump_guide_generation()  # bulk_create sends no signals; the member list changes
    return len(new)
