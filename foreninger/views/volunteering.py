"""Volunteer opportunities (/frivillig/): the list with search and filters, one
opportunity, and the "I want to help" form that becomes an offer for the association."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_http_methods

from frivillig.lib.ratelimit import public_form_ratelimit

from ..forms.filters import OpportunityFilterForm, query_without
from ..forms.public import OfferForm
from ..guide_cache import cached_list_page, guide_generation, guide_page
from ..models import VolunteerOpportunity
from ..services.offers import make_offer
from ..services.opportunities import filter_opportunities
from ..vocabularies import guide_vocabularies

PAGE_SIZE = 20
#: The URL's filter parameters, in the order the filter panel shows them.
FILTER_PARAMS = ("maalgruppe", "kategori", "omraade")


def _active_filters(request, form) -> list[dict]:
    data = form.cleaned_data
    active = []
    if data.get("q"):
        active.append({"label": f"“{data['q']}”", "url": query_without(request, "q")})
    for param in FILTER_PARAMS:
        labels = dict(form.fields[param].choices)
        for slug in data.get(param) or []:
            active.append({"label": labels[slug], "url": query_without(request, param, slug)})
    return active


def _opportunity_list_body(request) -> dict:
    """Filter, search and paginate; the rendered body and what the page's title needs."""
    form = OpportunityFilterForm(request.GET, **guide_vocabularies())
    form.is_valid()  # never fails; values that did not clean are left out
    data = form.cleaned_data
    opportunities = filter_opportunities(
        VolunteerOpportunity.objects.open_to_the_public()
        .select_related("association", "association__area")
        .prefetch_related("suitable_for"),
        target_groups=data.get("maalgruppe") or (),
        categories=data.get("kategori") or (),
        areas=data.get("omraade") or (),
        query=data.get("q") or "",
    )
    page = Paginator(opportunities, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "opportunities": page.object_list,
        "choice_fields": [form[param] for param in FILTER_PARAMS],
        "active_filters": _active_filters(request, form),
        "panel_filter_count": sum(len(data.get(param) or []) for param in FILTER_PARAMS),
        "query": data.get("q") or "",
    }
    return {
        "body": render_to_string(
            "foreninger/volunteering/includes/opportunity_list_body.html", context, request
        ),
        "query": context["query"],
        "page_number": page.number,
    }


#: The query-string parameters the list reads; any other is ignored (and not cached).
OPPORTUNITY_LIST_PARAMS = [*OpportunityFilterForm.base_fields, "page"]


@guide_page(params=OPPORTUNITY_LIST_PARAMS)
@require_GET
def opportunity_list(request):
    # Cached like the guide's list; closing dates make the rows depend on the day too.
    scope = f"opportunities:{timezone.localdate().isoformat()}"
    page = cached_list_page(
        request, scope=scope, params=OPPORTUNITY_LIST_PARAMS, build=_opportunity_list_body
    )
    return render(request, "foreninger/volunteering/opportunity_list.html", page)


OPPORTUNITY_PAGE_FIELDS = [
    "title",
    "description",
    "time_commitment",
    "when",
    "where",
    "contact_name",
    "contact_email",
    "is_active",
    "closes_on",
    "updated_at",
    "association__name",
    "association__email",
    "association__slug",
    "association__status",
]


def _public_opportunity(pk: int) -> VolunteerOpportunity:
    return get_object_or_404(
        VolunteerOpportunity.objects.open_to_the_public()
        .select_related("association")
        # What the page shows of the association: its name and a link (a busy page; the
        # association's long texts and search vector are heavy).
        .only(*OPPORTUNITY_PAGE_FIELDS),
        pk=pk,
    )


@guide_page()
@require_http_methods(["GET", "POST"])
@public_form_ratelimit
def opportunity_detail(request, pk: int):
    opportunity = _public_opportunity(pk)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            try:
                make_offer(
                    opportunity=opportunity,
                    cleaned_data=form.cleaned_data,
                    language=translation.get_language() or "da",
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                # Closed between the page load and now: the form says so.
                form.add_error(None, error)
        if not form.errors:
            return redirect("foreninger:offer_thanks", pk=opportunity.pk)
    context = {
        "opportunity": opportunity,
        "association": opportunity.association,
        "form": form,
        # The task's description and the empty form are cached fragments (the template).
        "generation": guide_generation(),
    }
    return render(request, "foreninger/volunteering/opportunity_detail.html", context)


@require_GET
def offer_thanks(request, pk: int):
    opportunity = VolunteerOpportunity.objects.select_related("association").filter(pk=pk).first()
    if opportunity is None or not opportunity.association.is_public:
        raise Http404
    context = {"opportunity": opportunity, "association": opportunity.association}
    return render(request, "foreninger/volunteering/offer_thanks.html", context)
