from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from frivillig.models import CentreProfile
from frivillig.roles import ASSOCIATION_CONTACT, BOARD, FACILITATOR, STAFF

ADMIN_URLS = [
    "/admin/",
    "/admin/frivillig/centreprofile/1/change/",
    "/admin/frivillig/invitation/",
    "/admin/frivillig/invitation/add/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, centre, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user"])
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_non_staff_roles_never_reach_the_admin(client, centre, request, role_user, url):
    client.force_login(request.getfixturevalue(role_user))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_staff_work_in_every_admin_page_of_the_centre(client, centre, staff_user, url):
    client.force_login(staff_user)

    assert client.get(url).status_code == 200


def test_admin_is_danish_and_headed_with_the_centres_name(client, centre, staff_user):
    client.force_login(staff_user)

    html = client.get("/admin/").content.decode()

    assert '<html lang="da"' in html
    assert "Frivilligcenter Eksempelby" in html
    assert "Kræver din opmærksomhed" in html


def test_admin_index_lists_what_the_centre_profile_lacks(client, db, staff_user):
    CentreProfile.objects.create(name="Frivilligcenter Nyby")
    client.force_login(staff_user)

    html = client.get("/admin/").content.decode()

    assert "Centrets profil mangler" in html
    assert "privatlivspolitik" in html


def test_admin_index_says_when_nothing_waits(client, centre, staff_user):
    client.force_login(staff_user)

    assert "Der venter ikke noget på dig lige nu." in client.get("/admin/").content.decode()


def test_centre_profile_list_goes_straight_to_the_one_row(client, db, staff_user):
    client.force_login(staff_user)

    response = client.get("/admin/frivillig/centreprofile/")

    assert response["Location"] == "/admin/frivillig/centreprofile/1/change/"
    assert CentreProfile.objects.count() == 1


CENTRE_FIELDS = [
    "name", "tagline", "tagline_en", "address", "postal_code", "city",
    "municipality", "phone", "email", "cvr", "opening_hours", "opening_hours_en",
    "about_text", "about_text_en", "privacy_policy", "privacy_policy_en",
    "accessibility_statement", "accessibility_statement_en", "facebook_url",
    "instagram_url", "linkedin_url",
]  # fmt: skip
CENTRE_URL = "/admin/frivillig/centreprofile/1/change/"


def test_staff_can_edit_the_centre_profile(client, centre, staff_user):
    client.force_login(staff_user)
    url = CENTRE_URL
    data = {field: getattr(centre, field) or "" for field in CENTRE_FIELDS}
    data["name"] = "Frivilligcenter Andeby"

    response = client.post(url, data)

    assert response.status_code == 302
    assert client.get("/").content.decode().count("Frivilligcenter Andeby") >= 1


def test_centre_profile_refuses_a_bad_postal_code_and_cvr(client, centre, staff_user):
    client.force_login(staff_user)

    response = client.post(
        "/admin/frivillig/centreprofile/1/change/",
        {"name": "X", "postal_code": "12", "cvr": "abc"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Et dansk postnummer har 4 cifre." in html
    assert "abc er ikke et gyldigt CVR-nummer" in html
    centre.refresh_from_db()
    assert centre.name == "Frivilligcenter Eksempelby"


def test_centre_profile_cannot_be_added_or_deleted(client, centre, staff_user):
    client.force_login(staff_user)

    assert client.get("/admin/frivillig/centreprofile/add/").status_code == 403
    assert client.get("/admin/frivillig/centreprofile/1/delete/").status_code == 403


def test_roles_exist_with_the_intended_permissions(db):
    def perms(role):
        return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))

    assert {"change_centreprofile", "add_invitation", "view_board_reports"} <= perms(STAFF)
    assert perms(BOARD) == {"view_board_reports"}
    assert perms(ASSOCIATION_CONTACT) == set()
    assert perms(FACILITATOR) == set()


def test_staff_role_cannot_make_superusers_or_edit_groups(db):
    perms = set(Group.objects.get(name=STAFF).permissions.values_list("codename", flat=True))

    assert "change_group" not in perms
    assert "delete_user" not in perms


def test_staff_cannot_grant_superuser_status(client, staff_user, contact_user):
    client.force_login(staff_user)
    url = f"/admin/auth/user/{contact_user.pk}/change/"

    html = client.get(url).content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html

    client.post(
        url,
        {
            "username": "contact",
            "email": "contact@example.org",
            "is_active": "on",
            "is_superuser": "on",
            "groups": [Group.objects.get(name=BOARD).pk],
        },
    )
    contact_user.refresh_from_db()
    assert not contact_user.is_superuser
    assert list(contact_user.groups.values_list("name", flat=True)) == [BOARD]


def test_staff_cannot_change_a_superuser(client, staff_user, superuser):
    client.force_login(staff_user)

    response = client.post(
        f"/admin/auth/user/{superuser.pk}/change/", {"username": "root", "is_active": ""}
    )

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active


def jpeg(size=(300, 200)) -> bytes:
    # Noise does not compress, so cutting the file leaves most of its scan lines missing.
    out = BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(out, format="JPEG")
    return out.getvalue()


def test_a_truncated_jpeg_as_the_centre_logo_is_a_form_error_not_a_500(client, centre, staff_user):
    client.force_login(staff_user)
    logo_before = centre.logo.name
    data = {field: getattr(centre, field) or "" for field in CENTRE_FIELDS}
    data["logo"] = SimpleUploadedFile("logo.jpg", jpeg()[:2000], content_type="image/jpeg")

    response = client.post(CENTRE_URL, data)

    assert response.status_code == 200
    assert "Filen er ikke et billede, vi kan læse." in response.content.decode()
    centre.refresh_from_db()
    assert centre.logo.name == logo_before


def test_the_centre_logo_uploaded_in_the_admin_is_stored_as_a_small_png(client, centre, staff_user):
    client.force_login(staff_user)
    data = {field: getattr(centre, field) or "" for field in CENTRE_FIELDS}
    data["logo"] = SimpleUploadedFile(
        "Vores logo.jpg", jpeg((2000, 1000)), content_type="image/jpeg"
    )

    response = client.post(CENTRE_URL, data)

    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.logo.name.startswith("centre/vores-logo") and centre.logo.name.endswith(".png")
    with Image.open(centre.logo.path) as stored:
        assert stored.format == "PNG"
        assert stored.size == (512, 256)


def test_the_admin_index_lists_the_centres_own_pages(client, centre, superuser):
    client.force_login(superuser)

    html = client.get("/admin/").content.decode()

    for changelist in (
        "/admin/frivillig/centreprofile/",
        "/admin/frivillig/invitation/",
        "/admin/frivillig/outgoingmail/",
        "/admin/frivillig/sentmaillog/",
        "/admin/auth/user/",
    ):
        assert changelist in html, changelist


def test_staff_see_failed_mail_on_the_admin_front_page_and_in_the_outbox(
    client, centre, staff_user, settings
):
    from django.core.mail import send_mail
    from mailer.models import PRIORITY_DEFERRED, Message

    send_mail("Kvittering", "Tak.", None, ["karen@example.org"])
    Message.objects.update(priority=PRIORITY_DEFERRED)  # the server refused it
    client.force_login(staff_user)

    index = client.get("/admin/").content.decode()
    outbox = client.get("/admin/frivillig/outgoingmail/?state=failed")

    assert "Mails, der endnu ikke kunne sendes" in index
    assert outbox.status_code == 200
    assert "karen@example.org" in outbox.content.decode()


@pytest.mark.parametrize("role", ["board_user", "contact_user", "facilitator_user"])
def test_the_outbox_is_refused_to_everyone_but_staff(client, centre, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get("/admin/frivillig/outgoingmail/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
