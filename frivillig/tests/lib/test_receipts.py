"""The receipt to a citizen and the notice to those who act on it."""

import pytest
from django.utils.translation import gettext_lazy

from frivillig.lib.receipts import Letter, send_receipt_and_notice

# Templates any installed app ships; the helper only renders what it is given.
TEMPLATE = "foreninger/email/advice_receipt.txt"


@pytest.fixture
def context(centre):
    class Advice:
        name = "Karen Hansen"
        email = "karen@example.org"
        topic = "funding"
        message = "Hvordan søger vi?"

        def get_topic_display(self):
            return "Fundraising"

    return {"advice": Advice(), "centre": centre, "admin_url": "http://testserver/admin/"}


def letters(**receipt):
    return (
        Letter(
            to=["karen@example.org"],
            subject=gettext_lazy("Your question to %(centre)s"),
            subject_params={"centre": "Frivilligcenter\nBcc: x@example.org"},
            template=TEMPLATE,
            **receipt,
        ),
        Letter(
            to=["centre@example.org"],
            subject=gettext_lazy("New advice request: %(topic)s"),
            subject_params={"topic": "Fundraising"},
            template=TEMPLATE,
            language="da",
            reply_to=["karen@example.org"],
        ),
    )


def test_receipt_then_notice_each_in_its_readers_language(context, mailoutbox):
    receipt, notice = letters(language="en")

    send_receipt_and_notice(receipt=receipt, notice=notice, context=context)

    sent_receipt, sent_notice = mailoutbox
    assert sent_receipt.to == ["karen@example.org"]
    assert sent_receipt.subject == "Your question to Frivilligcenter Bcc: x@example.org"
    assert sent_notice.subject == "Ny henvendelse om rådgivning: Fundraising"
    assert sent_notice.reply_to == ["karen@example.org"]
    for mail in mailoutbox:
        assert mail.content_subtype == "plain"
        assert "\n" not in mail.subject


def test_the_notice_can_go_first(context, mailoutbox):
    receipt, notice = letters()

    send_receipt_and_notice(receipt=receipt, notice=notice, context=context, notice_first=True)

    assert [mail.to for mail in mailoutbox] == [["centre@example.org"], ["karen@example.org"]]


def test_a_letter_without_recipients_is_left_out(context, mailoutbox):
    receipt, notice = letters()
    nobody = Letter(to=["", None], subject=notice.subject, template=TEMPLATE)

    send_receipt_and_notice(receipt=receipt, notice=nobody, context=context)

    assert [mail.to for mail in mailoutbox] == [["karen@example.org"]]
