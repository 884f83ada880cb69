"""Listing versions: pending changes wait for staff, who approve or reject them in the admin."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from foreninger.models import Association, AssociationRevision
from foreninger.services import listings, revisions

from .factories import category, make_association, make_revision

CHANGELIST = "/admin/foreninger/associationrevision/"


@pytest.fixture
def association(db, contact_user):
    association = make_association(
        "Eksempelby Roklub",
        description="Vi ror om tirsdagen.\nAlle kan være med.",
        categories=[category("idraet")],
        contacts=[contact_user],
    )
    return association


def changed(association, **changes) -> dict:
    data = revisions.snapshot(association)
    data["categories"] = [category.pk for category in association.categories.all()]
    cleaned = {**_as_cleaned(data), **changes}
    return cleaned


def save(association, user, **changes):
    return revisions.save_listing_changes(
        association=association, cleaned_data=changed(association, **changes), user=user
    )


def _as_cleaned(data: dict) -> dict:
    from foreninger.models import Area, Category, TargetGroup

    cleaned = dict(data)
    cleaned["categories"] = list(Category.objects.filter(pk__in=data["categories"]))
    cleaned["target_groups"] = list(TargetGroup.objects.filter(pk__in=data["target_groups"]))
    cleaned["area"] = Area.objects.filter(pk=data["area"]).first()
    return cleaned


@pytest.fixture
def pending(association, contact_user):
    return revisions.save_listing_changes(
        association=association,
        cleaned_data=changed(
            association,
            name="Roklubben Bølgen",
            description="Vi ror om onsdagen.\nAlle kan være med.",
            categories=[category("social")],
        ),
        user=contact_user,
    )


def png_upload(color=(20, 98, 92)) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (300, 200), color).save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def test_published_listing_change_is_pending(association, pending):
    assert pending.state == AssociationRevision.State.PENDING
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"


def test_saving_without_changes_stores_no_version(association, contact_user):
    result = revisions.save_listing_changes(
        association=association, cleaned_data=changed(association), user=contact_user
    )

    assert result is None
    assert not AssociationRevision.objects.exists()


def test_only_one_pending_revision_per_association(association, pending, contact_user):
    again = revisions.save_listing_changes(
        association=association,
        cleaned_data=changed(association, name="Roklubben Brisen"),
        user=contact_user,
    )

    assert again.pk == pending.pk
    assert AssociationRevision.objects.pending().count() == 1


def test_approve_applies_the_changes_and_tells_the_contacts(
    association, pending, staff_user, mailoutbox
):
    revisions.approve_revision(revision=pending, reviewer=staff_user)

    association.refresh_from_db()
    assert association.name == "Roklubben Bølgen"
    assert association.slug == "eksempelby-roklub"
    assert [c.slug for c in association.categories.all()] == ["social"]
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.APPLIED
    assert pending.reviewed_by == staff_user
    # The version before is kept, so the history can show what changed.
    before = association.revisions.exclude(pk=pending.pk).get()
    assert before.data["name"] == "Eksempelby Roklub"
    assert mailoutbox[0].to == ["contact@example.org"]
    assert "Roklubben Bølgen" in mailoutbox[0].subject


def test_approving_twice_is_refused(association, pending, staff_user):
    revisions.approve_revision(revision=pending, reviewer=staff_user)

    with pytest.raises(ValidationError):
        revisions.approve_revision(revision=pending, reviewer=staff_user)


def test_reject_emails_the_reason_as_plain_text_and_keeps_the_listing(
    association, pending, staff_user, mailoutbox
):
    reason = 'Navnet er forkert. <script>alert("x")</script> & "citat"'

    sent = revisions.reject_revision(revision=pending, reviewer=staff_user, reason=reason)

    assert sent == ["contact@example.org"]
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.REJECTED
    assert pending.rejection_reason == reason
    email = mailoutbox[0]
    assert email.content_subtype == "plain"
    assert getattr(email, "alternatives", []) == []
    assert reason in email.body
    assert "&lt;" not in email.body
    assert "\n" not in email.subject


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_reject_needs_a_reason_of_sane_length(association, pending, staff_user, reason):
    with pytest.raises(ValidationError):
        revisions.reject_revision(revision=pending, reviewer=staff_user, reason=reason)

    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.PENDING


def test_diff_of_a_pending_revision_shows_old_and_new(association, pending):
    rows = {row["field"]: row for row in revisions.revision_diff(pending)}

    assert set(rows) == {"name", "description", "categories"}
    assert rows["name"]["old"] == "Eksempelby Roklub"
    assert rows["name"]["new"] == "Roklubben Bølgen"
    assert rows["categories"]["old"] == "Idræt og motion"
    assert rows["categories"]["new"] == "Socialt"
    assert "-Vi ror om tirsdagen." in rows["description"]["lines"]
    assert "+Vi ror om onsdagen." in rows["description"]["lines"]


def test_diff_of_an_applied_revision_compares_with_the_version_before(
    association, pending, staff_user
):
    revisions.approve_revision(revision=pending, reviewer=staff_user)
    pending.refresh_from_db()

    rows = {row["field"]: row for row in revisions.revision_diff(pending)}

    assert rows["name"]["old"] == "Eksempelby Roklub"
    assert rows["name"]["new"] == "Roklubben Bølgen"


def test_trusted_change_applies_at_once_with_history(association, contact_user):
    association.trusted = True
    association.save()

    revision = revisions.save_listing_changes(
        association=association,
        cleaned_data=changed(association, city="Eksempelby"),
        user=contact_user,
    )

    assert revision.state == AssociationRevision.State.APPLIED
    association.refresh_from_db()
    assert association.city == "Eksempelby"
    rows = {row["field"]: row for row in revisions.revision_diff(revision)}
    assert rows == {"city": rows["city"]}
    assert rows["city"]["old"] == "" and rows["city"]["new"] == "Eksempelby"


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT) / "foreninger"
    return (
        {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        if root.exists()
        else set()
    )


def test_pending_logo_moves_to_the_listing_on_approval_and_old_files_go(
    association, contact_user, staff_user, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        listings.set_logo(association=association, upload=png_upload((1, 2, 3)))
    old = association.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        pending = revisions.save_logo(
            association=association, upload=png_upload(), user=contact_user
        )
    association.refresh_from_db()
    assert association.logo.name == old  # unchanged until approved
    assert pending.logo.name.startswith("foreninger/logos/pending/")

    with django_capture_on_commit_callbacks(execute=True):
        revisions.approve_revision(revision=pending, reviewer=staff_user)

    association.refresh_from_db()
    assert association.logo.name != old
    assert association.logo.name.startswith("foreninger/logos/eksempelby-roklub")
    assert media_files(settings) == {
        association.logo.name.removeprefix("foreninger/"),
        association.logo_thumbnail.name.removeprefix("foreninger/"),
    }


def test_rejected_pending_logo_files_are_deleted(
    association, contact_user, staff_user, settings, django_capture_on_commit_callbacks
):
    pending = revisions.save_logo(association=association, upload=png_upload(), user=contact_user)
    assert media_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        revisions.reject_revision(revision=pending, reviewer=staff_user, reason="Utydeligt")

    assert media_files(settings) == set()
    association.refresh_from_db()
    assert not association.logo


# --- Admin ------------------------------------------------------------------------------------


def test_anonymous_and_non_staff_get_no_version_pages(
    client, centre, pending, board_user, contact_user, facilitator_user
):
    urls = [CHANGELIST, f"{CHANGELIST}{pending.pk}/change/", f"{CHANGELIST}?state__exact=pending"]
    for user in (None, board_user, contact_user, facilitator_user):
        if user:
            client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302, (user, url)
            assert response["Location"].startswith("/admin/login/")
        response = client.post(f"{CHANGELIST}{pending.pk}/approve/")
        assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.PENDING


def test_staff_list_pending_versions_and_search(client, centre, pending, staff_user):
    other = make_association("Skakklubben Springeren")
    make_revision(other, state=AssociationRevision.State.APPLIED)
    client.force_login(staff_user)

    html = client.get(f"{CHANGELIST}?state__exact=pending").content.decode()
    assert "Eksempelby Roklub" in html
    assert "Skakklubben Springeren" not in html
    html = client.get(f"{CHANGELIST}?q=Skak").content.decode()
    assert "Skakklubben Springeren" in html
    assert "Eksempelby Roklub" not in html


def test_staff_cannot_add_or_edit_versions(client, centre, pending, staff_user):
    client.force_login(staff_user)

    assert client.get(f"{CHANGELIST}add/").status_code == 403
    response = client.post(f"{CHANGELIST}{pending.pk}/change/", {"state": "applied"})
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.PENDING


def test_change_view_shows_the_diff_escaped(client, centre, association, contact_user, staff_user):
    revision = revisions.save_listing_changes(
        association=association,
        cleaned_data=changed(association, name="<script>alert(1)</script>"),
        user=contact_user,
    )
    client.force_login(staff_user)

    html = client.get(f"{CHANGELIST}{revision.pk}/change/").content.decode()

    assert '<table class="revision-diff">' in html
    assert "Eksempelby Roklub" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert f"{CHANGELIST}{revision.pk}/approve/" in html


def test_staff_approve_from_the_change_view(client, centre, association, pending, staff_user):
    client.force_login(staff_user)

    seen = revisions.revision_fingerprint(pending)

    response = client.post(f"{CHANGELIST}{pending.pk}/approve/", {"seen": seen})

    assert response.status_code == 302
    association.refresh_from_db()
    assert association.name == "Roklubben Bølgen"


def test_approve_refuses_changes_saved_again_after_staff_opened_them(
    client, centre, association, pending, staff_user, contact_user
):
    client.force_login(staff_user)
    page = client.get(f"{CHANGELIST}{pending.pk}/change/").content.decode()
    seen = revisions.revision_fingerprint(pending)
    assert f'name="seen" value="{seen}"' in page
    # The contact saves again (spam, say) while staff read the diff.
    AssociationRevision.objects.filter(pk=pending.pk).update(
        data={"name": "Køb billige ure"}, created_at=timezone.now() + timedelta(seconds=5)
    )

    client.post(f"{CHANGELIST}{pending.pk}/approve/", {"seen": seen})

    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.PENDING


def test_approving_a_change_keeps_what_staff_edited_since(association, contact_user, staff_user):
    pending = save(association, contact_user, short_description="Ny kort tekst.")
    Association.objects.filter(pk=association.pk).update(phone="12 34 56 78")

    revisions.approve_revision(revision=pending, reviewer=staff_user)

    association.refresh_from_db()
    assert association.short_description == "Ny kort tekst."
    assert association.phone == "12 34 56 78"


def test_pending_change_is_closed_when_the_listing_becomes_trusted(
    association, contact_user, staff_user
):
    pending = save(association, contact_user, name="Navn A")
    Association.objects.filter(pk=association.pk).update(trusted=True)
    association.refresh_from_db()

    save(association, contact_user, name="Navn B")

    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.REJECTED
    association.refresh_from_db()
    assert association.name == "Navn B"
    with pytest.raises(ValidationError):
        revisions.approve_revision(revision=pending, reviewer=staff_user)


def test_staff_approve_with_the_list_action(client, centre, association, pending, staff_user):
    client.force_login(staff_user)

    client.post(CHANGELIST, {"action": "approve", ACTION_CHECKBOX_NAME: [pending.pk]})

    association.refresh_from_db()
    assert association.name == "Roklubben Bølgen"


def test_staff_reject_asks_for_a_reason_then_emails_it(
    client, centre, association, pending, staff_user, mailoutbox
):
    client.force_login(staff_user)

    response = client.post(CHANGELIST, {"action": "reject", ACTION_CHECKBOX_NAME: [pending.pk]})
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    assert mailoutbox == []

    response = client.post(
        CHANGELIST,
        {"action": "reject", ACTION_CHECKBOX_NAME: [pending.pk], "apply": "1", "reason": "Nej"},
    )

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.state == AssociationRevision.State.REJECTED
    assert "Nej" in mailoutbox[0].body
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"


def test_association_admin_links_to_its_versions(client, centre, association, pending, staff_user):
    client.force_login(staff_user)

    html = client.get(f"/admin/foreninger/association/{association.pk}/change/").content.decode()

    assert f"{CHANGELIST}?association__id__exact={association.pk}" in html
    assert f"{CHANGELIST}{pending.pk}/change/" in html
    response = client.get(f"{CHANGELIST}?association__id__exact={association.pk}")
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1


def test_version_changelist_query_count(
    client, centre, staff_user, contact_user, django_assert_max_num_queries
):
    for number in range(30):
        make_revision(make_association(f"Forening {number:02}"), created_by=contact_user)
    client.force_login(staff_user)

    with django_assert_max_num_queries(12):
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 30
    html = response.content.decode()
    assert "Forening 00" in html and "Forening 29" in html


def test_submit_for_review_only_from_draft(db):
    draft = make_association("Syklubben", status=Association.Status.DRAFT)

    revisions.submit_for_review(association=draft)

    draft.refresh_from_db()
    assert draft.status == Association.Status.AWAITING_REVIEW
    with pytest.raises(ValidationError):
        revisions.submit_for_review(association=draft)
