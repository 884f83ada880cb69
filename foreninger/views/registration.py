"""The public form to register a new association in the guide."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from frivillig.lib.forms import posted
from frivillig.lib.ratelimit import public_form_ratelimit

from ..forms.public import RegistrationForm
from ..guide_cache import guide_generation, guide_page
from ..services.registration import submit_registration


@guide_page()
@require_http_methods(["GET", "POST"])
@public_form_ratelimit
def register_association(request):
    form = RegistrationForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            submit_registration(
                form=form, user=request.user, base_url=request.build_absolute_uri("/")
            )
        return redirect("foreninger:register_thanks")
    # The empty form's rendering is cached; its choices change with the vocabularies.
    context = {"form": form, "generation": guide_generation()}
    return render(request, "foreninger/registration/register.html", context)


def register_thanks(request):
    return render(request, "foreninger/registration/thanks.html", {})
