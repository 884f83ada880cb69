"""The public registration of a new association: it waits for staff review."""

import pytest
from django.urls import reverse

from foreninger.models import Association, AssociationContact
from foreninger.services import listings

from .factories import category, make_association

URL = "/opret-forening/"


def valid_registration(**overrides) -> dict:
    return {
        "name": "Strikkecafé Maske",
        "short_description": "Vi strikker og drikker kaffe.",
        "description": "Hver torsdag i biblioteket.",
        "categories": [category("kultur").pk],
        "postal_code": "8000",
        "city": "Eksempelby",
        "homepage": "maske.example.org",
        "email": "",
        "phone": "",
        "registrant_name": "Karen Hansen",
        "registrant_email": "karen@example.org",
        "consent": "on",
        "website": "",
        **overrides,
    }


def test_form_is_public_with_csrf_and_a_hidden_honeypot(client, centre):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="website"' in html
    assert 'name="homepage"' in html
    for staff_field in ("status", "trusted", "slug"):
        assert f'name="{staff_field}"' not in html


def test_registration_awaits_review_with_receipt_and_notice(client, centre, mailoutbox):
    response = client.post(URL, valid_registration())

    assert response.status_code == 302
    assert response["Location"] == reverse("foreninger:register_thanks")
    association = Association.objects.get()
    assert association.status == Association.Status.AWAITING_REVIEW
    assert association.slug == "strikkecafe-maske"
    assert association.website == "https://maske.example.org"
    assert association.registered_by_name == "Karen Hansen"
    assert association.registered_by_email == "karen@example.org"
    assert [c.slug for c in association.categories.all()] == ["kultur"]
    assert not association.contacts.exists()
    receipt, notice = mailoutbox
    assert receipt.to == ["karen@example.org"]
    assert "Strikkecafé Maske" not in receipt.subject  # a stranger's words stay out of subjects
    assert notice.to == [centre.email]
    assert f"/admin/foreninger/association/{association.pk}/change/" in notice.body
    assert client.get(reverse("foreninger:register_thanks")).status_code == 200


def test_registration_appears_in_the_review_queue(client, centre, staff_user):
    client.post(URL, valid_registration())
    client.force_login(staff_user)

    response = client.get("/admin/foreninger/association/review-queue/", follow=True)

    assert response.redirect_chain == [("/admin/foreninger/association/?status__exact=review", 302)]
    assert response.status_code == 200
    assert "Strikkecafé Maske" in response.content.decode()


def test_a_taken_slug_gets_a_number(client, centre):
    make_association("Strikkecafé Maske")

    client.post(URL, valid_registration())

    assert Association.objects.filter(slug="strikkecafe-maske-2").exists()


def test_logged_in_registrant_becomes_contact_at_once(client, centre, contact_user, mailoutbox):
    client.force_login(contact_user)
    data = valid_registration()
    del data["registrant_name"], data["registrant_email"]

    response = client.post(URL, data)

    assert response.status_code == 302
    association = Association.objects.get()
    assert association.status == Association.Status.AWAITING_REVIEW
    assert association.registered_by_email == ""
    assert AssociationContact.objects.filter(association=association, user=contact_user).exists()
    assert mailoutbox[0].to == ["contact@example.org"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": ""},
        {"short_description": ""},
        {"registrant_name": ""},
        {"registrant_email": ""},
        {"consent": ""},
        {"name": "x" * 151},
        {"short_description": "x" * 301},
        {"registrant_email": "ikke-en-adresse"},
        {"postal_code": "80000"},
        {"homepage": "javascript:alert(1)"},
        {"categories": ["999999"]},
        {"area": "ikke-et-tal"},
    ],
)
def test_bad_input_stores_nothing_and_sends_nothing(client, centre, mailoutbox, overrides):
    response = client.post(URL, valid_registration(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Association.objects.exists()
    assert mailoutbox == []


def test_empty_post_stores_nothing(client, centre, mailoutbox):
    response = client.post(URL, {})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Association.objects.exists()


def test_script_tags_are_stored_as_text_and_escaped_on_output(client, centre, staff_user):
    client.post(URL, valid_registration(name="<script>alert(1)</script>"))

    association = Association.objects.get()
    assert association.name == "<script>alert(1)</script>"
    listings.approve_associations(associations=Association.objects.all())
    html = client.get(association.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_honeypot_pretends_success_and_stores_nothing(client, centre, mailoutbox):
    response = client.post(URL, valid_registration(website="https://spam.example"))

    assert response.status_code == 302
    assert not Association.objects.exists()
    assert mailoutbox == []


def test_too_many_registrations_from_one_address_are_refused(client, centre):
    for number in range(5):
        client.post(URL, valid_registration(name=f"Forening {number}"))

    response = client.post(URL, valid_registration(name="Forening 6"))

    assert response.status_code == 429
    assert Association.objects.count() == 5


def test_rejecting_a_registration_emails_the_registrant_and_forgets_them(
    client, centre, mailoutbox
):
    client.post(URL, valid_registration())
    association = Association.objects.get()
    mailoutbox.clear()

    listings.reject_association(association=association, reason="Findes allerede <b>her</b>")

    association.refresh_from_db()
    assert association.status == Association.Status.DRAFT
    assert association.registered_by_email == ""
    assert association.registered_by_name == ""
    assert mailoutbox[0].to == ["karen@example.org"]
    assert "Findes allerede <b>her</b>" in mailoutbox[0].body
