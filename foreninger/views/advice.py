"""The association service (foreningsservice): what the centre helps associations with,
and the request-for-advice form that becomes a case for staff in the admin."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from frivillig.lib.ratelimit import public_form_ratelimit

from ..forms.public import AdviceRequestForm
from ..models import AdviceRequest
from ..services.advice import submit_advice_request

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


@require_http_methods(["GET", "POST"])
@public_form_ratelimit
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
