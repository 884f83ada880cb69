"""Staff handle the association service's advice requests."""

from django.db import migrations

from frivillig.roles import STAFF, grant_permissions

PERMISSIONS = {
    STAFF: [
        f"foreninger.{action}_advicerequest" for action in ("view", "add", "change", "delete")
    ]
}


def grant(apps, schema_editor):
    grant_permissions(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("frivillig", "0003_association_guide_permissions"),
        ("foreninger", "0004_advice_requests"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
