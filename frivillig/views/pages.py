from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import PasswordResetView
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from foreninger import search as guide_search

from ..centre import get_centre
from ..forms.accounts import AcceptInvitationForm
from ..lib.cache import cache_public_page
from ..services import invitations as services


@cache_public_page("centre", "guide")
def home(request):
    # The opportunities are a lazy query, run only when the cached fragment has expired.
    context = {
        "newest_opportunities": guide_search.newest_opportunities(),
        "opportunities_version": guide_search.newest_opportunities_version(),
    }
    return render(request, "frivillig/home.html", context)


@cache_public_page("centre")
def about(request):
    centre = get_centre(request)
    return render(request, "frivillig/about.html", {"text": centre.localized("about_text")})


def _centre_text_page(request, *, field: str, heading: str):
    text = get_centre(request).localized(field)
    return render(request, "frivillig/text_page.html", {"heading": heading, "text": text})


@cache_public_page("centre")
def privacy_policy(request):
    return _centre_text_page(request, field="privacy_policy", heading=_("Privacy policy"))


@cache_public_page("centre")
def accessibility_statement(request):
    return _centre_text_page(
        request, field="accessibility_statement", heading=_("Accessibility statement")
    )


@require_GET
def healthz(request):
    """Liveness for the proxy or orchestrator: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /en/konto/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request, token: str):
    invitation = services.find_usable_invitation(token)
    if invitation is None:
        return render(request, "frivillig/invitation_invalid.html", {}, status=404)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation=invitation,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("frivillig:home")
        login(request, user, backend="frivillig.backends.EmailOrUsernameBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("admin:index" if user.is_staff else "frivillig:home")
    return render(
        request, "frivillig/invitation_accept.html", {"form": form, "invitation": invitation}
    )


class CentrePasswordResetView(PasswordResetView):
    """Django's reset view, with the email signed by the centre rather than the host name."""

    def form_valid(self, form):
        self.extra_email_context = {"site_name": get_centre(self.request).name}
        return super().form_valid(form)


def rate_limited(request, exception):
    """A public form was sent too often from one address (django-ratelimit)."""
    return render(request, "429.html", {}, status=429)


def site_search(request):
    """One search over every part of the site; each app answers through its search.py."""
    query = request.GET.get("q", "").strip()[:200]
    sections = guide_search.site_search(query) if query else []
    labels = {
        "associations": _("Associations"),
        "opportunities": _("Volunteer opportunities"),
    }
    for section in sections:
        section["label"] = labels[section["kind"]]
    context = {
        "query": query,
        "sections": sections,
        "total": sum(section["count"] for section in sections),
    }
    return render(request, "frivillig/search.html", context)
