import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from frivillig.models import Invitation
from frivillig.roles import ASSOCIATION_CONTACT, BOARD, STAFF
from frivillig.services import invitations as services

GOOD_PASSWORD = "lilla-elefant-42"


def invite(email="ny@example.org", roles=(ASSOCIATION_CONTACT,), language="da", **extra):
    invitation = Invitation.objects.create(email=email, language=language, **extra)
    invitation.roles.set(Group.objects.filter(name__in=roles))
    return invitation


def send(invitation, mailoutbox):
    services.send_invitation(invitation=invitation, base_url="http://testserver/")
    return re.search(r"http://testserver(\S+)", mailoutbox[-1].body).group(1)


def accept_form(**overrides):
    return {
        "first_name": "Nina",
        "last_name": "Nielsen",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        **overrides,
    }


def test_staff_invite_from_the_admin_emails_a_link(client, staff_user, centre, mailoutbox):
    client.force_login(staff_user)
    contact_role = Group.objects.get(name=ASSOCIATION_CONTACT)

    response = client.post(
        "/admin/frivillig/invitation/add/",
        {"email": "ny@example.org", "name": "Nina", "roles": [contact_role.pk], "language": "da"},
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == staff_user
    assert list(invitation.roles.all()) == [contact_role]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ny@example.org"]
    assert mailoutbox[0].subject == "Din invitation til Frivilligcenter Eksempelby"
    assert "/konto/invitation/" in mailoutbox[0].body
    assert "Foreningskontakt" in mailoutbox[0].body


def test_invitation_email_in_english_has_an_english_link(db, centre, mailoutbox):
    path = send(invite(language="en"), mailoutbox)

    assert path.startswith("/en/konto/invitation/")
    assert mailoutbox[0].subject == "Your invitation to Frivilligcenter Eksempelby"


def test_only_a_hash_of_the_token_is_stored(db, centre, mailoutbox):
    invitation = invite()
    path = send(invitation, mailoutbox)
    token = path.rstrip("/").rsplit("/", 1)[-1]

    invitation.refresh_from_db()
    assert token not in invitation.token_hash
    assert invitation.token_hash == Invitation.hash_token(token)


def test_accepting_creates_a_user_with_the_invited_roles_and_logs_in(client, centre, mailoutbox):
    path = send(invite(roles=(BOARD,)), mailoutbox)

    response = client.post(path, accept_form())

    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny@example.org")
    assert user.username == "ny@example.org"
    assert user.first_name == "Nina"
    assert user.check_password(GOOD_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [BOARD]
    assert not user.is_staff
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Invitation.objects.get().status == Invitation.Status.ACCEPTED


def test_accepting_a_staff_invitation_gives_admin_access(client, centre, mailoutbox):
    path = send(invite(roles=(STAFF,)), mailoutbox)

    response = client.post(path, accept_form())

    assert response["Location"] == "/admin/"
    assert get_user_model().objects.get(email="ny@example.org").is_staff


def test_invitation_link_works_only_once(client, centre, mailoutbox):
    path = send(invite(), mailoutbox)
    client.post(path, accept_form())
    client.post("/konto/logout/")

    response = client.get(path)

    assert response.status_code == 404
    assert "Invitationen kan ikke bruges" in response.content.decode()


def test_expired_invitation_is_refused(client, centre, mailoutbox):
    invitation = invite()
    path = send(invitation, mailoutbox)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    assert client.get(path).status_code == 404
    assert client.post(path, accept_form()).status_code == 404
    assert not get_user_model().objects.filter(email="ny@example.org").exists()


def test_revoked_invitation_is_refused(client, centre, mailoutbox):
    invitation = invite()
    path = send(invitation, mailoutbox)
    services.revoke_invitations(invitations=Invitation.objects.all())

    assert client.get(path).status_code == 404


def test_resending_makes_the_old_link_useless(client, centre, mailoutbox):
    invitation = invite()
    old_path = send(invitation, mailoutbox)
    new_path = send(invitation, mailoutbox)

    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200


@pytest.mark.parametrize("token", ["x", "a" * 43, "<script>", "../../etc"])
def test_made_up_tokens_are_refused(client, centre, token):
    assert client.get(f"/konto/invitation/{token}/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "noget-andet-99"}, "De to adgangskoder er ikke ens."),
        ({"password1": "12345", "password2": "12345"}, "for kort"),
        ({"first_name": ""}, "Dette felt er påkrævet."),
        ({"first_name": "x" * 151}, "højst have 150 tegn"),
    ],
)
def test_bad_accept_input_is_refused_with_a_danish_message(
    client, centre, mailoutbox, overrides, message
):
    path = send(invite(), mailoutbox)

    response = client.post(path, accept_form(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(email="ny@example.org").exists()
    assert Invitation.objects.get().status == Invitation.Status.PENDING


def test_script_in_the_name_is_stored_as_text_and_escaped(client, centre, mailoutbox):
    path = send(invite(), mailoutbox)
    client.post(path, accept_form(first_name="<script>alert(1)</script>"))

    user = get_user_model().objects.get(email="ny@example.org")
    assert user.first_name == "<script>alert(1)</script>"


def test_accepting_an_invitation_for_an_existing_user_adds_the_roles(
    db, centre, contact_user, mailoutbox
):
    invitation = invite(email="CONTACT@example.org", roles=(BOARD,))
    send(invitation, mailoutbox)

    user = services.accept_invitation(invitation=invitation, password=GOOD_PASSWORD)

    assert user == contact_user
    assert set(user.groups.values_list("name", flat=True)) == {ASSOCIATION_CONTACT, BOARD}


def test_service_refuses_a_spent_invitation(db, centre, mailoutbox):
    invitation = invite()
    send(invitation, mailoutbox)
    services.accept_invitation(invitation=invitation, password=GOOD_PASSWORD)

    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, password=GOOD_PASSWORD)


def test_admin_actions_resend_and_revoke(client, staff_user, centre, mailoutbox):
    client.force_login(staff_user)
    invitation = invite()

    client.post(
        "/admin/frivillig/invitation/",
        {"action": "resend", "_selected_action": [invitation.pk]},
    )
    assert len(mailoutbox) == 1

    client.post(
        "/admin/frivillig/invitation/",
        {"action": "revoke", "_selected_action": [invitation.pk]},
    )
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_admin_status_filter_finds_expired_invitations(client, staff_user, centre):
    client.force_login(staff_user)
    invite(email="old@example.org", expires_at=timezone.now() - timedelta(days=1))
    invite(email="new@example.org")

    html = client.get("/admin/frivillig/invitation/?status=expired").content.decode()

    assert "old@example.org" in html
    assert "new@example.org" not in html
