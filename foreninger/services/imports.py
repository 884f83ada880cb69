"""Importing a municipality's existing list of associations from CSV.

The columns are those of the open-data CSV (``/api/foreninger.csv``); only ``name`` is
required. The import is all or nothing: one bad row and nothing is saved. Rows matching an
existing association (same CVR number, or same name) are skipped and reported.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from ..models import Area, Association, Category, TargetGroup
from ..slugs import unique_slug

COLUMNS = {
    "name": "name",
    "description": "short_description",
    "website": "website",
    "email": "email",
    "phone": "phone",
    "tax_id": "cvr",
    "year_incorporated": "founded_year",
    "address_1": "address",
    "postal_code": "postal_code",
    "city": "city",
    "meeting_place": "meeting_place",
    "schedule": "meeting_times",
    "fees": "membership_fee",
    "languages": "languages",
}
BOOLEAN_COLUMNS = {
    "step_free_access": "step_free_access",
    "hearing_loop": "hearing_loop",
    "accessible_toilet": "accessible_toilet",
    "looking_for_volunteers": "looking_for_volunteers",
}
VOCABULARY_NAMES = {"categories": "category", "target_groups": "target group"}
TRUE_WORDS = {"1", "true", "ja", "yes", "x"}


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    duplicates: list[tuple[int, str, str]] = field(default_factory=list)  # line, name, why
    errors: list[tuple[int, str]] = field(default_factory=list)  # line, message
    valid: int = 0
    saved: bool = False


class _Vocabulary:
    """Category, target group or area by slug or name, case-insensitively."""

    def __init__(self, model):
        self.by_key = {}
        for item in model.objects.all():
            for key in (item.slug, item.name, item.name_en):
                if key:
                    self.by_key[key.strip().lower()] = item

    def find(self, value: str):
        return self.by_key.get(value.strip().lower())


def import_associations(
    *,
    rows: Iterable[tuple[int, dict]],
    status: str = Association.Status.DRAFT,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate every row, then save them all in one transaction (unless ``dry_run``)."""
    result = ImportResult()
    categories, target_groups = _Vocabulary(Category), _Vocabulary(TargetGroup)
    areas = _Vocabulary(Area)
    known_cvrs = set(Association.objects.exclude(cvr="").values_list("cvr", flat=True))
    known_names = set(Association.objects.values_list(Lower("name"), flat=True))
    taken_slugs = set(Association.objects.values_list("slug", flat=True))
    pending: list[tuple[Association, list, list]] = []

    for count, (line, row) in enumerate(rows, start=1):
        if progress:
            progress(count)
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
        name = row.get("name", "")
        if not name:
            result.errors.append((line, "name is empty"))
            continue
        cvr = row.get("tax_id", "")
        if cvr and cvr in known_cvrs:
            result.duplicates.append((line, name, f"CVR {cvr} already in the guide"))
            continue
        if name.lower() in known_names:
            result.duplicates.append((line, name, "an association with this name exists"))
            continue
        association = Association(status=status)
        for column, attribute in COLUMNS.items():
            value = row.get(column, "")
            if attribute == "founded_year":
                value = int(value) if value.isdigit() else None
            setattr(association, attribute, value)
        for column, attribute in BOOLEAN_COLUMNS.items():
            setattr(association, attribute, row.get(column, "").lower() in TRUE_WORDS)
        association.short_description = association.short_description or name
        association.slug = unique_slug(name, taken_slugs)
        problems = []
        area_name = row.get("area", "")
        if area_name:
            association.area = areas.find(area_name)
            if association.area is None:
                problems.append(f"unknown area {area_name!r}")
        found = {}
        for column, vocabulary in (("categories", categories), ("target_groups", target_groups)):
            found[column] = []
            for value in filter(None, (part.strip() for part in row.get(column, "").split("|"))):
                item = vocabulary.find(value)
                if item is None:
                    problems.append(f"unknown {VOCABULARY_NAMES[column]} {value!r}")
                else:
                    found[column].append(item)
        try:
            association.full_clean(exclude=["search_vector"])
        except ValidationError as error:
            problems += [
                f"{name}: {'; '.join(messages)}" for name, messages in error.message_dict.items()
            ]
        if problems:
            result.errors.append((line, ", ".join(problems)))
            continue
        if cvr:
            known_cvrs.add(cvr)
        known_names.add(name.lower())
        pending.append((association, found["categories"], found["target_groups"]))

    result.valid = len(pending)
    if result.errors or dry_run:
        return result
    with transaction.atomic():
        for association, association_categories, association_groups in pending:
            association.save()
            association.categories.set(association_categories)
            association.target_groups.set(association_groups)
            result.created.append(association.name)
    result.saved = True
    return result
