"""Keeping listings current: reminders to confirm a listing once a year, and the signed
token of the one-click confirmation page the reminder links to (views/freshness.py).

A published listing not confirmed for ``reports.STALE_AFTER`` gets a reminder by email; if
it is still not confirmed ``SECOND_REMINDER_AFTER`` later, a second one; after that staff
follow up by hand from the admin's "stale" filter. ``send_freshness_reminders`` is safe to
run daily (and twice a day): the counters on the association say what was already sent.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from frivillig.lib.text import site_url

from .. import reports
from ..models import Association
from .listings import mail_contacts

SALT = "foreninger.freshness.confirm-listing"
#: A link in a reminder works this long: past the second reminder and some holidays.
TOKEN_MAX_AGE = timedelta(days=60)
SECOND_REMINDER_AFTER = timedelta(days=30)
MAX_REMINDERS = 2


def make_confirm_token(association: Association) -> str:
    return signing.dumps(association.pk, salt=SALT)


def association_for_token(token: str) -> Association | None:
    """The association a token was made for; raises ``signing.BadSignature`` (or its
    subclass ``SignatureExpired``) for a token that was altered, made elsewhere or is old."""
    pk = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    if not isinstance(pk, int):
        raise signing.BadSignature("Not an association id.")
    return Association.objects.filter(pk=pk).first()


def confirm_url(association: Association) -> str:
    """The absolute link for a reminder mail (sent outside any request)."""
    with translation.override("da"):
        path = reverse(
            "foreninger:confirm_listing", kwargs={"token": make_confirm_token(association)}
        )
    return site_url(path)


def _edit_url(association: Association) -> str:
    with translation.override("da"):
        path = reverse("foreninger:my_association", kwargs={"slug": association.slug})
    return site_url(path)


def reminders_due(*, now=None):
    """Stale listings that should get a reminder now: a first one, or a second one
    ``SECOND_REMINDER_AFTER`` after the first."""
    now = now or timezone.now()
    return (
        reports.stale_associations(now=now)
        .filter(freshness_reminders_sent__lt=MAX_REMINDERS)
        .filter(
            Q(freshness_reminders_sent=0)
            | Q(freshness_reminded_at__isnull=True)
            | Q(freshness_reminded_at__lte=now - SECOND_REMINDER_AFTER)
        )
        .order_by("pk")
    )


def _send_reminder(*, association: Association) -> bool:
    number = association.freshness_reminders_sent + 1
    if number == 1:
        subject = gettext_lazy("Is the listing of %(name)s still up to date?")
    else:
        subject = gettext_lazy("Reminder: is the listing of %(name)s still up to date?")
    recipients = mail_contacts(
        association=association,
        subject=subject,
        template="foreninger/email/freshness_reminder.txt",
        context={
            "reminder_number": number,
            "confirm_url": confirm_url(association),
            "edit_url": _edit_url(association),
            "public_url": site_url(association.get_absolute_url()),
            "valid_days": TOKEN_MAX_AGE.days,
        },
    )
    return bool(recipients)


def send_freshness_reminders(*, now=None) -> int:
    """Email the contacts of each listing that is due a reminder; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for association in reminders_due(now=now):
        # One listing at a time: a mail server failing half-way leaves the counters true
        # for the mails that did go out, and the next run picks up the rest.
        with transaction.atomic():
            locked = reminders_due(now=now).select_for_update().filter(pk=association.pk)
            association = locked.first()
            if association is None or not _send_reminder(association=association):
                continue
            # update(), not save(): a reminder is not a change to the listing, so
            # updated_at (shown as "last updated" on the public page) stays as it was.
            Association.objects.filter(pk=association.pk).update(
                freshness_reminders_sent=F("freshness_reminders_sent") + 1,
                freshness_reminded_at=now,
            )
            sent += 1
    return sent
