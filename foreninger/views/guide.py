"""The public association guide: the list with search and filters, and one association."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from ..forms.filters import ALPHABET, GuideFilterForm, query_without
from ..guide_cache import cached_detail, cached_list_page, guide_page
from ..models import Association, VolunteerOpportunity
from ..rendering import (
    association_json_ld,
    description_html,
    json_ld_script,
    openstreetmap_url,
    postal_address,
    tel_href,
)
from ..search import filter_guide
from ..vocabularies import guide_vocabularies

PAGE_SIZE = 20


def _active_filters(request, form, vocabularies) -> list[dict]:
    data = form.cleaned_data
    names = {
        "kategori": {c.slug: c.display_name for c in vocabularies["categories"]},
        "maalgruppe": {t.slug: t.display_name for t in vocabularies["target_groups"]},
        "omraade": {a.slug: a.display_name for a in vocabularies["areas"]},
    }
    active = []
    if data.get("q"):
        active.append({"label": f"“{data['q']}”", "url": query_without(request, "q")})
    for param, labels in names.items():
        for slug in data.get(param) or []:
            active.append({"label": labels[slug], "url": query_without(request, param, slug)})
    for param in ("frivillige", "trinfri"):
        if data.get(param):
            active.append({"label": form.fields[param].label, "url": query_without(request, param)})
    if data.get("bogstav"):
        active.append({"label": data["bogstav"], "url": query_without(request, "bogstav")})
    return active


def _guide_body(request) -> dict:
    """Filter, search and paginate; the rendered body and what the page's title needs."""
    vocabularies = guide_vocabularies()
    form = GuideFilterForm(request.GET, **vocabularies)
    form.is_valid()  # never fails; values that did not clean are left out
    data = form.cleaned_data
    associations = filter_guide(
        Association.objects.for_public_list().defer("description", "search_vector"),
        categories=data.get("kategori") or (),
        target_groups=data.get("maalgruppe") or (),
        areas=data.get("omraade") or (),
        looking_for_volunteers=bool(data.get("frivillige")),
        step_free=bool(data.get("trinfri")),
        letter=data.get("bogstav") or "",
        query=data.get("q") or "",
    )
    page = Paginator(associations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "associations": page.object_list,
        "choice_fields": [form["kategori"], form["maalgruppe"], form["omraade"]],
        "active_filters": _active_filters(request, form, vocabularies),
        # Filters set in the (on small screens collapsible) filter panel: not q, not A-Z.
        "panel_filter_count": sum(
            len(data.get(name) or []) for name in ("kategori", "maalgruppe", "omraade")
        )
        + bool(data.get("frivillige"))
        + bool(data.get("trinfri")),
        "alphabet": ALPHABET,
        "letter": data.get("bogstav") or "",
        "query": data.get("q") or "",
    }
    return {
        "body": render_to_string("foreninger/includes/guide_body.html", context, request),
        "query": context["query"],
        "page_number": page.number,
    }


#: The query-string parameters the guide reads; any other is ignored (and not cached).
GUIDE_PARAMS = [*GuideFilterForm.base_fields, "page"]


@guide_page(params=GUIDE_PARAMS)
def association_list(request):
    # The rendered body is cached per filter combination (see guide_cache.py).
    guide = cached_list_page(request, scope="guide", params=GUIDE_PARAMS, build=_guide_body)
    return render(request, "foreninger/association_list.html", guide)


def _detail_page(request, pk: int) -> dict:
    association = (
        Association.objects.select_related("area")
        .prefetch_related("categories", "target_groups")
        .defer("search_vector")
        .get(pk=pk)
    )
    opportunities = list(
        VolunteerOpportunity.objects.open_to_the_public()
        .filter(association=association)
        .order_by("-created_at")
    )
    page_url = request.build_absolute_uri(association.get_absolute_url())
    logo_url = request.build_absolute_uri(association.logo.url) if association.logo else ""
    context = {
        "association": association,
        "description_html": description_html(association),
        "opportunities": opportunities,
        "address": postal_address(association),
        "map_url": openstreetmap_url(association),
        "tel_href": tel_href(association.phone),
    }
    return {
        "name": association.name,
        "short_description": association.short_description,
        "json_ld": json_ld_script(
            association_json_ld(association, page_url=page_url, logo_url=logo_url)
        ),
        "body": render_to_string("foreninger/includes/association_body.html", context, request),
    }


@guide_page()
def association_detail(request, slug):
    # Whether the association is public is asked every time a page is built; its rendered
    # body is cached until the guide changes (see guide_cache.py).
    association = get_object_or_404(
        Association.objects.published().only("pk", "updated_at"), slug=slug
    )
    page = cached_detail(
        "association",
        association.pk,
        request.build_absolute_uri("/"),
        build=lambda: _detail_page(request, association.pk),
    )
    return render(request, "foreninger/association_detail.html", page)
