import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from frivillig.demo import DEMO_PASSWORD, DEMO_USERS
from frivillig.models import CentreProfile


def test_seed_demo_fills_the_centre_and_one_login_per_role(db, settings, capsys):
    settings.DEBUG = True

    call_command("seed_demo")

    centre = CentreProfile.objects.get()
    assert centre.name == "Frivilligcenter Eksempelby"
    assert centre.logo
    User = get_user_model()
    for username, _first, _last, role in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        if role:
            assert list(user.groups.values_list("name", flat=True)) == [role]
    assert "Demo logins" in capsys.readouterr().out


def test_seed_demo_is_safe_to_run_twice(db, settings):
    settings.DEBUG = True

    call_command("seed_demo")
    call_command("seed_demo")

    assert CentreProfile.objects.count() == 1
    assert get_user_model().objects.count() == len(DEMO_USERS)


def test_seed_demo_keeps_a_centre_staff_have_edited(db, settings):
    settings.DEBUG = True
    CentreProfile.objects.create(name="Frivilligcenter Rigtig")

    call_command("seed_demo", "--if-empty")

    assert CentreProfile.objects.get().name == "Frivilligcenter Rigtig"


def test_demo_logins_are_not_created_with_debug_off(db, settings, capsys):
    settings.DEBUG = False

    call_command("seed_demo")

    assert not get_user_model().objects.exists()
    assert "were not created" in capsys.readouterr().out


def test_demo_logins_can_be_forced_on_a_private_test_server(db, settings):
    settings.DEBUG = False

    call_command("seed_demo", "--force-demo-users")

    assert get_user_model().objects.filter(username="admin", is_superuser=True).exists()


@pytest.mark.parametrize("runs", [1, 2])
def test_seed_bench_makes_many_contacts_and_is_safe_to_repeat(db, runs):
    for _run in range(runs):
        call_command("seed_bench", "--users", "50")

    contacts = get_user_model().objects.filter(groups__name="Foreningskontakt")
    assert contacts.count() == 50
