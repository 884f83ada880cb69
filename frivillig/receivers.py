"""What the centre's part of the site does when another app asks for it by signal."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Count
from django.db.models.functions import Lower

from foreninger.signals import contact_invitation_needed

from .models import Invitation
from .roles import ASSOCIATION_CONTACT
from .services.invitations import send_invitation


def invite_association_contact(sender, *, association, user, language="da", **kwargs):
    """Invite a new association contact to create a login, with the contact role.

    Their user and the link to the association already exist; accepting the invitation
    sets the password on that user. A pending invitation to the same address with the
    role is sent again (with a fresh link) rather than doubled.
    """
    role = Group.objects.get(name=ASSOCIATION_CONTACT)
    email = user.email.strip().lower()
    # Only a live invitation for exactly this role is sent again: an expired one, or one
    # with more roles (staff, say), must not come back to life through a public form.
    invitation = (
        Invitation.objects.usable()
        .annotate(email_lower=Lower("email"), role_count=Count("roles"))
        .filter(email_lower=email, role_count=1, roles=role)
        .first()
    )
    if invitation is None:
        invitation = Invitation.objects.create(
            email=email,
            name=user.get_full_name()[:150],
            language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        )
        invitation.roles.add(role)
    send_invitation(invitation=invitation, base_url=settings.SITE_URL)


def connect() -> None:
    contact_invitation_needed.connect(
        invite_association_contact, dispatch_uid="frivillig.invite_association_contact"
    )
