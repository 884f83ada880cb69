import pytest
from django.db import IntegrityError
from django.utils import translation

from foreninger.models import Association, AssociationContact, Category, VolunteerOpportunity


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
        Association.objects.create(name=status, slug=status, short_description="x", status=status)

    assert list(Association.objects.published().values_list("slug", flat=True)) == ["published"]


def test_a_user_is_contact_of_an_association_once(db, contact_user):
    association = Association.objects.create(name="A", slug="a", short_description="x")
    AssociationContact.objects.create(association=association, user=contact_user)

    with pytest.raises(IntegrityError):
        AssociationContact.objects.create(association=association, user=contact_user)


def test_founded_year_is_checked_by_the_database(db):
    with pytest.raises(IntegrityError):
        Association.objects.create(name="A", slug="a", short_description="x", founded_year=1200)


def test_closed_or_inactive_opportunities_are_not_public(db):
    from datetime import timedelta

    from django.utils import timezone

    published = Association.objects.create(
        name="P", slug="p", short_description="x", status=Association.Status.PUBLISHED
    )
    draft = Association.objects.create(name="D", slug="d", short_description="x")
    yesterday = timezone.localdate() - timedelta(days=1)

    def make(title, association, **extra):
        return VolunteerOpportunity.objects.create(
            association=association,
            title=title,
            description="x",
            time_commitment="x",
            **extra,
        )

    make("open", published)
    make("closed", published, closes_on=yesterday)
    make("inactive", published, is_active=False)
    make("draft association", draft)

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
