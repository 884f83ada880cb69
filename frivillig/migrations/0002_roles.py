"""Create the four roles (groups) with the permissions the centre's own part needs.

Later apps grant their permissions to these groups in their own migrations.
"""

from django.db import migrations

from frivillig.roles import ASSOCIATION_CONTACT, BOARD, FACILITATOR, STAFF, grant_permissions

ROLE_PERMISSIONS = {
    STAFF: [
        "frivillig.view_centreprofile",
        "frivillig.change_centreprofile",
        "frivillig.view_invitation",
        "frivillig.add_invitation",
        "frivillig.change_invitation",
        "frivillig.view_board_reports",
        "auth.view_user",
        "auth.change_user",
        "auth.view_group",
    ],
    BOARD: ["frivillig.view_board_reports"],
    ASSOCIATION_CONTACT: [],
    FACILITATOR: [],
}


def create_roles(apps, schema_editor):
    grant_permissions(apps, schema_editor, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=list(ROLE_PERMISSIONS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("frivillig", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
