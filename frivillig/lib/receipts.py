"""The two mails a citizen's submission causes: a receipt to them and a notice to whoever
acts on it (the centre's staff, an association's contacts).

Both are plain text only (no HTML part), so nothing a citizen writes can be rendered as
markup, and subjects are collapsed to one line, so that no input can add a header. Each mail
is rendered in its reader's language: the receipt in the one the citizen used on the site,
a notice to staff or associations in Danish.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .text import one_line


@dataclass(frozen=True)
class Letter:
    """One mail: ``subject`` is a lazy translation, filled in with ``subject_params`` in
    ``language``; the body is ``template`` rendered with the shared context."""

    to: Sequence[str]
    subject: str
    template: str
    language: str | None = None
    subject_params: Mapping | None = None
    reply_to: Sequence[str] | None = None

    def send(self, context: Mapping) -> bool:
        """Send it, unless it has nobody to go to; returns whether it was sent."""
        recipients = [address for address in self.to if address]
        if not recipients:
            return False
        with translation.override(self.language or translation.get_language()):
            subject = str(self.subject)
            if self.subject_params is not None:
                subject %= self.subject_params
            body = render_to_string(self.template, dict(context))
        reply_to = list(self.reply_to) if self.reply_to else None
        EmailMessage(one_line(subject), body, None, recipients, reply_to=reply_to).send()
        return True


def send_receipt_and_notice(
    *, receipt: Letter, notice: Letter, context: Mapping, notice_first: bool = False
) -> None:
    """Send the citizen's receipt and the notice to those who act on it; a letter without
    recipients is left out (a notice to a centre with no address, say).

    ``notice_first`` sends the notice before the receipt.
    """
    for letter in (notice, receipt) if notice_first else (receipt, notice):
        letter.send(context)
