"""The default categories, target groups and area; staff edit them in the admin."""

from django.db import migrations

CATEGORIES = [
    ("social", "Socialt", "Social"),
    ("kultur", "Kultur", "Culture"),
    ("idraet", "Idræt og motion", "Sport and exercise"),
    ("sundhed", "Sundhed og patientforeninger", "Health and patients"),
    ("boern-unge", "Børn og unge", "Children and youth"),
    ("seniorer", "Seniorer", "Seniors"),
    ("natur-miljoe", "Natur og miljø", "Nature and environment"),
    ("uddannelse", "Uddannelse og oplysning", "Education"),
    ("tro", "Tro og livssyn", "Faith"),
    ("internationalt", "Internationalt og nydanskere", "International and newcomers"),
    ("lokalsamfund", "Lokalsamfund", "Local community"),
    ("andet", "Andet", "Other"),
]
TARGET_GROUPS = [
    ("boern", "Børn", "Children"),
    ("unge", "Unge", "Young people"),
    ("familier", "Familier", "Families"),
    ("voksne", "Voksne", "Adults"),
    ("seniorer", "Seniorer", "Seniors"),
    ("handicap", "Mennesker med handicap", "People with disabilities"),
    ("nydanskere", "Nydanskere", "Newcomers"),
    ("paaroerende", "Pårørende", "Relatives and carers"),
    ("alle", "Alle", "Everyone"),
]
AREAS = [("hele-kommunen", "Hele kommunen", "The whole municipality")]


def create(apps, schema_editor):
    for model_name, rows in (
        ("Category", CATEGORIES),
        ("TargetGroup", TARGET_GROUPS),
        ("Area", AREAS),
    ):
        model = apps.get_model("foreninger", model_name)
        for order, (slug, name, name_en) in enumerate(rows, start=1):
            model.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "order": order * 10}
            )


def remove(apps, schema_editor):
    for model_name, rows in (
        ("Category", CATEGORIES),
        ("TargetGroup", TARGET_GROUPS),
        ("Area", AREAS),
    ):
        model = apps.get_model("foreninger", model_name)
        model.objects.filter(slug__in=[slug for slug, _name, _en in rows]).delete()


class Migration(migrations.Migration):
    dependencies = [("foreninger", "0002_postgres_search_indexes")]

    operations = [migrations.RunPython(create, remove)]
