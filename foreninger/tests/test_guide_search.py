"""Searching the guide: PostgreSQL full-text search (Danish) and the SQLite fallback."""

import pytest
from django.db import connection

from foreninger.models import Association
from foreninger.search import refresh_search_vector, search_associations, search_terms
from foreninger.tests.factories import category, make_association

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")


def found(query: str) -> list[str]:
    return [a.name for a in search_associations(Association.objects.published(), query)]


def test_search_terms_are_words_only():
    assert search_terms("Sorg & gruppe | !x:* 'a'") == ["sorg", "gruppe", "x", "a"]
    assert search_terms("") == []
    assert search_terms("<script>") == ["script"]
    assert len(search_terms("ord " * 5000)) <= 8


def test_empty_query_returns_everything():
    make_association("Alfa")
    assert found("") == ["Alfa"]
    assert found("  !!  ") == ["Alfa"]


def test_search_finds_words_in_name_descriptions_and_categories():
    make_association("Skakklubben", short_description="Vi spiller skak.")
    make_association("Koret", short_description="Vi synger.", description="Øver med en dirigent")
    make_association("Hjælp", categories=[category("idraet")])
    assert found("skak") == ["Skakklubben"]
    assert found("dirigent") == ["Koret"]
    assert "Hjælp" in found("idræt")


def test_all_words_must_match():
    make_association("Herlev Skakklub")
    make_association("Herlev Kor")
    assert found("herlev skak") == ["Herlev Skakklub"]


def test_search_only_shows_published():
    make_association("Skak Offentlig")
    make_association("Skak Kladde", status=Association.Status.DRAFT)
    assert found("skak") == ["Skak Offentlig"]


@sqlite_only
def test_sqlite_fallback_is_case_insensitive_and_ordered_by_name():
    make_association("Sorggruppen")
    make_association("Anden sorg", short_description="For dig i SORG.")
    make_association("Skak")
    assert found("SORG") == ["Anden sorg", "Sorggruppen"]


@sqlite_only
def test_refresh_search_vector_does_nothing_on_sqlite():
    association = make_association("Noget")
    assert refresh_search_vector([association.pk]) == 0


@postgres_only
def test_danish_inflections_are_found():
    make_association("Foreningerne i Herlev", short_description="Et netværk.")
    make_association("Skakklubben", short_description="Vi spiller skak.")
    assert found("forening") == ["Foreningerne i Herlev"]
    assert found("foreninger") == ["Foreningerne i Herlev"]


@postgres_only
def test_prefix_finds_compound_words():
    make_association("Sorggruppen")
    make_association("Skakklubben")
    assert found("sorg") == ["Sorggruppen"]


@postgres_only
def test_one_letter_typo_still_finds_the_name():
    make_association("Sorggruppen Herlev")
    make_association("Skakklubben")
    assert found("Sorggrupen") == ["Sorggruppen Herlev"]
    assert found("Skakklubbenn") == ["Skakklubben"]


@postgres_only
def test_name_ranks_above_description():
    make_association("Andet", short_description="Noget", description="Vi spiller også skak")
    make_association("Skak for alle", short_description="Brætspil")
    assert found("skak") == ["Skak for alle", "Andet"]


@postgres_only
def test_vector_follows_saves_and_category_changes():
    association = make_association("Hyggeklubben")
    assert found("strik") == []
    association.short_description = "Vi strikker"
    association.save()
    assert found("strik") == ["Hyggeklubben"]
    culture = category("kultur")
    association.categories.add(culture)
    assert found("kultur") == ["Hyggeklubben"]
    association.categories.remove(culture)
    assert found("kultur") == []
    culture.associations.add(association)
    assert found("kultur") == ["Hyggeklubben"]


@postgres_only
def test_refresh_search_vector_for_all():
    association = make_association("Bulkforeningen")
    Association.objects.filter(pk=association.pk).update(search_vector=None)
    assert found("bulkforening") == ["Bulkforeningen"]  # trigram still matches the name
    assert refresh_search_vector() >= 1
    assert Association.objects.get(pk=association.pk).search_vector


@postgres_only
def test_search_query_uses_the_stored_vector_not_one_built_per_request():
    from django.test.utils import CaptureQueriesContext

    make_association("Sorggruppen")
    with CaptureQueriesContext(connection) as captured:
        found("sorg")
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "to_tsvector" not in sql
    assert "search_vector" in sql
