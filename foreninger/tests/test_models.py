import pytest
from django.db import IntegrityError
from django.utils import translation

from foreninger.models import Association, Category, VolunteerOpportunity
from foreninger.tests.factories import make_association, make_contact, make_opportunity


def test_default_vocabularies_are_installed_by_migration(db):
    assert Category.objects.count() == 12
    assert Category.objects.get(slug="social").name == "Socialt"


def test_category_shows_its_english_name_on_english_pages(db):
    category = Category.objects.get(slug="idraet")

    with translation.override("en"):
        assert str(category) == "Sport and exercise"
    with translation.override("da"):
        assert str(category) == "Idræt og motion"


@pytest.mark.parametrize(
    ("name", "letter"), [("Ærøs venner", "Æ"), ("øresund", "Ø"), ("Å-laug", "Å"), ("4H", "#")]
)
def test_association_is_listed_under_its_first_letter(name, letter):
    assert Association(name=name).letter == letter


def test_only_published_associations_are_public(db):
    for status in Association.Status.values:
        make_association(status, slug=status, status=status)

    assert list(Association.objects.published().values_list("slug", flat=True)) == ["published"]


def test_a_user_is_contact_of_an_association_once(db, contact_user):
    association = make_association("A")
    make_contact(association, contact_user)

    with pytest.raises(IntegrityError):
        make_contact(association, contact_user)


def test_founded_year_is_checked_by_the_database(db):
    with pytest.raises(IntegrityError):
        make_association("A", founded_year=1200)


def test_closed_or_inactive_opportunities_are_not_public(db):
    from datetime import timedelta

    from django.utils import timezone

    published = make_association("P")
    draft = make_association("D", status=Association.Status.DRAFT)
    yesterday = timezone.localdate() - timedelta(days=1)

    make_opportunity(published, title="open")
    make_opportunity(published, title="closed", closes_on=yesterday)
    make_opportunity(published, title="inactive", is_active=False)
    make_opportunity(draft, title="draft association")

    titles = VolunteerOpportunity.objects.open_to_the_public().values_list("title", flat=True)
    assert list(titles) == ["open"]


def test_default_vocabularies_come_back_after_a_flush(db):
    from django.core.management import call_command

    Category.objects.all().delete()

    call_command("migrate", verbosity=0)

    assert Category.objects.filter(slug="social").exists()


def test_edited_vocabularies_are_left_alone_by_migrate(db):
    from django.core.management import call_command

    Category.objects.exclude(slug="social").delete()

    call_command("migrate", verbosity=0)

    assert list(Category.objects.values_list("slug", flat=True)) == ["social"]
