"""The centre's own pages: home, about, privacy policy, accessibility statement, and the
machine paths (healthz, robots.txt)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from foreninger import search as guide_search

from ..centre import get_centre
from ..lib.cache import cache_public_page


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
