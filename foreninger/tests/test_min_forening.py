"""Min forening: a contact keeps their own listing current; everyone else gets nothing."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from foreninger.models import (
    Association,
    AssociationRevision,
    VolunteerOpportunity,
)

from .factories import (
    make_association,
    make_contact,
    make_opportunity,
    make_revision,
    make_user,
    target_group,
)


@pytest.fixture
def association(db, contact_user):
    return make_association(
        "Eksempelby Roklub", email="roklub@example.org", contacts=[contact_user]
    )


@pytest.fixture
def opportunity(association):
    return make_opportunity(association, title="Trænerhjælper")


@pytest.fixture
def other_contact(db):
    """A contact of another association, with an opportunity of its own."""
    user = make_user("anden")
    other = make_association("Skakklubben Springeren", contacts=[user])
    make_opportunity(other, title="Skaklærer")
    return user


def urls_for(association, opportunity) -> list[tuple[str, str]]:
    slug, pk = association.slug, opportunity.pk
    return [
        ("get", reverse("foreninger:my_association", args=[slug])),
        ("post", reverse("foreninger:my_association", args=[slug])),
        ("get", reverse("foreninger:my_logo", args=[slug])),
        ("post", reverse("foreninger:my_logo", args=[slug])),
        ("post", reverse("foreninger:my_submit", args=[slug])),
        ("post", reverse("foreninger:my_confirm", args=[slug])),
        ("get", reverse("foreninger:my_opportunities", args=[slug])),
        ("get", reverse("foreninger:my_opportunity_create", args=[slug])),
        ("post", reverse("foreninger:my_opportunity_create", args=[slug])),
        ("get", reverse("foreninger:my_opportunity_edit", args=[slug, pk])),
        ("post", reverse("foreninger:my_opportunity_edit", args=[slug, pk])),
        ("get", reverse("foreninger:my_opportunity_delete", args=[slug, pk])),
        ("post", reverse("foreninger:my_opportunity_delete", args=[slug, pk])),
    ]


def listing_data(association, **overrides) -> dict:
    data = {
        "name": association.name,
        "short_description": association.short_description,
        "description": association.description,
        "postal_code": "",
        "email": association.email,
        **overrides,
    }
    return {key: value for key, value in data.items() if value is not None}


def png_upload(name="logo.png") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (400, 300), (20, 98, 92)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "foreninger"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def assert_untouched(association, opportunity):
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"
    assert association.status == Association.Status.PUBLISHED
    assert association.last_confirmed_at is None
    assert not association.logo
    assert AssociationRevision.objects.count() == 0
    assert VolunteerOpportunity.objects.filter(pk=opportunity.pk, title="Trænerhjælper").exists()
    assert VolunteerOpportunity.objects.filter(association=association).count() == 1


# --- Who gets in ----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, centre, association, opportunity):
    pages = [("get", reverse("foreninger:my_associations")), *urls_for(association, opportunity)]
    for method, url in pages:
        response = getattr(client, method)(url, {"name": "Hacket"} if method == "post" else {})

        assert response.status_code == 302, url
        assert response["Location"].startswith("/konto/login/?next="), url
    assert_untouched(association, opportunity)


@pytest.mark.parametrize("role_user", ["facilitator_user", "board_user", "staff_user"])
def test_other_roles_get_404_on_every_page_of_an_association(
    client, centre, association, opportunity, request, role_user
):
    client.force_login(request.getfixturevalue(role_user))

    for method, url in urls_for(association, opportunity):
        response = getattr(client, method)(url, {"name": "Hacket", "title": "Hacket"})

        assert response.status_code == 404, (method, url)
    assert_untouched(association, opportunity)


def test_contact_of_another_association_gets_404_with_this_slug(
    client, centre, association, opportunity, other_contact
):
    client.force_login(other_contact)

    for method, url in urls_for(association, opportunity):
        response = getattr(client, method)(url, {"name": "Hacket", "title": "Hacket"})

        assert response.status_code == 404, (method, url)
    assert_untouched(association, opportunity)


def test_contact_cannot_reach_another_associations_opportunity_through_their_own_slug(
    client, centre, association, opportunity, other_contact
):
    other = Association.objects.get(name="Skakklubben Springeren")
    client.force_login(other_contact)

    for method, url in urls_for(other, opportunity)[9:]:
        response = getattr(client, method)(url, {"title": "Hacket"})

        assert response.status_code == 404, (method, url)
    assert_untouched(association, opportunity)


@pytest.mark.parametrize("role_user", ["facilitator_user", "board_user", "staff_user"])
def test_people_who_are_contacts_of_nothing_see_how_to_register(client, centre, request, role_user):
    client.force_login(request.getfixturevalue(role_user))

    response = client.get(reverse("foreninger:my_associations"))

    assert response.status_code == 200
    assert reverse("foreninger:register") in response.content.decode()


def test_posting_actions_refuse_get(client, centre, association, contact_user):
    client.force_login(contact_user)

    for name in ("foreninger:my_submit", "foreninger:my_confirm"):
        assert client.get(reverse(name, args=[association.slug])).status_code == 405


# --- Dashboard --------------------------------------------------------------------------------


def test_dashboard_lists_only_the_contacts_own_associations(
    client, centre, association, contact_user, other_contact
):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)

    html = client.get(reverse("foreninger:my_associations")).content.decode()

    assert "Eksempelby Roklub" in html
    assert "Syklubben Nål" in html
    assert "Skakklubben Springeren" not in html
    assert reverse("foreninger:my_submit", args=[draft.slug]) in html
    assert reverse("foreninger:my_submit", args=[association.slug]) not in html
    assert reverse("foreninger:my_offers", args=[association.slug]) in html
    assert reverse("foreninger:my_membership", args=[association.slug]) in html


def test_dashboard_query_count_does_not_grow_with_associations(
    client, centre, contact_user, django_assert_max_num_queries
):
    for number in range(25):
        make_revision(make_association(f"Forening {number:02}", contacts=[contact_user]))
    client.force_login(contact_user)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("foreninger:my_associations"))

    assert response.status_code == 200
    assert response.context["page"].paginator.num_pages == 2
    assert "Forening 19" in response.content.decode()
    assert "Forening 20" not in response.content.decode()


def test_dashboard_notes_changes_awaiting_review(client, centre, association, contact_user):
    make_revision(association)
    client.force_login(contact_user)

    response = client.get(reverse("foreninger:my_associations"))

    assert response.context["associations"][0].has_pending_changes


def test_contact_confirms_the_listing_is_current(client, centre, association, contact_user):
    association.freshness_reminders_sent = 2
    association.save()
    client.force_login(contact_user)

    response = client.post(reverse("foreninger:my_confirm", args=[association.slug]))

    assert response.status_code == 302
    association.refresh_from_db()
    assert association.last_confirmed_at is not None
    assert association.freshness_reminders_sent == 0


def test_contact_sends_a_draft_for_review(client, centre, contact_user):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)

    client.post(reverse("foreninger:my_submit", args=[draft.slug]))

    draft.refresh_from_db()
    assert draft.status == Association.Status.AWAITING_REVIEW


def test_a_published_listing_cannot_be_sent_for_review(client, centre, association, contact_user):
    client.force_login(contact_user)

    client.post(reverse("foreninger:my_submit", args=[association.slug]))

    association.refresh_from_db()
    assert association.status == Association.Status.PUBLISHED


# --- Editing the listing ----------------------------------------------------------------------


def test_listing_form_offers_no_staff_fields(client, centre, association, contact_user):
    client.force_login(contact_user)

    form = client.get(reverse("foreninger:my_association", args=[association.slug])).context["form"]

    for name in ("status", "trusted", "slug", "last_confirmed_at", "registered_by_email"):
        assert name not in form.fields


def test_posted_staff_fields_are_ignored(client, centre, contact_user):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)

    client.post(
        reverse("foreninger:my_association", args=[draft.slug]),
        listing_data(draft, name="Syklubben Tråd", status="published", trusted="on", slug="x"),
    )

    draft.refresh_from_db()
    assert draft.name == "Syklubben Tråd"
    assert draft.slug == "syklubben-nal"  # the URL stays when the name changes
    assert draft.status == Association.Status.DRAFT
    assert not draft.trusted


def test_edit_of_a_draft_applies_directly(client, centre, contact_user):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)

    url = reverse("foreninger:my_association", args=[draft.slug])

    response = client.post(
        url, listing_data(draft, short_description="Vi syr sammen.", categories=[]), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert response.status_code == 200

    draft.refresh_from_db()
    assert draft.short_description == "Vi syr sammen."
    assert not AssociationRevision.objects.pending().exists()
    assert "Gemt." in response.content.decode()


def test_edit_of_a_published_listing_waits_for_review_and_public_page_is_unchanged(
    client, centre, association, contact_user
):
    client.force_login(contact_user)
    seniors = target_group("seniorer")

    url = reverse("foreninger:my_association", args=[association.slug])

    response = client.post(
        url,
        listing_data(association, name="Roklubben Bølgen", target_groups=[seniors.pk]),
        follow=True,
    )

    assert response.redirect_chain == [(url, 302)]
    assert response.status_code == 200

    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"
    assert list(association.target_groups.all()) == []
    revision = AssociationRevision.objects.get()
    assert revision.state == AssociationRevision.State.PENDING
    assert revision.data["name"] == "Roklubben Bølgen"
    assert revision.data["target_groups"] == [seniors.pk]
    assert revision.created_by == contact_user
    assert "Personalet godkender dine ændringer" in response.content.decode()
    public = client.get(association.get_absolute_url()).content.decode()
    assert "Eksempelby Roklub" in public
    assert "Roklubben Bølgen" not in public


def test_editing_again_updates_the_one_pending_revision_and_form_shows_it(
    client, centre, association, contact_user
):
    client.force_login(contact_user)
    url = reverse("foreninger:my_association", args=[association.slug])

    client.post(url, listing_data(association, name="Roklubben Bølgen"))
    client.post(url, listing_data(association, name="Roklubben Brisen"))

    revision = AssociationRevision.objects.get()
    assert revision.data["name"] == "Roklubben Brisen"
    response = client.get(url)
    assert response.context["form"]["name"].value() == "Roklubben Brisen"
    assert response.context["pending"] == revision


def test_trusted_association_applies_directly_and_keeps_history(
    client, centre, association, contact_user
):
    association.trusted = True
    association.save()
    client.force_login(contact_user)

    url = reverse("foreninger:my_association", args=[association.slug])

    response = client.post(url, listing_data(association, name="Roklubben Bølgen"), follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert response.status_code == 200

    association.refresh_from_db()
    assert association.name == "Roklubben Bølgen"
    assert association.slug == "eksempelby-roklub"
    assert "Dine ændringer er offentliggjort" in response.content.decode()
    history = list(association.revisions.order_by("reviewed_at"))
    assert [revision.state for revision in history] == ["applied", "applied"]
    assert history[0].data["name"] == "Eksempelby Roklub"  # the version before
    assert history[1].data["name"] == "Roklubben Bølgen"
    assert history[1].created_by == contact_user


def test_bad_listing_input_stores_nothing(client, centre, association, contact_user):
    client.force_login(contact_user)
    url = reverse("foreninger:my_association", args=[association.slug])

    for overrides in (
        {"name": ""},
        {"name": "x" * 151},
        {"postal_code": "abcd"},
        {"founded_year": "tidligt"},
        {"email": "ikke-en-adresse"},
        {"categories": ["999999"]},
    ):
        response = client.post(url, listing_data(association, **overrides))

        assert response.status_code == 200, overrides
        assert response.context["form"].errors, overrides
    assert AssociationRevision.objects.count() == 0
    association.refresh_from_db()
    assert association.name == "Eksempelby Roklub"


def test_script_tags_are_kept_as_text_and_escaped(client, centre, contact_user):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)
    url = reverse("foreninger:my_association", args=[draft.slug])

    client.post(url, listing_data(draft, name="<script>alert(1)</script>"))

    draft.refresh_from_db()
    assert draft.name == "<script>alert(1)</script>"
    html = client.get(reverse("foreninger:my_associations")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Logo -------------------------------------------------------------------------------------


def test_logo_of_a_draft_is_stored_at_once(client, centre, contact_user, settings):
    draft = make_association("Syklubben Nål", status=Association.Status.DRAFT)
    make_contact(draft, contact_user)
    client.force_login(contact_user)

    response = client.post(reverse("foreninger:my_logo", args=[draft.slug]), {"logo": png_upload()})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.logo.name.endswith("syklubben-nal.webp")
    assert draft.logo_thumbnail


def test_logo_of_a_published_listing_waits_for_review(
    client, centre, association, contact_user, settings
):
    client.force_login(contact_user)

    client.post(reverse("foreninger:my_logo", args=[association.slug]), {"logo": png_upload()})

    association.refresh_from_db()
    assert not association.logo
    revision = AssociationRevision.objects.pending().get()
    assert revision.logo.name.startswith("foreninger/logos/pending/")
    assert revision.data == {}  # a logo alone: no listing field waits for review
    html = client.get(reverse("foreninger:my_logo", args=[association.slug])).content.decode()
    assert revision.logo_thumbnail.url in html


@pytest.mark.parametrize(
    "name, data",
    [
        ("logo.png", b"<html><script>alert(1)</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"not really"),
    ],
)
def test_bad_logo_is_refused_and_nothing_saved(
    client, centre, association, contact_user, settings, name, data
):
    client.force_login(contact_user)

    response = client.post(
        reverse("foreninger:my_logo", args=[association.slug]),
        {"logo": SimpleUploadedFile(name, data, content_type="image/png")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["logo"]
    association.refresh_from_db()
    assert not association.logo
    assert AssociationRevision.objects.count() == 0
    assert media_files(settings) == []


def test_empty_logo_form_is_refused(client, centre, association, contact_user):
    client.force_login(contact_user)

    response = client.post(reverse("foreninger:my_logo", args=[association.slug]), {})

    assert response.status_code == 200
    assert response.context["form"].errors["logo"]


# --- Volunteer opportunities ------------------------------------------------------------------


def opportunity_data(**overrides) -> dict:
    return {
        "title": "Kaffebrygger",
        "description": "Du laver kaffe til træningen.",
        "time_commitment": "2 timer om ugen",
        "when": "Tirsdage",
        "where": "Klubhuset",
        "contact_name": "Karen",
        "contact_email": "karen@example.org",
        "is_active": "on",
        "closes_on": "",
        **overrides,
    }


def test_contact_creates_an_opportunity_for_their_association(
    client, centre, association, contact_user, other_contact
):
    other = Association.objects.get(name="Skakklubben Springeren")
    seniors = target_group("seniorer")
    client.force_login(contact_user)

    response = client.post(
        reverse("foreninger:my_opportunity_create", args=[association.slug]),
        opportunity_data(association=other.pk, suitable_for=[seniors.pk]),
    )

    assert response.status_code == 302
    opportunity = VolunteerOpportunity.objects.get(title="Kaffebrygger")
    assert opportunity.association == association  # from the URL, never the form
    assert list(opportunity.suitable_for.all()) == [seniors]
    assert VolunteerOpportunity.objects.open_to_the_public().filter(pk=opportunity.pk).exists()


def test_contact_edits_an_opportunity(client, centre, association, opportunity, contact_user):
    client.force_login(contact_user)

    client.post(
        reverse("foreninger:my_opportunity_edit", args=[association.slug, opportunity.pk]),
        opportunity_data(title="Hjælpetræner", is_active=""),
    )

    opportunity.refresh_from_db()
    assert opportunity.title == "Hjælpetræner"
    assert not opportunity.is_active


def test_bad_opportunity_input_stores_nothing(client, centre, association, contact_user):
    client.force_login(contact_user)
    url = reverse("foreninger:my_opportunity_create", args=[association.slug])

    for overrides in (
        {"title": ""},
        {"title": "x" * 151},
        {"description": "x" * 5001},
        {"contact_email": "ikke-en-adresse"},
        {"closes_on": "i morgen"},
        {"suitable_for": ["999999"]},
    ):
        response = client.post(url, opportunity_data(**overrides))

        assert response.status_code == 200, overrides
    assert not VolunteerOpportunity.objects.exists()


def test_delete_asks_first_then_deletes_on_post(
    client, centre, association, opportunity, contact_user
):
    client.force_login(contact_user)
    url = reverse("foreninger:my_opportunity_delete", args=[association.slug, opportunity.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert VolunteerOpportunity.objects.filter(pk=opportunity.pk).exists()
    client.post(url)
    assert not VolunteerOpportunity.objects.filter(pk=opportunity.pk).exists()


def test_opportunity_list_is_paginated_with_fixed_queries(
    client, centre, association, contact_user, django_assert_max_num_queries
):
    for number in range(25):
        make_opportunity(association, title=f"Opgave {number:02}")
    client.force_login(contact_user)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("foreninger:my_opportunities", args=[association.slug]))

    assert response.status_code == 200
    assert len(response.context["opportunities"]) == 20
    html = response.content.decode()
    assert "Eksempelby Roklub" in html
    assert "Opgave 24" in html and "Opgave 05" in html  # newest first
    assert "Opgave 04" not in html


def test_saving_an_unchanged_listing_from_a_browser_stores_no_version(
    client, centre, association, contact_user
):
    association.description = "Første linje.\nAnden linje."
    association.save()
    client.force_login(contact_user)

    # Browsers send text areas with CRLF line breaks.
    client.post(
        reverse("foreninger:my_association", args=[association.slug]),
        listing_data(association, description="Første linje.\r\nAnden linje."),
    )

    assert AssociationRevision.objects.count() == 0
