"""The postal-address fields that associations and the centre share."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from foreninger.models import Association
from frivillig.lib.models import PostalAddress
from frivillig.models import CentreProfile


def shared(name):
    return PostalAddress._meta.get_field(name).deconstruct()[1:]


def test_associations_have_the_shared_postal_address_fields():
    assert issubclass(Association, PostalAddress)
    for name in ("address", "postal_code", "city"):
        assert Association._meta.get_field(name).deconstruct()[1:] == shared(name)


def test_the_centre_has_them_too_under_its_own_column_and_label():
    assert issubclass(CentreProfile, PostalAddress)
    for name in ("postal_code", "city"):
        assert CentreProfile._meta.get_field(name).deconstruct()[1:] == shared(name)
    address = CentreProfile._meta.get_field("address")
    assert address.max_length == PostalAddress._meta.get_field("address").max_length
    assert address.column == "street_address"


def test_address_lines_leave_out_what_is_missing():
    assert CentreProfile(address="Vej 1", postal_code="2730", city="Herlev").address_lines == [
        "Vej 1",
        "2730 Herlev",
    ]
    assert Association(city="Herlev").address_lines == ["Herlev"]
    assert Association().address_lines == []


def test_a_postal_code_has_four_digits():
    field = PostalAddress._meta.get_field("postal_code")
    field.clean("2730", None)

    with pytest.raises(ValidationError) as error, translation.override("da"):
        field.clean("273", None)

    assert "Et dansk postnummer har 4 cifre." in error.value.messages
