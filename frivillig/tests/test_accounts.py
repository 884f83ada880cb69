import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from foreninger.tests.factories import PASSWORD  # the role fixtures' password


def login(client, username, password, prefix=""):
    return client.post(f"{prefix}/konto/login/", {"username": username, "password": password})


def test_login_with_username_redirects_to_the_front_page(client, staff_user):
    response = login(client, "staff", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_login_with_email_address_works_too(client, staff_user):
    response = login(client, "STAFF@example.org", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_wrong_password_shows_a_danish_error_and_keeps_the_user_out(client, staff_user):
    response = login(client, "staff", "wrong-password")

    assert response.status_code == 200
    assert "passer ikke sammen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_english_login_page_shows_english_errors(client, staff_user):
    response = login(client, "staff", "wrong-password", prefix="/en")

    assert "do not match" in response.content.decode()


def test_repeated_failed_logins_lock_the_username_for_a_while(client, staff_user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "staff", "wrong-password")

    response = login(client, "staff", PASSWORD)

    assert response.status_code == 429
    assert "For mange mislykkede login" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="staff").exists()


def test_failures_below_the_limit_do_not_lock_and_success_resets_the_count(
    client, staff_user, settings
):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "staff", "wrong-password")

    assert login(client, "staff", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="staff", failures_since_start__gt=0).exists()


def test_lockout_of_one_user_does_not_lock_another(client, staff_user, board_user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "staff", "wrong-password")

    assert login(client, "board", PASSWORD).status_code == 302


def test_logout_needs_post_and_ends_the_session(client, staff_user):
    client.force_login(staff_user)

    assert client.get("/konto/logout/").status_code == 405
    response = client.post("/konto/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_requires_login(client, db):
    response = client.get("/konto/password_change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_password_change_refuses_a_weak_new_password(client, board_user):
    client.force_login(board_user)
    response = client.post(
        "/konto/password_change/",
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )

    assert response.status_code == 200
    board_user.refresh_from_db()
    assert board_user.check_password(PASSWORD)


def test_password_change_saves_a_good_password(client, board_user):
    client.force_login(board_user)
    response = client.post(
        "/konto/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "lilla-elefant-42",
            "new_password2": "lilla-elefant-42",
        },
    )

    assert response.status_code == 302
    board_user.refresh_from_db()
    assert board_user.check_password("lilla-elefant-42")


@pytest.mark.parametrize(
    ("prefix", "subject", "greeting"),
    [
        ("", "Ny adgangskode til Frivilligcenter Eksempelby", "Nogen har bedt om"),
        ("/en", "New password for Frivilligcenter Eksempelby", "Someone asked for"),
    ],
)
def test_password_reset_email_is_in_the_page_language_and_signed_by_the_centre(
    client, centre, board_user, mailoutbox, prefix, subject, greeting
):
    response = client.post(f"{prefix}/konto/password_reset/", {"email": "board@example.org"})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == subject
    assert greeting in mailoutbox[0].body
    assert f"http://testserver{prefix}/konto/reset/" in mailoutbox[0].body


def test_password_reset_link_sets_a_new_password(client, centre, board_user, mailoutbox):
    client.post("/konto/password_reset/", {"email": "board@example.org"})
    link = re.search(r"http://testserver(/konto/reset/\S+)", mailoutbox[0].body).group(1)

    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "lilla-elefant-42", "new_password2": "lilla-elefant-42"}
    )

    assert response.status_code == 302
    board_user.refresh_from_db()
    assert board_user.check_password("lilla-elefant-42")


def test_password_reset_for_unknown_address_reveals_nothing(client, centre, mailoutbox):
    response = client.post("/konto/password_reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert mailoutbox == []


def test_password_reset_refuses_a_malformed_address(client, centre, mailoutbox):
    response = client.post("/konto/password_reset/", {"email": "<script>x</script>"})

    assert response.status_code == 200
    assert "<script>x</script>" not in response.content.decode()
    assert mailoutbox == []


def test_users_have_no_login_until_invited(db):
    assert get_user_model().objects.count() == 0
