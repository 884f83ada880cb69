"""Versions of a listing: contacts' changes in "Min forening", staff review and history.

A change to a *published* listing of an association that is not trusted waits as the one
pending ``AssociationRevision`` until staff approve it; the public listing stays as it was.
Drafts, hidden listings and trusted associations change at once. Every change that reaches
the listing is kept as an *applied* revision, so staff can see what changed and when.
"""

from __future__ import annotations

import difflib
import json
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.lib.images import process_logo
from frivillig.lib.text import site_url

from ..models import Area, Association, AssociationRevision, Category, TargetGroup
from .listings import (
    _delete_files_after_commit,
    clean_rejection_reason,
    mail_contacts,
    set_logo,
)

#: What a contact may change in their listing, in the order the diff shows them. Status,
#: trust, slug (URLs stay stable when the name changes) and freshness are staff matters.
EDITABLE_FIELDS = [
    "name",
    "short_description",
    "description",
    "categories",
    "target_groups",
    "area",
    "looking_for_volunteers",
    "address",
    "postal_code",
    "city",
    "meeting_place",
    "meeting_times",
    "languages",
    "step_free_access",
    "hearing_loop",
    "accessible_toilet",
    "website",
    "email",
    "phone",
    "facebook_url",
    "instagram_url",
    "cvr",
    "founded_year",
    "membership_fee",
]
M2M_FIELDS = {"categories": Category, "target_groups": TargetGroup}
#: Long texts are shown line by line as a diff rather than as two whole values.
LONG_TEXT_FIELDS = {"description", "meeting_times"}


def needs_review(association: Association) -> bool:
    """Whether a contact's change waits for staff: only published listings not trusted."""
    return association.status == Association.Status.PUBLISHED and not association.trusted


def snapshot(association: Association) -> dict:
    """The editable fields of the listing as stored in a revision (vocabularies as ids)."""
    data = {}
    for name in EDITABLE_FIELDS:
        if name in M2M_FIELDS:
            data[name] = sorted(getattr(association, name).values_list("pk", flat=True))
        elif name == "area":
            data[name] = association.area_id
        else:
            data[name] = getattr(association, name)
    return data


def data_from_form(cleaned_data: dict) -> dict:
    """A revision's ``data`` from a listing form's cleaned data."""
    data = {}
    for name in EDITABLE_FIELDS:
        value = cleaned_data.get(name)
        if name in M2M_FIELDS:
            data[name] = sorted(item.pk for item in value or [])
        elif name == "area":
            data[name] = value.pk if value else None
        elif isinstance(value, str):
            # Browsers send text areas with CRLF; stored text uses LF, so an unchanged
            # description is not taken for a change.
            data[name] = value.replace("\r\n", "\n")
        else:
            data[name] = value
    return data


def form_initial(revision: AssociationRevision) -> dict:
    """Initial values for the listing form from a pending revision (the contact's last save)."""
    return {name: revision.data[name] for name in EDITABLE_FIELDS if name in revision.data}


def _apply(association: Association, data: dict) -> None:
    for name in EDITABLE_FIELDS:
        if name not in data or name in M2M_FIELDS:
            continue
        if name == "area":
            area_id = data[name]
            # A vocabulary row deleted since the revision was saved is simply left out.
            association.area_id = (
                area_id if area_id and Area.objects.filter(pk=area_id).exists() else None
            )
        else:
            setattr(association, name, data[name])
    association.save()
    for name, model in M2M_FIELDS.items():
        if name in data:
            getattr(association, name).set(model.objects.filter(pk__in=data[name]))


def _latest_applied(association: Association) -> AssociationRevision | None:
    return (
        association.revisions.filter(state=AssociationRevision.State.APPLIED)
        .order_by("-reviewed_at", "-pk")
        .first()
    )


def _record_baseline(association: Association) -> None:
    """Keep the listing as it is now as a version, unless the latest version already is it.

    The first change through Min forening, and any change staff made in the admin since the
    latest version, would otherwise have no "before" to compare with.
    """
    current = snapshot(association)
    latest = _latest_applied(association)
    if latest is not None and _comparable(latest.data) == _comparable(current):
        return
    AssociationRevision.objects.create(
        association=association,
        data=current,
        state=AssociationRevision.State.APPLIED,
        # The time the listing last changed, which is before the change now being applied.
        reviewed_at=association.updated_at,
    )


def _changed(data: dict, current: dict) -> dict:
    """The fields of ``data`` whose values differ from ``current`` (both snapshots)."""
    new, now = _comparable(data), _comparable(current)
    return {name: data[name] for name in EDITABLE_FIELDS if name in data and new[name] != now[name]}


def _supersede_pending(association: Association) -> None:
    """Close a pending version that no longer needs review (the listing became trusted,
    or is no longer published): a later approval would otherwise undo newer changes."""
    pending = association.revisions.pending().first()
    if pending is None:
        return
    files = [pending.logo.name, pending.logo_thumbnail.name]
    storage = pending.logo.storage
    pending.logo = ""
    pending.logo_thumbnail = ""
    pending.state = AssociationRevision.State.REJECTED
    pending.reviewed_at = timezone.now()
    pending.save()
    _delete_files_after_commit(storage, files)


def _comparable(data: dict) -> dict:
    # Stored data went through JSON; compare it with a fresh snapshot in that same form.
    subset = {name: data.get(name) for name in EDITABLE_FIELDS}
    return json.loads(json.dumps(subset, cls=DjangoJSONEncoder))


@transaction.atomic
def save_listing_changes(
    *, association: Association, cleaned_data: dict, user
) -> AssociationRevision | None:
    """Apply a contact's changes, or keep them as the pending revision for staff review.

    Returns the revision (applied or pending), or ``None`` when nothing changed. Read the
    revision's ``state`` to know which happened.
    """
    # The form has already put the new values on its instance; work on the stored row.
    association = Association.objects.select_for_update().get(pk=association.pk)
    data = data_from_form(cleaned_data)
    pending = association.revisions.pending().first()
    if needs_review(association):
        # Only what differs from the listing waits for review, so approving it later does
        # not undo what staff changed in the meantime.
        changed = _changed(data, snapshot(association))
        if not changed:
            if pending is not None and not pending.logo:
                pending.delete()  # the contact changed it back: nothing left to review
            return None
        if pending is None:
            pending = AssociationRevision(association=association)
        pending.data = changed
        pending.created_by = user
        pending.created_at = timezone.now()
        pending.save()
        return pending
    _supersede_pending(association)
    if _comparable(data) == _comparable(snapshot(association)):
        return None
    _record_baseline(association)
    _apply(association, data)
    return AssociationRevision.objects.create(
        association=association,
        data=snapshot(association),
        state=AssociationRevision.State.APPLIED,
        created_by=user,
        reviewed_at=timezone.now(),
    )


@transaction.atomic
def save_logo(*, association: Association, upload, user) -> AssociationRevision | None:
    """A contact's new logo: stored at once, or kept in the pending revision for review.

    Returns the pending revision when the logo waits for review, else ``None``.
    """
    association = Association.objects.select_for_update().get(pk=association.pk)
    if not needs_review(association):
        _supersede_pending(association)
        set_logo(association=association, upload=upload)
        return None
    logo, thumbnail = getattr(upload, "processed_logo", None) or process_logo(upload)
    pending = association.revisions.pending().first()
    if pending is None:
        pending = AssociationRevision(association=association, data={})
    old = [pending.logo.name, pending.logo_thumbnail.name]
    # An unguessable name: media is served publicly, and this image is not yet approved.
    stem = f"{association.slug or 'logo'}-{uuid.uuid4().hex}"
    pending.logo.save(f"{stem}.webp", logo, save=False)
    pending.logo_thumbnail.save(f"{stem}-thumb.webp", thumbnail, save=False)
    pending.created_by = user
    pending.created_at = timezone.now()
    pending.save()
    _delete_files_after_commit(pending.logo.storage, old)
    return pending


@transaction.atomic
def submit_for_review(*, association: Association) -> Association:
    """A contact sends their draft listing to the staff's review queue."""
    association = Association.objects.select_for_update().get(pk=association.pk)
    if association.status != Association.Status.DRAFT:
        raise ValidationError(_("Only a draft can be sent for review."))
    association.status = Association.Status.AWAITING_REVIEW
    association.save(update_fields=["status", "updated_at"])
    return association


def _locked_pending(revision: AssociationRevision) -> AssociationRevision:
    revision = (
        AssociationRevision.objects.select_for_update()
        .select_related("association")
        .get(pk=revision.pk)
    )
    if revision.state != AssociationRevision.State.PENDING:
        raise ValidationError(
            _("This version of %(name)s is not awaiting review.")
            % {"name": revision.association.name}
        )
    return revision


def revision_fingerprint(revision: AssociationRevision) -> str:
    """What staff looked at: changes if the contact saves the pending version again."""
    return revision.created_at.isoformat() if revision.created_at else ""


@transaction.atomic
def approve_revision(
    *, revision: AssociationRevision, reviewer, seen: str | None = None
) -> AssociationRevision:
    """Publish a pending revision: its content (and logo) replace the listing's.

    ``seen`` is the ``revision_fingerprint`` of the version staff reviewed; if the contact
    has saved it again since, nothing is published and staff are asked to look again.
    """
    # The association first, then the version: the order save_listing_changes locks in.
    association = Association.objects.select_for_update().get(pk=revision.association_id)
    revision = _locked_pending(revision)
    if seen is not None and seen != revision_fingerprint(revision):
        raise ValidationError(
            _(
                "The contact changed these changes after you opened them. Look at them "
                "again before you approve."
            )
        )
    _record_baseline(association)
    _apply(association, revision.data)
    if revision.logo:
        old = [association.logo.name, association.logo_thumbnail.name]
        pending_files = [revision.logo.name, revision.logo_thumbnail.name]
        stem = association.slug or "logo"
        with revision.logo.open("rb") as logo, revision.logo_thumbnail.open("rb") as thumb:
            association.logo.save(f"{stem}.webp", ContentFile(logo.read()), save=False)
            association.logo_thumbnail.save(
                f"{stem}-thumb.webp", ContentFile(thumb.read()), save=False
            )
        association.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        revision.logo = ""
        revision.logo_thumbnail = ""
        _delete_files_after_commit(association.logo.storage, old + pending_files)
    revision.state = AssociationRevision.State.APPLIED
    revision.reviewed_by = reviewer
    revision.reviewed_at = timezone.now()
    revision.save()
    mail_contacts(
        association=association,
        subject=gettext_lazy("Your changes to %(name)s are published"),
        template="foreninger/email/listing_changes_approved.txt",
        context={"url": site_url(association.get_absolute_url())},
    )
    return revision


@transaction.atomic
def reject_revision(*, revision: AssociationRevision, reviewer, reason: str) -> list[str]:
    """Turn down a pending revision; the listing stays as it is and the contacts get the reason.

    The email is plain text, so nothing in the reason can run or render as markup. Returns
    the addresses written to.
    """
    reason = clean_rejection_reason(reason, missing=_("Write why the changes were not approved."))
    Association.objects.select_for_update().get(pk=revision.association_id)
    revision = _locked_pending(revision)
    files = [revision.logo.name, revision.logo_thumbnail.name]
    storage = revision.logo.storage
    revision.logo = ""
    revision.logo_thumbnail = ""
    revision.state = AssociationRevision.State.REJECTED
    revision.rejection_reason = reason
    revision.reviewed_by = reviewer
    revision.reviewed_at = timezone.now()
    revision.save()
    _delete_files_after_commit(storage, files)
    return mail_contacts(
        association=revision.association,
        subject=gettext_lazy("Your changes to %(name)s were not approved"),
        template="foreninger/email/listing_changes_rejected.txt",
        context={"reason": reason},
    )


def _previous(revision: AssociationRevision) -> dict | None:
    """What a revision is compared with: the listing now, or the version before it."""
    if revision.state == AssociationRevision.State.APPLIED:
        earlier = (
            revision.association.revisions.filter(state=AssociationRevision.State.APPLIED)
            .filter(reviewed_at__lt=revision.reviewed_at)
            .order_by("-reviewed_at", "-pk")
            .first()
        )
        return earlier.data if earlier else None
    return snapshot(revision.association)


def _display(name: str, value, names: dict) -> str:
    if value is None or value == "":
        return ""
    if name in M2M_FIELDS:
        return ", ".join(names[name].get(pk, f"#{pk}") for pk in value)
    if name == "area":
        return names["area"].get(value, f"#{value}")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def revision_diff(revision: AssociationRevision) -> list[dict]:
    """The fields a revision changes: label, old and new text, and for long texts a diff.

    A pending or rejected revision is compared with the listing as it is; an applied one
    with the version before it (the first version has no "before": all fields are new).
    """
    from ..models import Association as model

    before = _previous(revision)
    after = revision.data
    names = {
        "categories": dict(Category.objects.values_list("pk", "name")),
        "target_groups": dict(TargetGroup.objects.values_list("pk", "name")),
        "area": dict(Area.objects.values_list("pk", "name")),
    }
    rows = []
    for name in EDITABLE_FIELDS:
        if name not in after:
            continue
        old = _display(name, (before or {}).get(name), names)
        new = _display(name, after.get(name), names)
        if before is not None and old == new:
            continue
        row = {
            "field": name,
            "label": str(model._meta.get_field(name).verbose_name),
            "old": old,
            "new": new,
            "lines": None,
        }
        if name in LONG_TEXT_FIELDS and before is not None:
            # Hunk headers ("@@ -3 +3,2 @@") mean nothing to staff: an ellipsis marks a gap.
            row["lines"] = [
                "…" if line.startswith("@@") else line
                for line in difflib.unified_diff(
                    old.splitlines(), new.splitlines(), lineterm="", n=1
                )
                if not line.startswith(("---", "+++"))
            ]
        rows.append(row)
    if revision.logo:
        rows.append(
            {
                "field": "logo",
                "label": str(model._meta.get_field("logo").verbose_name),
                "old": revision.association.logo.name or "",
                "new": revision.logo.name,
                "lines": None,
                "logo_url": revision.logo_thumbnail.url if revision.logo_thumbnail else "",
            }
        )
    return rows
