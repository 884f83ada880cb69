"""An association's logo: set_logo stores the checked files (frivillig/lib/images.py checks
them), a refused file stores nothing, and remove_logo clears both files."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from foreninger.models import Association
from foreninger.services import listings
from foreninger.tests.factories import make_association


def image_bytes(format, size=(300, 200)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, format=format)
    return out.getvalue()


def upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def png_bomb() -> bytes:
    # 20000 x 20000 one-bit pixels compress to a few kilobytes.
    out = BytesIO()
    Image.new("1", (20000, 20000), 0).save(out, format="PNG", optimize=True)
    return out.getvalue()


BAD_FILES = {
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "jpeg with script appended": image_bytes("JPEG") + b"<script>alert(1)</script>",
    "truncated png": image_bytes("PNG")[:60],
    "bomb": png_bomb(),
    "over 5 mb": image_bytes("PNG") + b"\x00" * (6 * 1024 * 1024),
}


@pytest.fixture
def association(db):
    return make_association("Eksempelby Roklub", status=Association.Status.DRAFT)


def test_set_logo_stores_the_logo_and_its_thumbnail(association, settings):
    listings.set_logo(association=association, upload=upload("ro.png", image_bytes("PNG")))

    association.refresh_from_db()
    assert association.logo.name.endswith(".webp")
    assert association.logo_thumbnail.name.endswith("-thumb.webp")
    assert len(media_files(settings)) == 2


@pytest.mark.parametrize("data", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_set_logo_saves_nothing_for_a_bad_file(association, settings, data):
    with pytest.raises(ValidationError):
        listings.set_logo(association=association, upload=upload("logo.png", data))

    association.refresh_from_db()
    assert not association.logo and not association.logo_thumbnail
    assert media_files(settings) == []


def test_remove_logo_clears_both_files(association, settings, django_capture_on_commit_callbacks):
    listings.set_logo(association=association, upload=upload("ro.png", image_bytes("PNG")))

    with django_capture_on_commit_callbacks(execute=True):
        listings.remove_logo(association=association)

    association.refresh_from_db()
    assert not association.logo
    assert media_files(settings) == []
