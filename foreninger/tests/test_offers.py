"""Offers to help: storing them, the mails, reminders of unanswered offers and purging."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from foreninger.models import VolunteerOffer
from foreninger.services import offers as offers_module
from foreninger.services.offers import (
    make_offer,
    mark_offer_answered,
    purge_old_offers,
    remind_unanswered_offers,
)

from .factories import make_association, make_opportunity, make_user, make_volunteer_offer

DAY = datetime.timedelta(days=1)


def offer_data(**overrides):
    return {
        "name": "Karen Hansen",
        "email": "karen@example.org",
        "phone": "12 34 56 78",
        "message": "Jeg kan hjælpe tirsdage.",
        **overrides,
    }


@pytest.fixture
def association(centre):
    contacts = [make_user(name, email=f"{name}@skak.example") for name in ("formand", "kasserer")]
    return make_association("Skakklubben Løberen", email="info@skak.example", contacts=contacts)


@pytest.fixture
def opportunity(association):
    return make_opportunity(association, title="Skaktræner", contact_email="ole@skak.example")


# make_offer


def test_offer_mails_the_contacts_and_the_opportunitys_contact_in_danish(opportunity, mailoutbox):
    offer = make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="en")

    notice, _receipt = mailoutbox
    assert notice.to == ["formand@skak.example", "kasserer@skak.example", "ole@skak.example"]
    assert notice.reply_to == ["karen@example.org"]
    assert "Skaktræner" in notice.subject
    assert "Karen Hansen" in notice.body
    assert "karen@example.org" in notice.body
    assert "12 34 56 78" in notice.body
    assert "Jeg kan hjælpe tirsdage." in notice.body
    assert f"/min-forening/{opportunity.association.slug}/henvendelser/" in notice.body
    assert "/en/" not in notice.body
    assert offer.consent_at is not None
    assert offer.language == "en"


def test_without_contact_logins_the_associations_public_address_is_used(centre, mailoutbox):
    opportunity = make_opportunity(make_association("Ingen kontakter", email="info@a.example"))

    make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="da")

    assert mailoutbox[0].to == ["info@a.example"]


def test_volunteer_gets_a_receipt_in_their_language(opportunity, mailoutbox):
    make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="en")
    make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="da")

    english, danish = mailoutbox[1], mailoutbox[3]
    assert english.to == ["karen@example.org"]
    assert english.subject == "Thank you for offering to help Skakklubben Løberen"
    assert "Dear Karen Hansen" in english.body
    assert "What happens next" in english.body
    assert "Skaktræner" in english.body
    assert danish.to == ["karen@example.org"]
    assert "Kære Karen Hansen" in danish.body


def test_receipt_does_not_repeat_the_message(opportunity, mailoutbox):
    # The address is not verified: the receipt must not carry a stranger's text to it.
    make_offer(
        opportunity=opportunity,
        cleaned_data=offer_data(message="Køb billige ure på example.net"),
        language="da",
    )

    notice, receipt = mailoutbox
    assert "billige ure" in notice.body
    assert "billige ure" not in receipt.body


def test_mails_are_plain_text_with_the_volunteers_words_unchanged(opportunity, mailoutbox):
    script = "<script>alert('hej')</script> & <b>"

    make_offer(opportunity=opportunity, cleaned_data=offer_data(message=script), language="da")

    for mail in mailoutbox:
        assert mail.content_subtype == "plain"
        assert getattr(mail, "alternatives", []) == []
    assert script in mailoutbox[0].body
    assert "&lt;" not in mailoutbox[0].body
    assert VolunteerOffer.objects.get().message == script


def test_a_name_with_newlines_cannot_add_mail_headers(opportunity, mailoutbox):
    association = opportunity.association
    association.name = "Skak\r\nBcc: evil@example.org"
    association.save()
    opportunity.title = "Træner\nBcc: evil@example.org"
    opportunity.save()

    offer = make_offer(
        opportunity=opportunity,
        cleaned_data=offer_data(name="Karen\r\nBcc: evil@example.org"),
        language="da",
    )

    assert offer.name == "Karen Bcc: evil@example.org"
    for mail in mailoutbox:
        assert "\n" not in mail.subject and "\r" not in mail.subject
        assert mail.bcc == []
        assert "evil@example.org" not in mail.to
        message = mail.message()
        assert message["Bcc"] is None


def test_offer_to_a_closed_opportunity_is_refused_and_nothing_is_stored(opportunity, mailoutbox):
    opportunity.is_active = False
    opportunity.save()

    with pytest.raises(ValidationError):
        make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="da")

    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


def test_invalid_data_is_refused_by_the_service_too(opportunity, mailoutbox):
    with pytest.raises(ValidationError):
        make_offer(opportunity=opportunity, cleaned_data=offer_data(name="x" * 151), language="da")

    assert not VolunteerOffer.objects.exists()
    assert mailoutbox == []


# Answering


def test_marking_an_offer_answered_records_who_and_when(opportunity, contact_user):
    offer = make_volunteer_offer(opportunity)

    mark_offer_answered(offer=offer, user=contact_user)

    offer.refresh_from_db()
    assert offer.answered_by == contact_user
    assert offer.answered_at is not None
    assert not VolunteerOffer.objects.unanswered().exists()


def test_an_offer_cannot_be_marked_answered_twice(opportunity, contact_user):
    offer = make_volunteer_offer(opportunity)
    mark_offer_answered(offer=offer, user=contact_user)

    with pytest.raises(ValidationError):
        mark_offer_answered(offer=offer, user=contact_user)


# Reminders


def test_offer_unanswered_for_a_week_reminds_the_contacts_once(opportunity, mailoutbox):
    offer = make_volunteer_offer(opportunity, age=8 * DAY, name="Ventende Vera")

    assert remind_unanswered_offers() == 1
    assert remind_unanswered_offers() == 0

    (reminder,) = mailoutbox
    assert reminder.to == ["formand@skak.example", "kasserer@skak.example", "ole@skak.example"]
    assert "Ventende Vera" in reminder.body
    assert f"/min-forening/{opportunity.association.slug}/henvendelser/" in reminder.body
    offer.refresh_from_db()
    assert offer.reminded_at is not None


def test_no_reminder_before_seven_days_or_for_answered_offers(
    opportunity, contact_user, mailoutbox
):
    make_volunteer_offer(opportunity, age=6 * DAY)
    answered = make_volunteer_offer(opportunity, age=10 * DAY)
    mark_offer_answered(offer=answered, user=contact_user)

    assert remind_unanswered_offers() == 0
    assert mailoutbox == []


def test_reminder_comes_when_the_week_has_passed(opportunity, mailoutbox):
    make_volunteer_offer(opportunity, age=6 * DAY)

    assert remind_unanswered_offers(now=timezone.now() + 2 * DAY) == 1
    assert len(mailoutbox) == 1


def test_one_reminder_per_association_lists_all_its_waiting_offers(opportunity, mailoutbox):
    make_volunteer_offer(opportunity, age=8 * DAY, name="Anna")
    make_volunteer_offer(opportunity, age=9 * DAY, name="Bent")
    other = make_opportunity(make_association("Anden forening", email="a@anden.example"))
    make_volunteer_offer(other, age=8 * DAY, name="Carl")

    assert remind_unanswered_offers() == 3

    assert len(mailoutbox) == 2
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert "Anna" in by_recipient["formand@skak.example"].body
    assert "Bent" in by_recipient["formand@skak.example"].body
    assert "Carl" not in by_recipient["formand@skak.example"].body
    assert "Carl" in by_recipient["a@anden.example"].body


def test_reminder_command_runs_twice_and_reminds_once(opportunity, mailoutbox, capsys):
    make_volunteer_offer(opportunity, age=8 * DAY)

    call_command("remind_unanswered_offers")
    call_command("remind_unanswered_offers")

    assert len(mailoutbox) == 1
    out = capsys.readouterr().out
    assert "1 unanswered offer" in out
    assert "0 unanswered offer" in out


# Purging


def test_offers_older_than_a_year_are_purged(opportunity, capsys):
    old = make_volunteer_offer(opportunity, age=366 * DAY)
    recent = make_volunteer_offer(opportunity, age=300 * DAY)

    call_command("purge_volunteer_offers")

    assert list(VolunteerOffer.objects.all()) == [recent]
    assert not VolunteerOffer.objects.filter(pk=old.pk).exists()
    assert "Deleted 1 offer" in capsys.readouterr().out
    assert purge_old_offers() == 0


def test_offer_answered_before_the_reminder_run_claims_it_is_not_reminded(
    opportunity, mailoutbox, monkeypatch
):
    offer = make_offer(opportunity=opportunity, cleaned_data=offer_data(), language="da")
    VolunteerOffer.objects.filter(pk=offer.pk).update(created_at=timezone.now() - 8 * DAY)
    mailoutbox.clear()
    # The contact marks it answered after the run has read the overdue offers.
    real_contact_emails = offers_module.contact_emails

    def answer_meanwhile(association):
        VolunteerOffer.objects.filter(pk=offer.pk).update(answered_at=timezone.now())
        return real_contact_emails(association)

    monkeypatch.setattr(offers_module, "contact_emails", answer_meanwhile)

    assert remind_unanswered_offers() == 0
    assert mailoutbox == []
