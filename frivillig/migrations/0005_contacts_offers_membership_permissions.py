"""Staff review listing versions, follow up offers to help and keep the membership records."""

from django.db import migrations

from frivillig.roles import STAFF, grant_permissions

PERMISSIONS = {
    STAFF: [
        f"foreninger.{action}_{model}"
        for model in ("associationrevision", "volunteeroffer", "membership")
        for action in ("view", "add", "change", "delete")
    ]
}


def grant(apps, schema_editor):
    grant_permissions(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("frivillig", "0004_advice_request_permissions"),
        ("foreninger", "0005_contacts_offers_memberships"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
