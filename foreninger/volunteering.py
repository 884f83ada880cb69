"""Volunteer opportunities (/frivillig/): the list with search and filters, one
opportunity, and the "I want to help" form that becomes an offer for the association."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from .forms import LenientMultipleChoiceField, VocabularyFilterForm, query_without
from .guide_cache import cached_list_page, guide_generation
from .models import Association, VolunteerOffer, VolunteerOpportunity
from .offers import make_offer
from .search import search_terms
from .services import one_line
from .spam import HoneypotMixin
from .vocabularies import guide_vocabularies

PAGE_SIZE = 20
#: The URL's filter parameters, in the order the filter panel shows them.
FILTER_PARAMS = ("maalgruppe", "kategori", "omraade")


class OpportunityFilterForm(VocabularyFilterForm):
    """Search and filters of /frivillig/: the target group is who the task suits."""

    maalgruppe = LenientMultipleChoiceField(
        label=gettext_lazy("Suitable for"), required=False, widget=forms.CheckboxSelectMultiple
    )


def filter_opportunities(
    queryset,
    *,
    target_groups=(),
    categories=(),
    areas=(),
    query: str = "",
):
    """The filters combined: AND across kinds, OR within a kind (by slug)."""
    target_groups, categories, areas = list(target_groups), list(categories), list(areas)
    if target_groups:
        queryset = queryset.filter(
            pk__in=VolunteerOpportunity.suitable_for.through.objects.filter(
                targetgroup__slug__in=target_groups
            ).values("volunteeropportunity_id")
        )
    if categories:
        queryset = queryset.filter(
            association__in=Association.categories.through.objects.filter(
                category__slug__in=categories
            ).values("association_id")
        )
    if areas:
        queryset = queryset.filter(association__area__slug__in=areas)
    for term in search_terms(query):
        queryset = queryset.filter(
            Q(title__icontains=term)
            | Q(description__icontains=term)
            | Q(time_commitment__icontains=term)
            | Q(association__name__icontains=term)
        )
    return queryset.order_by("-created_at", "-pk")


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


@require_GET
def opportunity_list(request):
    # Cached like the guide's list; closing dates make the rows depend on the day too.
    scope = f"opportunities:{timezone.localdate().isoformat()}"
    page = cached_list_page(request, scope=scope, build=_opportunity_list_body)
    return render(request, "foreninger/volunteering/opportunity_list.html", page)


class OfferForm(HoneypotMixin, forms.ModelForm):
    """ "I want to help": what the association needs to answer the volunteer."""

    consent = forms.BooleanField(
        label=gettext_lazy(
            "The association and the centre may store my details to answer my offer. "
            "They are deleted after a year."
        ),
        error_messages={"required": gettext_lazy("We need your consent to pass on your offer.")},
    )

    class Meta:
        model = VolunteerOffer
        fields = ["name", "email", "phone", "message"]
        labels = {
            "name": gettext_lazy("Your name"),
            "email": gettext_lazy("Your email"),
            "phone": gettext_lazy("Phone (optional)"),
            "message": gettext_lazy("Message to the association"),
        }
        help_texts = {
            "message": gettext_lazy(
                "Tell them a little about yourself and when you could help. "
                "Do not write about your health."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}

    def clean_name(self):
        # A name is one line; it goes into mail headers' neighbourhood (subjects, lists).
        return one_line(self.cleaned_data["name"])


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


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=True)
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
