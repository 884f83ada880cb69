"""Project-wide pytest fixtures: one user per role, uploads kept out of the repo."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse
# to run there during live_server setup without this (see ../shared/reference/toolchain.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    from django.core.cache import cache

    # The centre profile is cached per process; each test starts from its own database.
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    # Real password hashing costs ~0.3 s a user; tests check behaviour, not the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def centre(db):
    from frivillig import demo

    return demo.seed_centre()


def _user_with_role(django_user_model, username, role=None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="correct-horse-9", **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def staff_user(db, django_user_model):
    from frivillig.roles import STAFF

    return _user_with_role(django_user_model, "staff", STAFF, is_staff=True)


@pytest.fixture
def board_user(db, django_user_model):
    from frivillig.roles import BOARD

    return _user_with_role(django_user_model, "board", BOARD)


@pytest.fixture
def contact_user(db, django_user_model):
    from frivillig.roles import ASSOCIATION_CONTACT

    return _user_with_role(django_user_model, "contact", ASSOCIATION_CONTACT)


@pytest.fixture
def facilitator_user(db, django_user_model):
    from frivillig.roles import FACILITATOR

    return _user_with_role(django_user_model, "facilitator", FACILITATOR)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", email="root@example.org", password="correct-horse-9"
    )
