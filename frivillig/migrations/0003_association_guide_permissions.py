"""Staff run the association guide: every permission on its models."""

from django.db import migrations

from frivillig.roles import STAFF, grant_permissions

MODELS = [
    "association",
    "associationcontact",
    "category",
    "targetgroup",
    "area",
    "volunteeropportunity",
]
PERMISSIONS = {
    STAFF: [
        f"foreninger.{action}_{model}"
        for model in MODELS
        for action in ("view", "add", "change", "delete")
    ]
}


def grant(apps, schema_editor):
    grant_permissions(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("frivillig", "0002_roles"),
        ("foreninger", "0003_vocabularies"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
