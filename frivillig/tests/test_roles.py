from django.contrib.auth.models import Group
from django.core.management import call_command

from frivillig.roles import ROLE_PERMISSIONS, ensure_roles_exist


def role_permissions() -> dict[str, set[str]]:
    return {
        group.name: {
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in group.permissions.select_related("content_type")
        }
        for group in Group.objects.filter(name__in=ROLE_PERMISSIONS)
    }


def test_migrations_give_each_role_exactly_the_permissions_roles_py_lists(db):
    assert role_permissions() == {
        role: set(permissions) for role, permissions in ROLE_PERMISSIONS.items()
    }


def test_a_deleted_role_comes_back_with_its_permissions_after_migrate(db):
    Group.objects.filter(name="Bestyrelse").delete()

    call_command("migrate", verbosity=0)

    assert role_permissions()["Bestyrelse"] == {"frivillig.view_board_reports"}


def test_existing_roles_are_left_as_staff_made_them(db):
    board = Group.objects.get(name="Bestyrelse")
    board.permissions.clear()

    ensure_roles_exist()

    assert role_permissions()["Bestyrelse"] == set()
