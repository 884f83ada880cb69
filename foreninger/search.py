"""Searching the association guide.

PostgreSQL: the stored, GIN-indexed ``Association.search_vector`` (Danish configuration,
weights name A, short description B, description and categories C), queried with a prefix
query so "sorg" finds "Sorggruppen", matches ordered by rank; when nothing matches, trigram
word similarity on the name, so small typos still find the association. SQLite
(development): every word must occur, case-insensitively, in the name, short description,
description or a category name.

``refresh_search_vector`` keeps the stored vector current; foreninger/signals.py calls it on
every save and category change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

# A search box, not a document: longer input is cut, and at most this many words are used.
MAX_QUERY_CHARS = 200
MAX_TERMS = 8

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """The words of a user's query: letters and digits only, so nothing reaches SQL raw."""
    words = _WORD.findall((query or "")[:MAX_QUERY_CHARS].lower())
    seen: list[str] = []
    for word in words:
        word = word.strip("_")
        if word and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def search_associations(queryset: QuerySet, query: str) -> QuerySet:
    """``queryset`` narrowed to the associations matching ``query``, best first.

    An empty query (or one without any word) returns ``queryset`` unchanged.
    """
    terms = search_terms(query)
    if not terms:
        return queryset
    if uses_postgres_search():
        return _postgres_search(queryset, terms)
    return _fallback_search(queryset, terms)


def _prefix_tsquery(terms: list[str]) -> str:
    # Terms are \w+ only, so they carry no tsquery operators; quoting keeps them literal.
    return " & ".join(f"'{term}':*" for term in terms)


def _postgres_search(queryset: QuerySet, terms: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity

    tsquery = SearchQuery(_prefix_tsquery(terms), search_type="raw", config="danish")
    matches = queryset.filter(search_vector=tsquery)
    if matches.exists():
        return matches.annotate(rank=SearchRank(F("search_vector"), tsquery)).order_by(
            "-rank", "name", "pk"
        )
    # Nothing matched: perhaps a typo. Names that are similar enough (pg_trgm's
    # word_similarity_threshold, 0.6 by default), most similar first. Only here, because
    # word_similarity on every row would cost more than the full-text match itself.
    text = " ".join(terms)
    return (
        queryset.filter(name__trigram_word_similar=text)
        .annotate(rank=TrigramWordSimilarity(text, "name"))
        .order_by("-rank", "name", "pk")
    )


def _fallback_search(queryset: QuerySet, terms: list[str]) -> QuerySet:
    from .models import Association

    for term in terms:
        matching_categories = Association.categories.through.objects.filter(
            category__name__icontains=term
        ).values("association_id")
        queryset = queryset.filter(
            Q(name__icontains=term)
            | Q(short_description__icontains=term)
            | Q(description__icontains=term)
            | Q(pk__in=matching_categories)
        )
    return queryset.order_by("name", "pk")


def filter_guide(
    queryset: QuerySet,
    *,
    categories: Iterable[str] = (),
    target_groups: Iterable[str] = (),
    areas: Iterable[str] = (),
    looking_for_volunteers: bool = False,
    step_free: bool = False,
    letter: str = "",
    query: str = "",
) -> QuerySet:
    """The guide's filters, combined: AND across kinds, OR within a kind (by slug)."""
    from .models import Association

    categories, target_groups, areas = list(categories), list(target_groups), list(areas)
    if categories:
        queryset = queryset.filter(
            pk__in=Association.categories.through.objects.filter(
                category__slug__in=categories
            ).values("association_id")
        )
    if target_groups:
        queryset = queryset.filter(
            pk__in=Association.target_groups.through.objects.filter(
                targetgroup__slug__in=target_groups
            ).values("association_id")
        )
    if areas:
        queryset = queryset.filter(area__slug__in=areas)
    if looking_for_volunteers:
        queryset = queryset.filter(looking_for_volunteers=True)
    if step_free:
        queryset = queryset.filter(step_free_access=True)
    if letter:
        # Both cases, spelled out: SQLite's LIKE and UPPER() fold ASCII letters only.
        queryset = queryset.filter(
            Q(name__startswith=letter.upper()) | Q(name__startswith=letter.lower())
        )
    if query:
        return search_associations(queryset, query)
    return queryset.order_by("name", "pk")


def refresh_search_vector(association_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored search vector of these associations (all when None).

    One UPDATE; category names come from a subquery. Does nothing on SQLite. Returns the
    number of rows updated.
    """
    if not uses_postgres_search():
        return 0
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector

    from .models import Association, Category

    category_names = (
        Category.objects.filter(associations=OuterRef("pk"))
        .values("associations")
        .annotate(names=StringAgg(Concat("name", Value(" "), "name_en"), delimiter=" "))
        .values("names")
    )
    vector = (
        SearchVector("name", weight="A", config="danish")
        + SearchVector("short_description", weight="B", config="danish")
        + SearchVector("description", weight="C", config="danish")
        + SearchVector(
            Coalesce(Subquery(category_names), Value(""), output_field=TextField()),
            weight="C",
            config="danish",
        )
    )
    rows = Association.objects.all()
    if association_ids is not None:
        ids = list(association_ids)
        if not ids:
            return 0
        rows = rows.filter(pk__in=ids)
    return rows.update(search_vector=vector)


def _search_opportunities(terms: list[str]) -> QuerySet:
    from .models import VolunteerOpportunity

    queryset = VolunteerOpportunity.objects.open_to_the_public().select_related("association")
    for term in terms:
        queryset = queryset.filter(
            Q(title__icontains=term)
            | Q(description__icontains=term)
            | Q(association__name__icontains=term)
        )
    return queryset.order_by("-created_at")


def site_search(query: str, *, limit: int = 5) -> list[dict]:
    """This app's part of the site search (/soeg/): associations, then volunteer work.

    Each section is a dict: ``kind``, ``count``, ``items`` (at most ``limit``, each with
    ``title``, ``url`` and ``summary``) and ``more_url`` (the full, paginated list) or None.
    """
    from urllib.parse import urlencode

    from django.urls import reverse

    from .models import Association

    terms = search_terms(query)
    if not terms:
        return []
    associations = search_associations(Association.objects.published(), query)
    opportunities = _search_opportunities(terms)
    return [
        {
            "kind": "associations",
            "count": associations.count(),
            "items": [
                {
                    "title": association.name,
                    "url": association.get_absolute_url(),
                    "summary": association.short_description,
                }
                for association in associations[:limit]
            ],
            "more_url": reverse("foreninger:list") + "?" + urlencode({"q": query[:200]}),
        },
        {
            "kind": "opportunities",
            "count": opportunities.count(),
            "items": [
                {
                    "title": opportunity.title,
                    "url": opportunity.get_absolute_url(),
                    "summary": opportunity.association.name,
                }
                for opportunity in opportunities[:limit]
            ],
            "more_url": reverse("foreninger:opportunities") + "?" + urlencode({"q": query[:200]}),
        },
    ]


def newest_opportunities(limit: int = 4) -> QuerySet:
    """The newest volunteer opportunities open to the public, for the home page (lazy)."""
    from .models import VolunteerOpportunity

    return (
        VolunteerOpportunity.objects.open_to_the_public()
        .select_related("association")
        .only("pk", "title", "time_commitment", "created_at", "association", "association__name")
        .order_by("-created_at", "-pk")[:limit]
    )


def newest_opportunities_version() -> str:
    """Changes whenever ``newest_opportunities`` may: on any change to the guide (its
    generation) and at midnight (opportunities close by date). For caching the home page."""
    from django.utils import timezone

    from .guide_cache import guide_generation

    return f"{guide_generation()}:{timezone.localdate().isoformat()}"
