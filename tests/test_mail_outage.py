"""With the mail server down, every public form still stores its row and thanks the citizen.

DEBUG is off in tests, as in production. The form's change commits, the mail that should
follow it is refused by the server (nothing listens on the port), and it waits in the outbox
until `send_outbox` finds a server that answers.
"""

import pytest
from django.core.management import call_command
from mailer.models import Message

from foreninger.models import AdviceRequest, Association, VolunteerOffer
from foreninger.tests.factories import category, make_association, make_opportunity
from foreninger.tests.test_association_service import valid_request
from foreninger.tests.test_registration import valid_registration
from foreninger.tests.test_volunteering import valid_offer
from frivillig.tests.smtp_sink import SMTPSink, free_port

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mail_server_down(settings, centre):
    port = free_port()
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port  # nothing listens here
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 3
    return port


def _submit(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    return thanks


def _drain_into(port) -> list:
    with SMTPSink(port) as server:
        call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return server.messages


def test_offer_to_help_is_kept_and_its_mails_follow_once_the_server_answers(
    client, mail_server_down
):
    association = make_association("Skakklubben Løberen", email="info@skak.example")
    opportunity = make_opportunity(association, contact_email="ole@skak.example")

    _submit(client, f"/frivillig/{opportunity.pk}/", valid_offer())

    assert VolunteerOffer.objects.filter(email="karen@example.org").exists()
    assert Message.objects.deferred().count() == 2  # the notice and the receipt
    sent = _drain_into(mail_server_down)
    recipients = sorted(address for to, _ in sent for address in to)
    assert "karen@example.org" in recipients
    assert len(sent) == 2
    assert not Message.objects.exists()


def test_advice_request_is_kept_and_its_mails_follow_once_the_server_answers(
    client, mail_server_down
):
    _submit(client, "/foreningsservice/", valid_request())

    assert AdviceRequest.objects.filter(email="karen@example.org").exists()
    queued = Message.objects.deferred().count()
    assert queued >= 1
    assert len(_drain_into(mail_server_down)) == queued
    assert not Message.objects.exists()


def test_registration_is_kept_and_its_mails_follow_once_the_server_answers(
    client, mail_server_down
):
    category("kultur")

    _submit(client, "/opret-forening/", valid_registration())

    assert Association.objects.filter(name="Strikkecafé Maske").exists()
    queued = Message.objects.deferred().count()
    assert queued >= 1
    sent = _drain_into(mail_server_down)
    assert len(sent) == queued
    assert any("karen@example.org" in to for to, _ in sent)
