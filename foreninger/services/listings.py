"""Acts on associations that change several things at once or send mail."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.centre import get_centre
from frivillig.lib.images import process_logo
from frivillig.lib.text import one_line, site_url

from ..guide_cache import bump_guide_generation
from ..models import Association, AssociationContact
from ..signals import contact_invitation_needed

REJECTION_REASON_MAX_LENGTH = 2000


def clean_rejection_reason(reason: str, *, missing: str) -> str:
    """The reason staff give for turning something down, stripped and of sane length."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(missing)
    if len(reason) > REJECTION_REASON_MAX_LENGTH:
        raise ValidationError(
            _("The reason may be at most %(max)d characters.")
            % {"max": REJECTION_REASON_MAX_LENGTH}
        )
    return reason


def mail_contacts(
    *, association, subject, template: str, context: dict | None = None, recipients=None
) -> list[str]:
    """Mail ``association``'s contacts (or ``recipients``) in Danish; returns who was written to.

    Contacts read Danish: the guide's listings and its mail are Danish first. ``subject`` is
    a lazy translation that may use ``%(name)s`` (the association's name, on one line); the
    body is plain text rendered from ``template``, so nothing users wrote renders as markup.
    """
    recipients = contact_emails(association) if recipients is None else recipients
    if recipients:
        with translation.override("da"):
            body = render_to_string(
                template,
                {"association": association, "centre": get_centre(), **(context or {})},
            )
            subject = one_line(str(subject) % {"name": one_line(association.name)})
        send_mail(subject, body, None, recipients)
    return recipients


def _delete_files_after_commit(storage, names: list[str]) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


@transaction.atomic
def set_logo(*, association: Association, upload) -> Association:
    """Store a checked, re-encoded logo and its thumbnail; the old files go after commit.

    ``upload`` is checked by ``process_logo`` unless a ``LogoField`` already did it (then
    it carries ``processed_logo``). Raises ``ValidationError`` and stores nothing if the
    file is refused.
    """
    logo, thumbnail = getattr(upload, "processed_logo", None) or process_logo(upload)
    old = [association.logo.name, association.logo_thumbnail.name]
    stem = association.slug or "logo"
    association.logo.save(f"{stem}.webp", logo, save=False)
    association.logo_thumbnail.save(f"{stem}-thumb.webp", thumbnail, save=False)
    association.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
    _delete_files_after_commit(association.logo.storage, old)
    return association


@transaction.atomic
def remove_logo(*, association: Association) -> Association:
    old = [association.logo.name, association.logo_thumbnail.name]
    association.logo = ""
    association.logo_thumbnail = ""
    association.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
    _delete_files_after_commit(association.logo.storage, old)
    return association


def _set_status(associations: QuerySet, status: str) -> int:
    # A bulk update sends no post_save, so the guide's cached lists are told here.
    changed = associations.update(status=status, updated_at=timezone.now())
    if changed:
        bump_guide_generation()
    return changed


def publish_associations(*, associations: QuerySet) -> int:
    """Publish the given associations; returns how many.

    Those awaiting review are approved one by one, so that whoever registered them is
    made a contact and invited, as when staff choose "approve".
    """
    approved = approve_associations(associations=associations)
    published = Association.Status.PUBLISHED
    rest = associations.exclude(status__in=[published, Association.Status.AWAITING_REVIEW])
    return approved + _set_status(rest, published)


def hide_associations(*, associations: QuerySet) -> int:
    hidden = Association.Status.HIDDEN
    return _set_status(associations.exclude(status=hidden), hidden)


def approve_associations(*, associations: QuerySet) -> int:
    """Publish the listings in the review queue among ``associations``; returns how many.

    Each is approved as ``approve_association`` does: registrants become contacts and
    contacts are told.
    """
    approved = 0
    for association in associations.filter(status=Association.Status.AWAITING_REVIEW):
        approve_association(association=association)
        approved += 1
    return approved


def _registrant_as_contact(association: Association):
    """The user for the address the listing was registered with, linked as its contact.

    A new user gets the address as username and no usable password: the invitation lets
    them choose one (frivillig's accept_invitation finds this user by email).
    """
    User = get_user_model()
    email = association.registered_by_email.strip()
    user = (
        User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )
    if user is None:
        user = User.objects.create_user(
            username=email.lower(),
            email=email.lower(),
            password=None,
            first_name=association.registered_by_name[:150],
        )
    AssociationContact.objects.get_or_create(association=association, user=user)
    return user


@transaction.atomic
def approve_association(*, association: Association) -> Association:
    """Publish a listing awaiting review and tell its people.

    Whoever registered it through the public form becomes its contact: someone without a
    password is invited to create a login (by the ``contact_invitation_needed`` signal),
    and the registration's name and address are then forgotten. Every other contact is
    emailed that the listing is published.
    """
    association = Association.objects.select_for_update().get(pk=association.pk)
    if association.status != Association.Status.AWAITING_REVIEW:
        raise ValidationError(_("%(name)s is not awaiting review.") % {"name": association.name})
    invitee = None
    if association.registered_by_email:
        user = _registrant_as_contact(association)
        if not user.has_usable_password():
            invitee = user
    association.status = Association.Status.PUBLISHED
    association.registered_by_name = ""
    association.registered_by_email = ""
    association.save(
        update_fields=["status", "registered_by_name", "registered_by_email", "updated_at"]
    )
    if invitee is not None:
        contact_invitation_needed.send(
            sender=Association, association=association, user=invitee, language="da"
        )
    # The invitee's invitation says it all; everyone else with a login hears it here.
    recipients = [
        email
        for email in contact_emails(association)
        if invitee is None or email.lower() != invitee.email.lower()
    ]
    mail_contacts(
        association=association,
        subject=gettext_lazy("%(name)s is published in the association guide"),
        template="foreninger/email/listing_published.txt",
        context={
            "url": site_url(association.get_absolute_url()),
            "my_url": site_url(reverse("foreninger:my_associations")),
        },
        recipients=recipients,
    )
    return association


def contact_emails(association: Association) -> list[str]:
    """Where mail about a listing goes: its contacts' logins, else its public address."""
    emails = sorted(
        {
            link.user.email
            for link in association.contact_links.select_related("user")
            if link.user.email and link.user.is_active
        }
    )
    if not emails and association.email:
        emails = [association.email]
    return emails


@transaction.atomic
def reject_association(*, association: Association, reason: str) -> list[str]:
    """Send a listing awaiting review back to draft and email the reason to its contacts.

    The email is plain text (no HTML part), so nothing the reason contains can run or be
    rendered as markup. Returns the addresses written to.
    """
    reason = clean_rejection_reason(reason, missing=_("Write why the listing was not approved."))
    if association.status != Association.Status.AWAITING_REVIEW:
        raise ValidationError(_("%(name)s is not awaiting review.") % {"name": association.name})
    recipients = contact_emails(association)
    if association.registered_by_email:
        # Whoever registered it hears why too; their details are not kept after that.
        recipients = sorted({*recipients, association.registered_by_email})
    association.status = Association.Status.DRAFT
    association.registered_by_name = ""
    association.registered_by_email = ""
    association.save(
        update_fields=["status", "registered_by_name", "registered_by_email", "updated_at"]
    )
    mail_contacts(
        association=association,
        subject=gettext_lazy("Your listing of %(name)s was not approved"),
        template="admin/foreninger/association/rejection_email.txt",
        context={"reason": reason},
        recipients=recipients,
    )
    return recipients
