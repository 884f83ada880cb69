"""Picture uploads: only real JPEG, PNG or WebP images are stored, re-encoded and without
metadata, in the size and format each caller asks for."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from frivillig.lib.images import (
    LOGO_MAX_SIDE,
    THUMBNAIL_SIDE,
    LogoField,
    process_logo,
    resized_image,
)


@pytest.fixture(autouse=True)
def _english():
    # The messages are asserted in their English msgids, whatever is translated.
    with translation.override("en"):
        yield


def image_bytes(format, size=(300, 200), mode="RGB", color=(200, 40, 40), **save_kwargs) -> bytes:
    out = BytesIO()
    Image.new(mode, size, color).save(out, format=format, **save_kwargs)
    return out.getvalue()


def jpeg_with_gps_and_rotation() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "Spycam Inc."  # make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (55.0, 40.0, 30.0)
    gps[3] = "E"
    gps[4] = (12.0, 34.0, 56.0)
    return image_bytes("JPEG", size=(400, 200), exif=exif)


def noisy_jpeg() -> bytes:
    # Noise does not compress, so cutting the file leaves most of its scan lines missing.
    out = BytesIO()
    Image.effect_noise((300, 200), 64).convert("RGB").save(out, format="JPEG")
    return out.getvalue()


def upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_bomb() -> bytes:
    # 20000 x 20000 one-bit pixels compress to a few kilobytes.
    out = BytesIO()
    Image.new("1", (20000, 20000), 0).save(out, format="PNG", optimize=True)
    return out.getvalue()


BAD_UPLOADS = {
    "svg": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "JPEG, PNG or WebP",
    ),
    "html named png": (
        "logo.png",
        b"<html><body><script>alert(document.cookie)</script></body></html>",
        "JPEG, PNG or WebP",
    ),
    "jpeg with script appended": (
        "logo.jpg",
        image_bytes("JPEG") + b"<script>alert(1)</script>",
        "web code",
    ),
    "png with html appended": (
        "logo.png",
        image_bytes("PNG") + b"<!DOCTYPE html><html><body>hi</body></html>",
        "web code",
    ),
    "gif": ("logo.gif", image_bytes("GIF", mode="P", color=1), "JPEG, PNG or WebP"),
    "truncated png": ("logo.png", image_bytes("PNG")[:60], "not an image we can read"),
    "truncated jpeg": ("logo.jpg", noisy_jpeg()[:2000], "not an image we can read"),
    "png header then junk": (
        "logo.png",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 200,
        "not an image we can read",
    ),
}


@pytest.mark.parametrize("name, data, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_uploads_are_refused_with_a_clear_message(name, data, message):
    with pytest.raises(ValidationError) as refused:
        process_logo(upload(name, data))

    assert message in " ".join(refused.value.messages)


def test_a_file_over_5_mb_is_refused():
    data = image_bytes("PNG") + b"\x00" * (6 * 1024 * 1024)

    with pytest.raises(ValidationError) as refused:
        process_logo(upload("big.png", data))

    assert "at most 5" in refused.value.messages[0]


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    data = png_bomb()
    assert len(data) < 200_000

    with pytest.raises(ValidationError) as refused:
        process_logo(upload("bomb.png", data))

    assert "megapixels" in refused.value.messages[0]


def test_a_jpeg_is_re_encoded_without_exif_and_turned_upright():
    logo, thumbnail = process_logo(upload("holiday photo.jpg", jpeg_with_gps_and_rotation()))

    with Image.open(BytesIO(logo.read())) as image:
        assert image.format == "WEBP"
        assert image.size == (200, 400)  # rotated by the EXIF orientation
        assert not image.getexif()
        assert "exif" not in image.info and "xmp" not in image.info
    logo.seek(0)
    raw = logo.read()
    assert b"Spycam" not in raw and b"Exif" not in raw
    assert logo.name == "holiday-photo.webp"
    with Image.open(BytesIO(thumbnail.read())) as image:
        assert max(image.size) == THUMBNAIL_SIDE


@pytest.mark.parametrize(
    "format, mode", [("PNG", "RGBA"), ("PNG", "P"), ("WEBP", "RGB"), ("JPEG", "RGB")]
)
def test_jpeg_png_and_webp_are_accepted_and_shrunk(format, mode):
    color = 3 if mode == "P" else (10, 120, 90) if mode == "RGB" else (10, 120, 90, 128)
    data = image_bytes(format, size=(2000, 1000), mode=mode, color=color)

    logo, thumbnail = process_logo(upload(f"logo.{format.lower()}", data))

    with Image.open(BytesIO(logo.read())) as image:
        assert image.size == (LOGO_MAX_SIDE, LOGO_MAX_SIDE // 2)
    with Image.open(BytesIO(thumbnail.read())) as image:
        assert image.size == (THUMBNAIL_SIDE, THUMBNAIL_SIDE // 2)


def test_an_animated_webp_is_flattened_to_its_first_frame():
    frames = [Image.new("RGB", (100, 100), color) for color in ("red", "blue", "green")]
    out = BytesIO()
    frames[0].save(out, format="WEBP", save_all=True, append_images=frames[1:], duration=100)

    logo, _thumbnail = process_logo(upload("anim.webp", out.getvalue()))

    with Image.open(BytesIO(logo.read())) as image:
        assert getattr(image, "n_frames", 1) == 1


def test_the_form_field_refuses_a_bad_logo_and_keeps_the_processed_files_of_a_good_one():
    field = LogoField(required=False)
    with pytest.raises(ValidationError):
        field.clean(upload("logo.png", b"<html>hi</html>"))

    good = field.clean(upload("logo.png", image_bytes("PNG")))

    assert len(good.processed_logo) == 2


def test_a_caller_can_ask_for_another_size_and_format():
    picture = resized_image(
        upload("logo.jpg", jpeg_with_gps_and_rotation()), side=64, image_format="PNG"
    )

    assert picture.name == "logo.png"
    with Image.open(picture) as image:
        assert image.format == "PNG"
        assert image.size == (32, 64)
        assert not image.getexif()


@pytest.mark.parametrize("name, data, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_every_caller_refuses_what_the_logo_pipeline_refuses(name, data, message):
    with pytest.raises(ValidationError) as error:
        resized_image(upload(name, data), side=64, image_format="PNG")

    assert message in " ".join(error.value.messages)


def test_the_form_field_can_process_for_another_caller():
    field = LogoField(
        required=False, process=lambda f: resized_image(f, side=32, image_format="PNG")
    )

    assert field.clean(upload("logo.png", image_bytes("PNG"))).processed_logo.name == "logo.png"
