"""Which volunteer opportunities a public list shows for its filters and search."""

from django.db.models import Q

from ..models import Association, VolunteerOpportunity
from ..search import search_terms


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
