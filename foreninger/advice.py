"""The association service (foreningsservice): what the centre helps associations with,
and the request-for-advice form that becomes a case for staff in the admin."""

from django import forms
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from frivillig.centre import get_centre

from .models import AdviceRequest
from .spam import HoneypotMixin

#: What the service page describes, one paragraph per topic (the form's choices).
TOPIC_DESCRIPTIONS = {
    AdviceRequest.Topic.STARTING: gettext_lazy(
        "From idea to association: purpose, founding meeting, board, bank account and "
        "registering a CVR number."
    ),
    AdviceRequest.Topic.STATUTES: gettext_lazy(
        "Writing or changing statutes, and holding a general assembly that follows them."
    ),
    AdviceRequest.Topic.VOLUNTEERS: gettext_lazy(
        "How to find, welcome, motivate and keep volunteers. We also run workshops on it."
    ),
    AdviceRequest.Topic.FUNDING: gettext_lazy(
        "Which funds and municipal grants fit your activity, and feedback on your application."
    ),
    AdviceRequest.Topic.GDPR: gettext_lazy(
        "What personal data an association may keep about members and volunteers, and for how long."
    ),
}


class AdviceRequestForm(HoneypotMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=gettext_lazy(
            "The centre may store what I write here to answer me and to count what it helps with."
        ),
        error_messages={"required": gettext_lazy("We need your consent to answer you.")},
    )

    class Meta:
        model = AdviceRequest
        fields = ["name", "email", "phone", "association_name", "topic", "message"]
        labels = {
            "name": gettext_lazy("Your name"),
            "email": gettext_lazy("Your email"),
            "phone": gettext_lazy("Phone (optional)"),
            "association_name": gettext_lazy("Association (if you have one)"),
            "topic": gettext_lazy("What do you need help with?"),
            "message": gettext_lazy("Your question"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 3000})}


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


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def association_service(request):
    form = AdviceRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            submit_advice_request(form=form, base_url=request.build_absolute_uri("/"))
        return redirect("foreninger:service_thanks")
    context = {
        "form": form,
        "topics": [
            (AdviceRequest.Topic(topic).label, text) for topic, text in TOPIC_DESCRIPTIONS.items()
        ],
    }
    return render(request, "foreninger/association_service.html", context)


def association_service_thanks(request):
    return render(request, "foreninger/association_service_thanks.html", {})
