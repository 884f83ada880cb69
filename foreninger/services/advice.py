"""The association service's advice requests: storing one as a case and telling both sides."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from frivillig.centre import get_centre

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
    send_mail(
        _("Your question to %(centre)s") % {"centre": centre.name},
        render_to_string("foreninger/email/advice_receipt.txt", context),
        None,
        [advice.email],
    )
    if centre.email:
        with translation.override("da"):
            send_mail(
                _("New advice request: %(topic)s") % {"topic": advice.get_topic_display()},
                render_to_string("foreninger/email/advice_notification.txt", context),
                None,
                [centre.email],
            )
    return advice
