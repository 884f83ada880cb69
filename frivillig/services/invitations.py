"""Acts of the centre's own part of the site: inviting people and accepting invitations."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..centre import get_centre
from ..models import Invitation
from ..roles import ADMIN_ROLES


def send_invitation(*, invitation: Invitation, base_url: str) -> None:
    """Give the invitation a fresh link and expiry, and email it in the invitee's language."""
    token = invitation.new_token()
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.sent_at = timezone.now()
    invitation.revoked_at = None
    invitation.save()
    centre = get_centre()
    with translation.override(invitation.language):
        link = base_url.rstrip("/") + reverse(
            "frivillig:accept_invitation", kwargs={"token": token}
        )
        context = {
            "invitation": invitation,
            "centre": centre,
            "link": link,
            "roles": [role.name for role in invitation.roles.all()],
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = _("Your invitation to %(centre)s") % {"centre": centre.name}
        body = render_to_string("frivillig/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def find_usable_invitation(token: str) -> Invitation | None:
    return Invitation.objects.usable().filter(token_hash=Invitation.hash_token(token)).first()


@transaction.atomic
def accept_invitation(
    *, invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
):
    """Create (or update) the invitee's user with the invited roles; the link is then spent."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("This invitation has already been used or has expired."))
    User = get_user_model()
    email = invitation.email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email, email=email)
    if first_name:
        user.first_name = first_name
    if last_name:
        user.last_name = last_name
    user.is_active = True
    user.set_password(password)
    roles = list(invitation.roles.all())
    if any(role.name in ADMIN_ROLES for role in roles):
        user.is_staff = True
    user.save()
    user.groups.add(*roles)
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def revoke_invitations(*, invitations) -> int:
    return invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
