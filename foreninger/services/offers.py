"""Offers to help ("Jeg vil gerne hjælpe"): storing them, telling the association, making
sure no volunteer is left unanswered, and deleting offers once they are no longer needed.

Mail to an association's contacts is Danish; the volunteer's receipt is in the language
they used on the site. Bodies are plain text only (no HTML part), so nothing a volunteer
writes can be rendered as markup; subjects are collapsed to one line so that no input can
add a header.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.centre import get_centre
from frivillig.lib.receipts import Letter, send_receipt_and_notice
from frivillig.lib.text import one_line, site_url

from ..models import Association, VolunteerOffer, VolunteerOpportunity
from .listings import contact_emails

OFFER_FIELDS = ("name", "email", "phone", "message")


def offer_recipients(association: Association, opportunities) -> list[str]:
    """Who hears about offers to ``opportunities`` of ``association``: its contacts (else its
    public address), and each opportunity's own contact address if it has one."""
    emails = contact_emails(association)
    for opportunity in opportunities:
        if opportunity.contact_email and opportunity.contact_email not in emails:
            emails.append(opportunity.contact_email)
    return emails


def inbox_url(association: Association, *, base_url: str | None = None) -> str:
    with translation.override("da"):
        path = reverse("foreninger:my_offers", kwargs={"slug": association.slug})
    return base_url.rstrip("/") + path if base_url else site_url(path)


@transaction.atomic
def make_offer(
    *,
    opportunity: VolunteerOpportunity,
    cleaned_data: Mapping,
    language: str,
    base_url: str | None = None,
) -> VolunteerOffer:
    """Store a volunteer's offer, tell the association and send the volunteer a receipt.

    ``cleaned_data`` holds name, email, phone (may be empty) and message, already
    validated by a form; they are checked again against the model. Raises
    ``ValidationError`` and stores and sends nothing if the opportunity is not open.
    """
    if not VolunteerOpportunity.objects.open_to_the_public().filter(pk=opportunity.pk).exists():
        raise ValidationError(_("This volunteer opportunity is no longer open."))
    now = timezone.now()
    offer = VolunteerOffer(
        opportunity=opportunity,
        consent_at=now,
        language=language or "da",
        **{field: cleaned_data.get(field) or "" for field in OFFER_FIELDS},
    )
    offer.name = one_line(offer.name)
    offer.full_clean()
    offer.save()
    association = opportunity.association
    centre = get_centre()
    context = {
        "offer": offer,
        "opportunity": opportunity,
        "association": association,
        "centre": centre,
        "inbox_url": inbox_url(association, base_url=base_url),
        "answer_within_days": VolunteerOffer.ANSWER_WITHIN.days,
    }
    send_receipt_and_notice(
        receipt=Letter(
            to=[offer.email],
            subject=gettext_lazy("Thank you for offering to help %(association)s"),
            subject_params={"association": association.name},
            template="foreninger/email/offer_receipt.txt",
            language=offer.language,
            reply_to=[centre.email] if centre.email else None,
        ),
        notice=Letter(
            to=offer_recipients(association, [opportunity]),
            subject=gettext_lazy("New offer to help: %(title)s"),
            subject_params={"title": opportunity.title},
            template="foreninger/email/offer_notification.txt",
            language="da",
            # The association answers the volunteer straight from the mail.
            reply_to=[offer.email],
        ),
        context=context,
        notice_first=True,
    )
    return offer


@transaction.atomic
def mark_offer_answered(*, offer: VolunteerOffer, user) -> VolunteerOffer:
    """The association has answered the volunteer (by mail, phone or in person)."""
    if offer.answered_at is not None:
        raise ValidationError(_("This offer is already marked as answered."))
    offer.answered_at = timezone.now()
    offer.answered_by = user
    offer.save(update_fields=["answered_at", "answered_by"])
    return offer


def remind_unanswered_offers(*, now: datetime | None = None) -> int:
    """Remind associations, once, of offers left unanswered for ``ANSWER_WITHIN``.

    One mail per association lists its overdue offers. An offer is marked reminded in the
    same step that claims it, so two runs (or two workers) never remind twice; offers of
    an association nobody can be written to stay unreminded until someone can (staff see
    them in the admin under "overdue" either way). Returns the number of offers reminded.
    """
    now = now or timezone.now()
    overdue = (
        VolunteerOffer.objects.overdue(now=now)
        .filter(reminded_at__isnull=True)
        .select_related("opportunity__association")
        .order_by("created_at", "pk")
    )
    by_association: dict[int, list[VolunteerOffer]] = {}
    for offer in overdue:
        by_association.setdefault(offer.opportunity.association_id, []).append(offer)
    centre = get_centre()
    reminded = 0
    for offers in by_association.values():
        association = offers[0].opportunity.association
        opportunities = {offer.opportunity_id: offer.opportunity for offer in offers}
        recipients = offer_recipients(association, opportunities.values())
        if not recipients:
            continue
        with transaction.atomic():
            # Claim the rows under a lock and mail exactly those: a run at the same time,
            # or a contact answering meanwhile, must not lead to a second reminder.
            claimable = set(
                VolunteerOffer.objects.select_for_update(skip_locked=True)
                .filter(
                    pk__in=[offer.pk for offer in offers],
                    reminded_at__isnull=True,
                    answered_at__isnull=True,
                )
                .values_list("pk", flat=True)
            )
            offers = [offer for offer in offers if offer.pk in claimable]
            if not offers:
                continue
            claimed = VolunteerOffer.objects.filter(pk__in=claimable).update(reminded_at=now)
            with translation.override("da"):
                subject = _("Volunteers are waiting for an answer from %(name)s") % {
                    "name": association.name
                }
                body = render_to_string(
                    "foreninger/email/offer_reminder.txt",
                    {
                        "association": association,
                        "offers": offers,
                        "centre": centre,
                        "inbox_url": inbox_url(association),
                        "now": now,
                        "answer_within_days": VolunteerOffer.ANSWER_WITHIN.days,
                    },
                )
            EmailMessage(one_line(subject), body, None, recipients).send()
            reminded += claimed
    return reminded


@transaction.atomic
def purge_old_offers(*, now: datetime | None = None) -> int:
    """Delete offers made more than ``RETENTION`` ago; returns how many."""
    now = now or timezone.now()
    _total, per_model = VolunteerOffer.objects.filter(
        created_at__lt=now - VolunteerOffer.RETENTION
    ).delete()
    return per_model.get(VolunteerOffer._meta.label, 0)
