"""The admin's "reject with a reason" step, shared by new listings and changed listings.

Staff choose rows, give one reason on an intermediate page, and each row is rejected by a
service that emails the reason to the association's contacts.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ..services.listings import REJECTION_REASON_MAX_LENGTH


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (emailed to the association's contacts)"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        max_length=REJECTION_REASON_MAX_LENGTH,
    )


def reject_with_reason(
    modeladmin,
    request,
    queryset,
    *,
    reject,
    title: str,
    explanation: str,
    names,
    cancel_url: str,
    done_message,
):
    """Ask for a reason, then call ``reject(row, reason)`` for each row in ``queryset``.

    ``names`` lists what is rejected on the page; ``done_message(count)`` says how it went.
    A row the service refuses (``ValidationError``) is reported and the others go ahead.
    """
    if "apply" in request.POST:
        form = RejectForm(request.POST)
        if form.is_valid():
            rejected = 0
            for row in queryset:
                try:
                    reject(row, form.cleaned_data["reason"])
                except ValidationError as error:
                    modeladmin.message_user(request, "; ".join(error.messages), messages.ERROR)
                else:
                    rejected += 1
            modeladmin.message_user(request, done_message(rejected))
            return None
    else:
        form = RejectForm()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "explanation": explanation,
        "names": names,
        "opts": modeladmin.model._meta,
        "form": form,
        "cancel_url": cancel_url,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "index": request.POST.get("index", "0"),
    }
    return TemplateResponse(request, "admin/foreninger/reject_with_reason.html", context)
