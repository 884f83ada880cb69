"""Validators for Danish identifiers that several models share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def is_valid_cvr(value: str) -> bool:
    """A Danish CVR number: 8 digits, no leading zero, weighted sum divisible by 11."""
    if len(value) != 8 or not value.isascii() or not value.isdigit() or value[0] == "0":
        return False
    return (
        sum(int(digit) * weight for digit, weight in zip(value, CVR_WEIGHTS, strict=True)) % 11 == 0
    )


def validate_cvr(value: str) -> None:
    if not is_valid_cvr(value):
        raise ValidationError(
            _("%(value)s is not a valid CVR number (8 digits, checked with modulus 11)."),
            params={"value": value},
            code="invalid_cvr",
        )
