"""Fields that several models share, as abstract models."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

postal_code_validator = RegexValidator(r"^\d{4}$", _("A Danish postal code has 4 digits."))


class PostalAddress(models.Model):
    """A Danish postal address: street and number, postal code, town. All optional."""

    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=4, blank=True, validators=[postal_code_validator]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        abstract = True

    @property
    def address_lines(self) -> list[str]:
        """The address as an envelope shows it: "Vej 1", "2730 Herlev"; empty parts left out."""
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.address, town) if line]
