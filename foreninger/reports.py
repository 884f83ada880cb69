"""Figures about the association guide, for the admin's front page and the board's reports."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Association

#: A published listing not confirmed by its association for this long is stale.
STALE_AFTER = timedelta(days=365)

REVIEW_QUEUE_QUERY = "?status__exact=review"
STALE_QUERY = "?freshness=stale"


def stale_associations(queryset: QuerySet | None = None) -> QuerySet:
    """Published listings neither confirmed nor created within ``STALE_AFTER``."""
    queryset = Association.objects.all() if queryset is None else queryset
    cutoff = timezone.now() - STALE_AFTER
    return (
        queryset.filter(status=Association.Status.PUBLISHED)
        .alias(confirmed_or_created=Coalesce("last_confirmed_at", "created_at"))
        .filter(Q(confirmed_or_created__lt=cutoff))
    )


def awaiting_review() -> QuerySet:
    return Association.objects.filter(status=Association.Status.AWAITING_REVIEW)


def attention_counts(user) -> list[dict]:
    """What the admin's front page asks staff to look at: label, count and url, if any."""
    if not user.has_perm("foreninger.change_association"):
        return []
    changelist = reverse("admin:foreninger_association_changelist")
    items = []
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
    return items
