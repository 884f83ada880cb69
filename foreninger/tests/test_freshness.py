"""Freshness: yearly reminders to confirm a listing, and the one-click confirmation page."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from foreninger.models import Association
from foreninger.services.freshness import (
    SALT,
    confirm_url,
    make_confirm_token,
    send_freshness_reminders,
)
from foreninger.tests.factories import make_association

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(days=400)


def url_for(token: str) -> str:
    return reverse("foreninger:confirm_listing", kwargs={"token": token})


@pytest.fixture
def stale(centre, contact_user):
    association = make_association(
        "Skakklubben Springeren",
        last_confirmed_at=timezone.now() - LONG_AGO,
        email="kontakt@springeren.example",
        contacts=[contact_user],
    )
    return association


def snapshot(association):
    association.refresh_from_db()
    return (
        association.last_confirmed_at,
        association.freshness_reminders_sent,
        association.freshness_reminded_at,
        association.updated_at,
    )


# The confirmation page


def test_get_shows_the_listing_and_does_not_confirm(client, stale):
    before = snapshot(stale)

    response = client.get(url_for(make_confirm_token(stale)))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Skakklubben Springeren" in html and 'method="post"' in html
    assert reverse("foreninger:my_association", kwargs={"slug": stale.slug}) in html
    assert snapshot(stale) == before


def test_post_confirms_and_resets_the_reminder_counters(client, stale):
    Association.objects.filter(pk=stale.pk).update(
        freshness_reminders_sent=2, freshness_reminded_at=timezone.now()
    )

    response = client.post(url_for(make_confirm_token(stale)))

    assert response.status_code == 200
    stale.refresh_from_db()
    assert timezone.now() - stale.last_confirmed_at < timedelta(minutes=1)
    assert stale.freshness_reminders_sent == 0 and stale.freshness_reminded_at is None


def test_post_without_csrf_token_is_refused(stale):
    client = Client(enforce_csrf_checks=True)
    before = snapshot(stale)

    response = client.post(url_for(make_confirm_token(stale)))

    assert response.status_code == 403
    assert snapshot(stale) == before


def _tampered(token: str) -> str:
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_token_is_refused_and_changes_nothing(client, stale, method):
    before = snapshot(stale)

    response = getattr(client, method)(url_for(_tampered(make_confirm_token(stale))))

    assert response.status_code == 400
    assert "Skakklubben" not in response.content.decode()
    assert snapshot(stale) == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_expired_token_is_refused_and_changes_nothing(client, stale, method, monkeypatch):
    sixty_one_days_ago = time.time() - 61 * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: sixty_one_days_ago)
        token = make_confirm_token(stale)
    before = snapshot(stale)

    response = getattr(client, method)(url_for(token))

    assert response.status_code == 400
    assert "udløbet" in response.content.decode()  # "has expired"
    assert snapshot(stale) == before


@pytest.mark.parametrize(
    "forge",
    [
        lambda other: signing.dumps(other.pk),  # signed, but not for this purpose
        lambda other: signing.dumps(other.pk, salt="foreninger.something-else"),
        lambda other: signing.dumps(str(other.pk), salt=SALT),  # not an id
        lambda other: str(other.pk),
        lambda other: "<script>alert(1)<script>",
    ],
)
def test_token_not_made_for_an_association_is_refused(client, stale, forge):
    other = make_association("Anden Forening", last_confirmed_at=timezone.now() - LONG_AGO)
    before = snapshot(other)

    response = client.post(url_for(forge(other)))

    assert response.status_code == 400
    assert snapshot(other) == before


def test_token_of_one_association_confirms_only_that_one(client, stale):
    other = make_association("Anden Forening", last_confirmed_at=timezone.now() - LONG_AGO)
    before = snapshot(other)

    client.post(url_for(make_confirm_token(stale)))

    assert snapshot(other) == before


def test_token_of_a_deleted_association_is_404(client, stale):
    token = make_confirm_token(stale)
    stale.delete()

    response = client.get(url_for(token))

    assert response.status_code == 404


# Reminders


def test_first_reminder_goes_to_the_contacts_with_both_links(stale, mailoutbox):
    assert send_freshness_reminders() == 1

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["contact@example.org"]
    assert "Skakklubben Springeren" in mail.subject and "\n" not in mail.subject
    assert mail.body.count(settings.SITE_URL + "/bekraeft-opslag/") == 1
    assert settings.SITE_URL + f"/min-forening/{stale.slug}/" in mail.body
    assert confirm_url(stale).startswith(settings.SITE_URL)
    stale.refresh_from_db()
    assert stale.freshness_reminders_sent == 1 and stale.freshness_reminded_at


def test_link_in_the_reminder_opens_the_confirmation_page(client, stale, mailoutbox):
    send_freshness_reminders()
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/bekraeft-opslag/" in line
    ).strip()

    response = client.get(link.removeprefix(settings.SITE_URL))

    assert response.status_code == 200
    assert "Skakklubben Springeren" in response.content.decode()


def test_reminder_schedule_first_second_after_30_days_and_never_a_third(stale, mailoutbox):
    now = timezone.now()
    updated_at = snapshot(stale)[3]

    assert send_freshness_reminders(now=now) == 1
    assert send_freshness_reminders(now=now) == 0  # twice the same day
    assert send_freshness_reminders(now=now + timedelta(hours=20)) == 0
    assert send_freshness_reminders(now=now + timedelta(days=29)) == 0
    assert send_freshness_reminders(now=now + timedelta(days=30)) == 1
    assert send_freshness_reminders(now=now + timedelta(days=30)) == 0
    assert send_freshness_reminders(now=now + timedelta(days=61)) == 0
    assert send_freshness_reminders(now=now + timedelta(days=200)) == 0

    assert len(mailoutbox) == 2
    stale.refresh_from_db()
    assert stale.freshness_reminders_sent == 2
    # A reminder is not a change to the listing: "last updated" stays as it was.
    assert stale.updated_at == updated_at


def test_confirming_stops_reminders_and_a_year_later_they_start_again(client, stale, mailoutbox):
    now = timezone.now()
    send_freshness_reminders(now=now)
    client.post(url_for(make_confirm_token(stale)))

    assert send_freshness_reminders(now=now + timedelta(days=31)) == 0
    assert send_freshness_reminders(now=now + timedelta(days=370)) == 1
    stale.refresh_from_db()
    assert stale.freshness_reminders_sent == 1


@pytest.mark.parametrize(
    "status,days",
    [
        (Association.Status.PUBLISHED, 300),  # fresh
        (Association.Status.DRAFT, 400),
        (Association.Status.HIDDEN, 400),
        (Association.Status.AWAITING_REVIEW, 400),
    ],
)
def test_no_reminder_for_fresh_or_unpublished_listings(centre, status, days, mailoutbox):
    make_association(
        "Roklubben",
        status=status,
        email="roklub@example.org",
        last_confirmed_at=timezone.now() - timedelta(days=days),
    )

    assert send_freshness_reminders() == 0
    assert mailoutbox == []


def test_listing_without_any_address_is_left_to_staff(centre, mailoutbox):
    association = make_association("Tavs", last_confirmed_at=timezone.now() - LONG_AGO)

    assert send_freshness_reminders() == 0

    association.refresh_from_db()
    assert association.freshness_reminders_sent == 0


def test_listing_without_contacts_is_reminded_at_its_public_address(centre, mailoutbox):
    make_association(
        "Kun Offentlig", email="info@offentlig.example", last_confirmed_at=timezone.now() - LONG_AGO
    )

    send_freshness_reminders()

    assert mailoutbox[0].to == ["info@offentlig.example"]


def test_command_sends_and_reports_in_one_line(stale, mailoutbox, capsys):
    call_command("send_freshness_reminders")
    call_command("send_freshness_reminders")

    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == ["Sent 1 freshness reminder(s).", "Sent 0 freshness reminder(s)."]
    assert len(mailoutbox) == 1
