from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings
from django.utils import translation
from PIL import Image

from frivillig.centre import get_centre
from frivillig.lib.security import client_ip
from frivillig.models import CentreProfile, resize_logo
from frivillig.tests.cache_stores import generation_queries


def jpeg_with_exif(size=(2000, 1000)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "teal")
    exif = Image.Exif()
    exif[0x010E] = "secret description"  # ImageDescription
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("logo.jpg", out.getvalue(), content_type="image/jpeg")


def test_get_centre_returns_an_unsaved_default_before_staff_fill_it_in(db):
    centre = get_centre()

    assert centre.pk == 1
    assert centre.name == "Frivilligcenter"
    assert not CentreProfile.objects.exists()


def test_get_centre_reads_the_row_once_per_request(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(generation_queries() + 1):  # the generation, then the row
        first = get_centre(request)
        again = get_centre(request)

    assert again is first
    assert first.name == "Frivilligcenter"


def test_saving_twice_keeps_a_single_row(db):
    CentreProfile(name="A").save()
    CentreProfile(name="B").save()

    assert list(CentreProfile.objects.values_list("name", flat=True)) == ["B"]


def test_localized_text_prefers_english_on_english_pages():
    centre = CentreProfile(tagline="Dansk", tagline_en="English")

    with translation.override("en"):
        assert centre.localized_tagline == "English"
    with translation.override("da"):
        assert centre.localized_tagline == "Dansk"


def test_address_lines_skip_empty_parts():
    assert CentreProfile(city="Eksempelby").address_lines == ["Eksempelby"]
    assert CentreProfile(address="Vej 1", postal_code="9999", city="By").address_lines == [
        "Vej 1",
        "9999 By",
    ]


def test_logo_is_shrunk_reencoded_as_png_and_loses_its_metadata(db):
    centre = CentreProfile(name="X", logo=jpeg_with_exif())
    centre.save()

    with Image.open(centre.logo.path) as stored:
        assert stored.format == "PNG"
        assert max(stored.size) == 512
        assert not stored.getexif()
        assert "secret description" not in str(stored.info)


def test_a_file_that_is_not_an_image_is_refused():
    fake = SimpleUploadedFile("logo.png", b"<html><script>alert(1)</script></html>")

    with pytest.raises(ValidationError):
        resize_logo(fake)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.1"),
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),
        (2, "6.6.6.6, 1.1.1.1, 172.16.0.5", "1.1.1.1"),
        (1, "", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
        (1, "<script>", "10.0.0.1"),
    ],
)
def test_client_ip_trusts_only_our_own_proxies(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    with override_settings(FRIVILLIG_PROXY_COUNT=proxies):
        assert client_ip(request) == expected


def test_client_ip_is_none_for_a_request_without_an_address():
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]

    assert client_ip(request) is None


def test_rate_limits_count_requests_without_an_address_together():
    from frivillig.lib.security import ratelimit_ip

    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]

    assert ratelimit_ip(request) == "0.0.0.0"  # noqa: S104
