"""Staff work on the association guide in the admin; no other role gets in."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image

from foreninger.models import Area, Association, Category
from foreninger.tests.factories import make_association, make_contact, make_opportunity, make_user

CHANGELIST = "/admin/foreninger/association/"


@pytest.fixture
def in_review(db):
    return make_association("Sorggruppen Lysglimt", status=Association.Status.AWAITING_REVIEW)


def admin_urls(association):
    return [
        CHANGELIST,
        f"{CHANGELIST}?status__exact=review",
        f"{CHANGELIST}review-queue/",
        f"{CHANGELIST}add/",
        f"{CHANGELIST}{association.pk}/change/",
        "/admin/foreninger/category/",
        "/admin/foreninger/targetgroup/",
        "/admin/foreninger/area/",
        "/admin/foreninger/volunteeropportunity/",
        "/admin/foreninger/volunteeropportunity/add/",
        "/admin/foreninger/associationrevision/",
        "/admin/foreninger/associationrevision/?state__exact=pending",
        "/admin/foreninger/volunteeroffer/",
        "/admin/foreninger/volunteeroffer/?answer=overdue",
        "/admin/foreninger/membership/",
        "/admin/foreninger/membership/add/",
        "/admin/foreninger/membership/export.csv",
        "/admin/foreninger/advicerequest/",
    ]


def test_anonymous_visitors_get_no_admin_page(client, centre, in_review):
    for url in admin_urls(in_review):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user"])
def test_non_staff_roles_get_no_admin_page(client, centre, in_review, request, role_user):
    user = request.getfixturevalue(role_user)
    if role_user == "contact_user":
        make_contact(in_review, user)
    client.force_login(user)

    for url in admin_urls(in_review):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user"])
def test_non_staff_roles_cannot_approve_or_reject(client, centre, in_review, request, role_user):
    client.force_login(request.getfixturevalue(role_user))

    for action in ("approve", "reject"):
        client.post(
            CHANGELIST,
            {"action": action, ACTION_CHECKBOX_NAME: [in_review.pk], "apply": "1", "reason": "x"},
        )

    in_review.refresh_from_db()
    assert in_review.status == Association.Status.AWAITING_REVIEW


def test_staff_work_in_every_page_of_the_guide(client, centre, staff_user, in_review):
    client.force_login(staff_user)

    for url in admin_urls(in_review):
        response = client.get(url)

        if url == f"{CHANGELIST}review-queue/":  # a stable address for the filtered list
            assert response.status_code == 302, url
            assert response["Location"] == f"{CHANGELIST}?status__exact=review"
        else:
            assert response.status_code == 200, url
            assert response.resolver_match.route.startswith("admin/foreninger/"), url


def test_review_queue_shows_only_listings_awaiting_review(client, centre, staff_user, in_review):
    make_association("Eksempelby Roklub")
    make_association("Skakklubben Springeren", status=Association.Status.DRAFT)
    client.force_login(staff_user)

    response = client.get(f"{CHANGELIST}review-queue/", follow=True)

    assert response.redirect_chain == [(f"{CHANGELIST}?status__exact=review", 302)]
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sorggruppen Lysglimt" in html
    assert "Eksempelby Roklub" not in html
    assert "Skakklubben Springeren" not in html


def test_staff_approve_a_listing_from_the_review_queue(client, centre, staff_user, in_review):
    published = make_association("Eksempelby Roklub", status=Association.Status.HIDDEN)
    client.force_login(staff_user)

    response = client.post(
        CHANGELIST, {"action": "approve", ACTION_CHECKBOX_NAME: [in_review.pk, published.pk]}
    )

    assert response.status_code == 302
    in_review.refresh_from_db()
    published.refresh_from_db()
    assert in_review.status == Association.Status.PUBLISHED
    assert published.status == Association.Status.HIDDEN  # only the review queue is approved


def test_reject_asks_for_a_reason_first(client, centre, staff_user, in_review, mailoutbox):
    client.force_login(staff_user)

    response = client.post(CHANGELIST, {"action": "reject", ACTION_CHECKBOX_NAME: [in_review.pk]})

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == Association.Status.AWAITING_REVIEW
    assert mailoutbox == []


def test_reject_without_a_reason_is_refused(client, centre, staff_user, in_review, mailoutbox):
    client.force_login(staff_user)

    response = client.post(
        CHANGELIST,
        {"action": "reject", ACTION_CHECKBOX_NAME: [in_review.pk], "apply": "1", "reason": " "},
    )

    assert response.status_code == 200
    in_review.refresh_from_db()
    assert in_review.status == Association.Status.AWAITING_REVIEW
    assert mailoutbox == []


def test_staff_reject_with_a_reason_emailed_to_the_contacts(
    client, centre, staff_user, contact_user, in_review, mailoutbox
):
    make_contact(in_review, contact_user)
    make_contact(in_review, make_user("other", email="anden@example.org"))
    client.force_login(staff_user)
    reason = 'Beskrivelsen mangler. <script>alert("x")</script> & "citat"'

    response = client.post(
        CHANGELIST,
        {"action": "reject", ACTION_CHECKBOX_NAME: [in_review.pk], "apply": "1", "reason": reason},
    )

    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Association.Status.DRAFT
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert sorted(email.to) == ["anden@example.org", "contact@example.org"]
    # Plain text only: the reason is shown as written and can never be rendered as markup.
    assert email.content_subtype == "plain"
    assert getattr(email, "alternatives", []) == []
    assert reason in email.body
    assert "&lt;" not in email.body
    assert "Frivilligcenter Eksempelby" in email.body
    assert "Sorggruppen Lysglimt" in email.subject
    assert "ikke godkendt" in email.subject  # Danish, whatever language staff work in
    with translation.override("da"):
        assert email.subject == gettext("Your listing of %(name)s was not approved") % {
            "name": "Sorggruppen Lysglimt"
        }


def test_reject_mails_the_public_address_when_there_is_no_contact(
    client, centre, staff_user, mailoutbox
):
    association = make_association(
        "Senior Motion", status=Association.Status.AWAITING_REVIEW, email="motion@example.org"
    )
    client.force_login(staff_user)

    client.post(
        CHANGELIST,
        {"action": "reject", ACTION_CHECKBOX_NAME: [association.pk], "apply": "1", "reason": "Nej"},
    )

    assert mailoutbox[0].to == ["motion@example.org"]


def test_publish_and_hide_actions(client, centre, staff_user):
    draft = make_association("Eksempelby Skakklub", status=Association.Status.DRAFT)
    shown = make_association("Eksempelby Roklub")
    client.force_login(staff_user)

    client.post(CHANGELIST, {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk]})
    client.post(CHANGELIST, {"action": "hide", ACTION_CHECKBOX_NAME: [shown.pk]})

    draft.refresh_from_db()
    shown.refresh_from_db()
    assert draft.status == Association.Status.PUBLISHED
    assert shown.status == Association.Status.HIDDEN


def test_stale_filter_lists_published_listings_not_confirmed_for_a_year(client, centre, staff_user):
    old = timezone.now() - timedelta(days=400)
    make_association("Gammel Forening", last_confirmed_at=old)
    make_association("Frisk Forening", last_confirmed_at=timezone.now())
    hidden = make_association("Skjult Forening", status=Association.Status.HIDDEN)
    Association.objects.filter(pk=hidden.pk).update(created_at=old)
    client.force_login(staff_user)

    html = client.get(f"{CHANGELIST}?freshness=stale").content.decode()

    assert "Gammel Forening" in html
    assert "Frisk Forening" not in html
    assert "Skjult Forening" not in html


def test_admin_index_shows_review_queue_and_stale_counts(client, centre, staff_user, in_review):
    make_association("Gammel Forening", last_confirmed_at=timezone.now() - timedelta(days=400))
    client.force_login(staff_user)

    response = client.get("/admin/")

    items = {item["url"]: item["count"] for item in response.context["attention"]}
    assert items[f"{CHANGELIST}?status__exact=review"] == 1
    assert items[f"{CHANGELIST}?freshness=stale"] == 1


def test_admin_index_hides_the_guide_counts_without_permission(rf, centre, board_user, in_review):
    from foreninger.reports import attention_counts

    assert attention_counts(board_user) == []


def test_changelist_query_count_does_not_grow_with_rows(
    client, centre, staff_user, django_assert_max_num_queries
):
    categories = list(Category.objects.all()[:3])
    area = Area.objects.first()
    for number in range(40):
        association = make_association(f"Forening {number:02d}", area=area)
        association.categories.set(categories)
    client.force_login(staff_user)

    with django_assert_max_num_queries(13):
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert "Forening 39" in response.content.decode()


def test_opportunity_changelist_query_count(
    client, centre, staff_user, django_assert_max_num_queries
):
    association = make_association("Eksempelby Roklub")
    for number in range(30):
        make_opportunity(association, title=f"Opgave {number}")
    client.force_login(staff_user)

    with django_assert_max_num_queries(11):
        response = client.get("/admin/foreninger/volunteeropportunity/")

    assert response.status_code == 200
    assert "Opgave 29" in response.content.decode()


def change_form_data(association) -> dict:
    return {
        "name": association.name,
        "slug": association.slug,
        "status": association.status,
        "short_description": association.short_description,
        "description": "",
        "contact_links-TOTAL_FORMS": "0",
        "contact_links-INITIAL_FORMS": "0",
        "opportunities-TOTAL_FORMS": "0",
        "opportunities-INITIAL_FORMS": "0",
    }


def png_bytes() -> bytes:
    out = BytesIO()
    Image.new("RGB", (1200, 600), (20, 98, 92)).save(out, format="PNG")
    return out.getvalue()


def test_staff_upload_a_logo_in_the_admin(client, centre, staff_user, settings):
    association = make_association("Eksempelby Roklub")
    client.force_login(staff_user)
    data = change_form_data(association)
    data["new_logo"] = SimpleUploadedFile("roklub.png", png_bytes(), content_type="image/png")

    response = client.post(f"{CHANGELIST}{association.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    association.refresh_from_db()
    assert association.logo.name.endswith("eksempelby-roklub.webp")
    assert association.logo_thumbnail
    html = client.get(f"{CHANGELIST}{association.pk}/change/").content.decode()
    assert association.logo_thumbnail.url in html


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("logo.png", b"<html><script>alert(1)</script></html>", "JPEG, PNG eller WebP"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "JPEG, PNG eller WebP"),
    ],
)
def test_bad_logo_is_refused_in_the_admin_and_nothing_saved(
    client, centre, staff_user, settings, name, data, message
):
    association = make_association("Eksempelby Roklub")
    client.force_login(staff_user)
    form = change_form_data(association)
    form["name"] = "Nyt navn"
    form["new_logo"] = SimpleUploadedFile(name, data, content_type="image/png")

    response = client.post(f"{CHANGELIST}{association.pk}/change/", form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["new_logo"]
    with translation.override("da"):
        expected = gettext("The logo must be a JPEG, PNG or WebP image.")
    assert errors == [expected]
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"
    assert not association.logo
    logos = Path(settings.MEDIA_ROOT) / "foreninger"
    assert not logos.exists() or not any(path.is_file() for path in logos.rglob("*"))
