"""The outbox: mail leaves only after its transaction commits, and a failing server loses none."""

from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from mailer.models import (
    PRIORITY_DEFERRED,
    RESULT_FAILURE,
    RESULT_SUCCESS,
    Message,
    MessageLog,
)

from frivillig.lib.mail import drain_outbox
from frivillig.tests.smtp_sink import SMTPSink, free_port


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def close(self):
        pass

    def send_messages(self, messages):
        self.open()


@pytest.fixture
def smtp(settings):
    """SMTP settings pointing at 127.0.0.1:port; the test starts a server there or not."""
    port = free_port()
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 3
    return port


def _send(subject="Kvittering"):
    send_mail(subject, "Tak for din henvendelse.", None, ["karen@example.org"])


def test_mail_of_a_rolled_back_change_is_never_sent(db, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        _send()
        raise RuntimeError("the change failed")

    assert not Message.objects.exists()
    assert len(mailoutbox) == 0


@pytest.mark.django_db(transaction=True)
def test_mail_leaves_only_after_the_commit():
    with transaction.atomic():
        _send()
        assert mail.outbox == []
        assert Message.objects.count() == 1

    assert [message.subject for message in mail.outbox] == ["Kvittering"]
    assert not Message.objects.exists()
    assert MessageLog.objects.get().result == RESULT_SUCCESS


@pytest.mark.django_db(transaction=True)
def test_without_sending_at_once_the_mail_waits_for_the_drain(settings):
    settings.FRIVILLIG_MAIL_SEND_AT_ONCE = False
    _send()
    assert mail.outbox == []

    drain_outbox()

    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_refusing_server_defers_the_mail_and_a_later_drain_sends_it(smtp):
    _send()  # nothing listens on the port: refused at once

    message = Message.objects.get()
    assert message.priority == PRIORITY_DEFERRED
    assert MessageLog.objects.filter(result=RESULT_FAILURE).count() == 1

    with SMTPSink(smtp) as server:
        counts = drain_outbox()

    assert counts["sent"] == 1 and counts["deferred"] == 0
    assert not Message.objects.exists()
    ((recipients, sent),) = server.messages
    assert recipients == ["karen@example.org"]
    assert sent["Subject"] == "Kvittering"


@pytest.mark.django_db(transaction=True)
def test_any_error_of_the_backend_defers_rather_than_raises(settings):
    settings.MAILER_EMAIL_BACKEND = "frivillig.tests.lib.test_mail.RefusingBackend"
    _send()  # would be a 500 after the commit if the error escaped

    assert Message.objects.deferred().count() == 1


@pytest.mark.django_db(transaction=True)
def test_drain_retries_until_the_server_answers_and_sends_once(smtp):
    _send("Første")
    _send("Anden")
    assert drain_outbox()["deferred"] == 2  # still down

    with SMTPSink(smtp) as server:
        assert drain_outbox()["sent"] == 2
        assert drain_outbox()["sent"] == 0  # nothing is sent twice

    subjects = sorted(str(make_header(decode_header(m["Subject"]))) for _, m in server.messages)
    assert subjects == ["Anden", "Første"]
    assert Message.objects.get_queryset().count() == 0


@pytest.mark.django_db(transaction=True)
def test_drain_forgets_old_delivery_logs(settings):
    _send()
    assert MessageLog.objects.count() == 1

    assert drain_outbox(log_days=0)["purged"] == 1


@pytest.mark.django_db(transaction=True)
def test_send_outbox_prints_a_one_line_summary(capsys):
    call_command("send_outbox")

    assert capsys.readouterr().out.startswith("Sent 0 mails, 0 failed")


def test_password_reset_mail_goes_through_the_outbox(client, db, django_user_model, mailoutbox):
    django_user_model.objects.create_user("karen", "karen@example.org", "correct-horse-9")

    client.post("/konto/password_reset/", {"email": "karen@example.org"})

    assert Message.objects.count() == 1  # queued in the request's transaction
    assert len(mailoutbox) == 1
