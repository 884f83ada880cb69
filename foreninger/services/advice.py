"""The association service's advice requests: storing one as a case and telling both sides."""

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from frivillig.centre import get_centre
from frivillig.lib.receipts import Letter, send_receipt_and_notice

from ..forms.public import AdviceRequestForm
from ..models import AdviceRequest


@transaction.atomic
def submit_advice_request(*, form: AdviceRequestForm, base_url: str) -> AdviceRequest:
    """Store the request as a new case, tell the centre and send the asker a receipt."""
    advice = form.save(commit=False)
    advice.language = translation.get_language() or "da"
    advice.save()
    centre = get_centre()
    context = {
        "advice": advice,
        "centre": centre,
        "admin_url": base_url.rstrip("/")
        + reverse("admin:foreninger_advicerequest_change", args=[advice.pk]),
    }
    send_receipt_and_notice(
        receipt=Letter(
            to=[advice.email],
            subject=gettext_lazy("Your question to %(centre)s"),
            subject_params={"centre": centre.name},
            template="foreninger/email/advice_receipt.txt",
        ),
        notice=Letter(
            to=[centre.email],
            subject=gettext_lazy("New advice request: %(topic)s"),
            # The lazy label, so that staff read the topic in Danish.
            subject_params={"topic": AdviceRequest.Topic(advice.topic).label},
            template="foreninger/email/advice_notification.txt",
            language="da",
        ),
        context=context,
    )
    return advice
