"""The one CVR rule: 8 digits, no leading zero, weighted sum divisible by 11."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from frivillig.lib.validators import CVR_WEIGHTS, is_valid_cvr, validate_cvr


@pytest.mark.parametrize("cvr", ["12345674", "10150817", "25313763"])
def test_real_shaped_cvr_numbers_pass_modulus_11(cvr):
    assert is_valid_cvr(cvr)


@pytest.mark.parametrize(
    "cvr",
    [
        "12345678",
        "1234567",
        "123456789",
        "0234567x",
        "01234567",
        "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff14",
        "",
    ],
)
def test_wrong_cvr_numbers_are_refused_with_a_clear_message(cvr):
    with pytest.raises(ValidationError) as error, translation.override("da"):
        validate_cvr(cvr)

    assert "ikke et gyldigt CVR-nummer" in str(error.value.messages[0])


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_cvr_check_agrees_with_the_weighted_sum(digits):
    weighted = sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True))
    assert is_valid_cvr(digits) == (digits[0] != "0" and weighted % 11 == 0)
