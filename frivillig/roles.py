"""The four roles people have on the site, as Django groups.

The groups and their model permissions are created by data migrations (see
``frivillig/migrations/0002_roles.py``); later apps grant their own permissions in their own
migrations with ``grant_permissions``.
"""

from django.utils.translation import gettext_lazy as _

STAFF = "Personale"
BOARD = "Bestyrelse"
ASSOCIATION_CONTACT = "Foreningskontakt"
FACILITATOR = "Tovholder"

ROLE_DESCRIPTIONS = {
    STAFF: _("Staff: run everything in the admin."),
    BOARD: _("Board member: reads the board's reports, never personal data."),
    ASSOCIATION_CONTACT: _("Association contact: keeps their association's listing current."),
    FACILITATOR: _("Facilitator: sees their own self-help groups."),
}

#: Roles whose members work in the admin.
ADMIN_ROLES = {STAFF}

#: What each role may do once every migration has run. A capability that adds
#: permissions grants them in a data migration of its own and adds them here as well;
#: ``frivillig/tests/test_roles.py`` checks that the two agree.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    STAFF: [
        "frivillig.view_centreprofile",
        "frivillig.change_centreprofile",
        "frivillig.view_invitation",
        "frivillig.add_invitation",
        "frivillig.change_invitation",
        "frivillig.view_board_reports",
        "frivillig.view_outgoingmail",
        "frivillig.delete_outgoingmail",
        "frivillig.view_sentmaillog",
        "auth.view_user",
        "auth.change_user",
        "auth.view_group",
        *[
            f"foreninger.{action}_{model}"
            for model in (
                "association",
                "associationcontact",
                "category",
                "targetgroup",
                "area",
                "volunteeropportunity",
                "advicerequest",
                "associationrevision",
                "volunteeroffer",
                "membership",
            )
            for action in ("view", "add", "change", "delete")
        ],
    ],
    BOARD: ["frivillig.view_board_reports"],
    ASSOCIATION_CONTACT: [],
    FACILITATOR: [],
}


def ensure_roles_exist(*, using: str = "default") -> None:
    """Recreate any role group that is missing, with its permissions.

    Runs after every ``migrate`` and ``flush`` (post_migrate): a flushed test database or
    a group deleted by mistake comes back. Existing groups are left as staff made them.
    """
    from django.contrib.auth.models import Group, Permission

    for role, permission_names in ROLE_PERMISSIONS.items():
        if Group.objects.using(using).filter(name=role).exists():
            continue
        group = Group.objects.using(using).create(name=role)
        for name in permission_names:
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.using(using).get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def grant_permissions(apps, schema_editor, role_permissions: dict[str, list[str]]) -> None:
    """Create the roles and give each the listed ``app_label.codename`` permissions.

    Meant for data migrations: permissions are normally created after all migrations
    have run, so the ones asked for are created here first.
    """
    from django.contrib.auth.management import create_permissions

    db_alias = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=db_alias)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, permission_names in role_permissions.items():
        group, _created = Group.objects.using(db_alias).get_or_create(name=role)
        for name in permission_names:
            app_label, codename = name.split(".")
            permission = Permission.objects.using(db_alias).get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)
