"""Project-wide pytest fixtures: one user per role, uploads kept out of the repo.

The rows a test needs come from the factories in foreninger/tests/factories.py, one per model
(users included); the fixtures here are made with them.
"""

import os
from collections.abc import Sequence

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse
# to run there during live_server setup without this (see ../shared/reference/toolchain.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _test_settings(request, settings, tmp_path):
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    # Pages are cached per worker and counters are shared; each test starts with neither.
    # (With DJANGO_CACHE_URL set, give the tests a Redis database of their own: it is flushed.)
    for alias in settings.CACHES:
        if not isinstance(caches[alias], DatabaseCache):
            caches[alias].clear()
        elif {"live_server", "transactional_db"} & set(request.fixturenames):
            # A database cache lives in the test database: a plain db test rolls it back.
            request.getfixturevalue("transactional_db")
            caches[alias].clear()
    # Every mail goes through the outbox, as in production; mailoutbox (below) drains it.
    settings.EMAIL_BACKEND = "frivillig.lib.mail.OutboxBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Real password hashing costs ~0.3 s a user; tests check behaviour, not the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def centre(db):
    from frivillig import demo

    return demo.seed_centre()


def _user_with_role(username, role=None, **extra):
    # The one user factory (foreninger/tests/factories.py); its password is PASSWORD there.
    from foreninger.tests.factories import make_user

    return make_user(username, role=role, **extra)


@pytest.fixture
def staff_user(db):
    from frivillig.roles import STAFF

    return _user_with_role("staff", STAFF, is_staff=True)


@pytest.fixture
def board_user(db):
    from frivillig.roles import BOARD

    return _user_with_role("board", BOARD)


@pytest.fixture
def contact_user(db):
    from frivillig.roles import ASSOCIATION_CONTACT

    return _user_with_role("contact", ASSOCIATION_CONTACT)


@pytest.fixture
def facilitator_user(db):
    from frivillig.roles import FACILITATOR

    return _user_with_role("facilitator", FACILITATOR)


@pytest.fixture
def superuser(db):
    from foreninger.tests.factories import make_user

    return make_user("root", is_staff=True, is_superuser=True)


class DrainedOutbox(Sequence):
    """The mail that has left the outbox, as a list; reading it first drains the outbox.

    A test's transaction never commits, so the send after commit never happens: reading
    this sends what is queued, as ``manage.py send_outbox`` would. Mail queued by a change
    that was rolled back is gone from the queue and never shows here.
    """

    def _sent(self) -> list:
        from django.core import mail

        from frivillig.lib.mail import send_queued

        send_queued()
        return mail.outbox

    def __getitem__(self, index):
        return self._sent()[index]

    def __len__(self):
        return len(self._sent())

    def __eq__(self, other):
        return list(self._sent()) == list(other)

    def __repr__(self):
        return repr(self._sent())

    def clear(self):
        from django.core import mail

        self._sent()
        mail.outbox.clear()


@pytest.fixture
def mailoutbox(_dj_autoclear_mailbox):
    return DrainedOutbox()
