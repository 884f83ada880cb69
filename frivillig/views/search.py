"""The one search box over every part of the site."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from foreninger import search as guide_search


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
