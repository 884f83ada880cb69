"""Approving a registered association invites the registrant as its contact (by signal)."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from foreninger.models import Association, AssociationContact
from foreninger.services import listings
from foreninger.tests.factories import make_association, make_contact
from frivillig.models import Invitation
from frivillig.roles import ASSOCIATION_CONTACT

PASSWORD = "lilla-elefant-42"


@pytest.fixture
def registered(db):
    return make_association(
        "Strikkecafé Maske",
        short_description="Vi strikker.",
        status=Association.Status.AWAITING_REVIEW,
        registered_by_name="Karen Hansen",
        registered_by_email="Karen@Example.org",
    )


def approve(registered):
    return listings.approve_associations(associations=Association.objects.filter(pk=registered.pk))


def test_approval_makes_the_registrant_a_contact_and_invites_them(centre, registered, mailoutbox):
    assert approve(registered) == 1

    registered.refresh_from_db()
    assert registered.status == Association.Status.PUBLISHED
    assert registered.registered_by_email == ""
    assert registered.registered_by_name == ""
    user = get_user_model().objects.get(email="karen@example.org")
    assert user.username == "karen@example.org"
    assert not user.has_usable_password()
    assert AssociationContact.objects.filter(association=registered, user=user).exists()
    invitation = Invitation.objects.get()
    assert invitation.email == "karen@example.org"
    assert invitation.name == "Karen Hansen"
    assert list(invitation.roles.values_list("name", flat=True)) == [ASSOCIATION_CONTACT]
    assert invitation.sent_at is not None
    assert len(mailoutbox) == 1  # the invitation only: it says it all
    assert mailoutbox[0].to == ["karen@example.org"]


def test_accepting_the_invitation_opens_min_forening(client, centre, registered, mailoutbox):
    approve(registered)
    path = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)

    response = client.post(
        path,
        {
            "first_name": "Karen",
            "last_name": "Hansen",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    user = get_user_model().objects.get(email="karen@example.org")
    assert user.check_password(PASSWORD)
    assert user.groups.filter(name=ASSOCIATION_CONTACT).exists()
    client.force_login(user)
    html = client.get(reverse("foreninger:my_associations")).content.decode()
    assert "Strikkecafé Maske" in html


def test_existing_user_with_a_password_is_not_invited_but_told(
    centre, registered, contact_user, mailoutbox
):
    registered.registered_by_email = contact_user.email
    registered.save()

    approve(registered)

    assert not Invitation.objects.exists()
    assert AssociationContact.objects.filter(association=registered, user=contact_user).exists()
    assert get_user_model().objects.filter(email__iexact=contact_user.email).count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [contact_user.email]
    assert "Strikkecafé Maske" in mailoutbox[0].subject
    assert "/foreninger/strikkecafe-maske/" in mailoutbox[0].body


def test_approving_in_the_admin_invites(client, centre, registered, staff_user, mailoutbox):
    client.force_login(staff_user)

    client.post(
        "/admin/foreninger/association/",
        {"action": "approve", ACTION_CHECKBOX_NAME: [registered.pk]},
    )

    assert Invitation.objects.filter(email="karen@example.org").exists()


def test_a_pending_invitation_is_sent_again_not_doubled(centre, registered, mailoutbox):
    earlier = Invitation.objects.create(email="karen@example.org")
    earlier.roles.add(Group.objects.get(name=ASSOCIATION_CONTACT))

    approve(registered)

    assert Invitation.objects.get() == earlier
    assert mailoutbox[0].to == ["karen@example.org"]


def test_listing_without_a_registrant_just_tells_its_contacts(
    centre, registered, contact_user, mailoutbox
):
    registered.registered_by_email = ""
    registered.save()
    make_contact(registered, contact_user)

    approve(registered)

    assert not Invitation.objects.exists()
    assert mailoutbox[0].to == [contact_user.email]


def test_publish_action_approves_and_invites_too(client, centre, registered, staff_user):
    client.force_login(staff_user)

    client.post(
        "/admin/foreninger/association/",
        {"action": "publish", ACTION_CHECKBOX_NAME: [registered.pk]},
    )

    registered.refresh_from_db()
    assert registered.status == Association.Status.PUBLISHED
    assert registered.registered_by_email == ""
    assert Invitation.objects.filter(email="karen@example.org").exists()
    assert AssociationContact.objects.filter(association=registered).exists()


def test_publishing_in_the_change_form_approves_and_invites_too(
    client, centre, registered, staff_user
):
    client.force_login(staff_user)
    url = f"/admin/foreninger/association/{registered.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "status": Association.Status.PUBLISHED,
            **{
                f"{prefix}-{field}": "0"
                for prefix in ("contact_links", "opportunities")
                for field in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    registered.refresh_from_db()
    assert registered.status == Association.Status.PUBLISHED
    assert Invitation.objects.filter(email="karen@example.org").exists()


def test_expired_invitation_with_more_roles_is_not_revived(centre, registered, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    from frivillig.roles import STAFF

    old = Invitation.objects.create(
        email="karen@example.org", expires_at=timezone.now() - timedelta(days=1)
    )
    old.roles.add(*Group.objects.filter(name__in=[STAFF, ASSOCIATION_CONTACT]))

    approve(registered)

    old.refresh_from_db()
    assert old.expires_at < timezone.now()
    new = Invitation.objects.exclude(pk=old.pk).get()
    assert list(new.roles.values_list("name", flat=True)) == [ASSOCIATION_CONTACT]
