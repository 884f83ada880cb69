"""The test factories: one per model, each makes one saved object with sane defaults.

Every test module (and the root conftest's role fixtures) makes its rows through these, with
keyword overrides for what a test needs, rather than keeping a private copy. Times that the
model sets itself (``created_at``) are given as ``age`` or ``created_at`` and written after the
insert.
"""

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from foreninger.models import (
    AdviceRequest,
    Area,
    Association,
    AssociationContact,
    AssociationRevision,
    Category,
    Membership,
    TargetGroup,
    VolunteerOffer,
    VolunteerOpportunity,
)

_counter = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


# Vocabulary rows that migration 0003 installs; tests ask for them through these helpers so
# they also pass after a transactional test has flushed the database.
DEFAULT_CATEGORIES = {
    "social": ("Socialt", "Social"),
    "kultur": ("Kultur", "Culture"),
    "idraet": ("Idræt og motion", "Sport and exercise"),
    "lokalsamfund": ("Lokalsamfund", "Local community"),
    "andet": ("Andet", "Other"),
}
DEFAULT_TARGET_GROUPS = {
    "seniorer": ("Seniorer", "Seniors"),
    "voksne": ("Voksne", "Adults"),
}
DEFAULT_AREAS = {"hele-kommunen": ("Hele kommunen", "The whole municipality")}


def category(slug: str) -> Category:
    name, name_en = DEFAULT_CATEGORIES[slug]
    return Category.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]


def target_group(slug: str) -> TargetGroup:
    name, name_en = DEFAULT_TARGET_GROUPS[slug]
    return TargetGroup.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en}
    )[0]


def area(slug: str) -> Area:
    name, name_en = DEFAULT_AREAS[slug]
    return Area.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]


def make_category(name=None, *, slug=None, **kw) -> Category:
    name = name or _unique("Kategori")
    return Category.objects.create(name=name, slug=slug or slugify(name), **kw)


def make_target_group(name=None, *, slug=None, **kw) -> TargetGroup:
    name = name or _unique("Målgruppe")
    return TargetGroup.objects.create(name=name, slug=slug or slugify(name), **kw)


def make_area(name=None, *, slug=None, **kw) -> Area:
    name = name or _unique("Område")
    return Area.objects.create(name=name, slug=slug or slugify(name), **kw)


#: The password of every user the factories make (and of the root conftest's role users).
PASSWORD = "correct-horse-9"


def make_user(username=None, *, role=None, password=PASSWORD, **kw):
    """A user who can log in with ``password``; ``role`` is the name of a role's group."""
    username = username or _unique("bruger")
    kw.setdefault("email", f"{username}@example.org")
    user = get_user_model().objects.create_user(username=username, password=password, **kw)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_association(
    name=None,
    *,
    categories=(),
    target_groups=(),
    contacts=(),
    status=Association.Status.PUBLISHED,
    **kw,
) -> Association:
    """A published association unless ``status`` says otherwise; ``contacts`` are users."""
    name = name or _unique("Foreningen")
    kw.setdefault("slug", slugify(name) or _unique("forening"))
    kw.setdefault("short_description", f"{name} er en forening for alle.")
    association = Association.objects.create(name=name, status=status, **kw)
    if categories:
        association.categories.set(categories)
    if target_groups:
        association.target_groups.set(target_groups)
    for user in contacts:
        make_contact(association, user)
    return association


def make_contact(association, user=None) -> AssociationContact:
    """Makes ``user`` (a new user if none) a contact of ``association``."""
    return AssociationContact.objects.create(association=association, user=user or make_user())


def make_opportunity(association, **kw) -> VolunteerOpportunity:
    kw.setdefault("title", _unique("Frivillig opgave"))
    kw.setdefault("description", "Vi søger en frivillig.")
    kw.setdefault("time_commitment", "2 timer om ugen")
    return VolunteerOpportunity.objects.create(association=association, **kw)


def make_volunteer_offer(
    opportunity=None,
    *,
    association=None,
    age: timedelta | None = None,
    created_at: datetime | None = None,
    answered_at: datetime | None = None,
    answered_after: timedelta | None = None,
    **kw,
) -> VolunteerOffer:
    """A stored offer to help, as the public form leaves it but without its mails.

    Without ``opportunity`` it is for a new opportunity of ``association`` (or of a new
    association). ``age`` or ``created_at`` dates it back (consent with it); ``answered_at``,
    or ``answered_after`` it was received, marks it answered.
    """
    opportunity = opportunity or make_opportunity(association or make_association())
    if age is not None:
        created_at = timezone.now() - age
    kw = {"name": "Karen", "email": "karen@example.org", "message": "Hej", **kw}
    offer = VolunteerOffer.objects.create(
        opportunity=opportunity, consent_at=created_at or timezone.now(), **kw
    )
    if answered_after is not None:
        answered_at = (created_at or offer.created_at) + answered_after
    # Written after the insert: created_at is set by the model, answered_at by a service.
    changes = {"created_at": created_at, "answered_at": answered_at}
    changes = {field: value for field, value in changes.items() if value is not None}
    if changes:
        VolunteerOffer.objects.filter(pk=offer.pk).update(**changes)
        offer.refresh_from_db()
    return offer


def make_membership(association, year=None, fee="500.00", **kw) -> Membership:
    """This year's membership of ``association`` unless ``year`` says otherwise."""
    return Membership.objects.create(
        association=association,
        year=year or timezone.localdate().year,
        fee=Decimal(fee),
        **kw,
    )


def make_revision(association, data=None, **kw) -> AssociationRevision:
    """A version of ``association``'s listing (pending unless ``state`` says otherwise)."""
    return AssociationRevision.objects.create(
        association=association, data={} if data is None else data, **kw
    )


def make_advice_request(**kw) -> AdviceRequest:
    kw = {
        "name": "Karen",
        "email": "karen@example.org",
        "topic": AdviceRequest.Topic.GDPR,
        "message": "Må vi gemme medlemmernes fødselsdage?",
        **kw,
    }
    return AdviceRequest.objects.create(**kw)
