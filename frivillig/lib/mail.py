"""Mail that can never lose a submission: every message goes through a durable outbox.

``EMAIL_BACKEND`` is :class:`OutboxBackend`. Sending a message (Django's ``send_mail``,
``EmailMessage.send()``, the password reset form, ...) stores it in django-mailer's queue,
in the same database transaction as the change that caused it. So a rolled-back change
leaves no mail behind, and a committed one cannot lose its mail.

Once the transaction has committed, the messages are handed at once to the real backend
(``MAILER_EMAIL_BACKEND``: SMTP in production, the console in development), unless
``FRIVILLIG_MAIL_SEND_AT_ONCE`` is off. A failure there never reaches the citizen: the
message stays in the queue, marked deferred, and ``manage.py send_outbox`` (run every minute
by cron or a systemd timer) retries it. Staff see waiting and failed mail in the admin.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


class OutboxBackend(BaseEmailBackend):
    """Queue messages in the database; send them after the surrounding transaction commits."""

    def send_messages(self, email_messages) -> int:
        from mailer.models import Message

        messages = [Message(email=email) for email in email_messages or []]
        if not messages:
            return 0
        queued = Message.objects.bulk_create(messages)
        if getattr(settings, "FRIVILLIG_MAIL_SEND_AT_ONCE", True):
            ids = [message.pk for message in queued]
            # robust: a failing SMTP server must not turn a stored submission into a 500.
            transaction.on_commit(partial(send_queued, ids), robust=True)
        return len(queued)


def defer_on_any_error(connection, message, exc):
    """django-mailer's error handler: whatever went wrong, keep the message for a retry.

    django-mailer re-raises errors it does not know (a TLS failure, a timeout of another
    kind); here every failure defers the message, so nothing is ever dropped or raised.
    """
    from mailer.models import RESULT_FAILURE, MessageLog

    message.defer()
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=f"{type(exc).__name__}: {exc}")
    logger.warning("mail %s deferred: %s", message.pk, exc)
    return None, "deferred"


def send_queued(ids: list[int] | None = None) -> None:
    """Send the queued messages (these ``ids``, or all that are not deferred)."""
    from mailer.engine import send_all
    from mailer.models import Message

    queryset = Message.objects.filter(pk__in=ids) if ids is not None else None
    try:
        send_all(queryset)
    except Exception:  # the messages stay queued for send_outbox
        logger.exception("sending queued mail failed; send_outbox will retry")


def drain_outbox(*, log_days: int | None = None) -> dict:
    """Retry deferred mail, send everything queued, and forget old delivery logs.

    Returns counts: sent, deferred (failed again, still queued), waiting (queued, not yet
    tried because the round stopped early), purged (old log rows removed).
    Safe to run from several places at once: each message is sent under a row lock.
    """
    from mailer.engine import send_all
    from mailer.models import RESULT_SUCCESS, Message, MessageLog

    started = timezone.now()
    Message.objects.retry_deferred()
    send_all()
    sent = MessageLog.objects.filter(result=RESULT_SUCCESS, when_attempted__gte=started).count()
    deferred = Message.objects.deferred().count()
    waiting = Message.objects.non_deferred().count()
    days = settings.FRIVILLIG_MAIL_LOG_DAYS if log_days is None else log_days
    # The log keeps each message's full text, personal data included: keep it only a while.
    purged, _ = MessageLog.objects.filter(
        when_attempted__lt=started - timedelta(days=days)
    ).delete()
    return {"sent": sent, "deferred": deferred, "waiting": waiting, "purged": purged}


def failed_mail_count() -> int:
    """Messages that could not be sent and wait for a retry."""
    from mailer.models import Message

    return Message.objects.deferred().count()
