"""Picture uploads: only real JPEG, PNG or WebP images, re-encoded without metadata.

Every upload of a picture goes through ``clean_image``, whoever uploads it (an association's
logo, the centre's logo). It is checked before anything is stored: its size, its leading
bytes, that it holds no web code (an image with HTML or script appended is a polyglot that a
browser could be tricked into running), its pixel count (decompression bombs), then Pillow
verifies it, reopens it and decodes it fully (a truncated file fails here, not later). What
is stored is never the upload itself but a fresh encoding of its pixels (orientation applied,
EXIF and other metadata dropped), in the size and format each caller asks for.
"""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_SIDE = 800
THUMBNAIL_SIDE = 160
#: A logo needs far fewer; 40 megapixels admits any camera photo and refuses bombs.
LOGO_MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT = "image/jpeg,image/png,image/webp"

# Markers of web code that have no business inside an image file (checked lower-cased).
_MARKUP = (
    b"<script",
    b"<html",
    b"<body",
    b"<svg",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<!doctype",
    b"<?php",
    b"javascript:",
)

NOT_AN_ALLOWED_IMAGE = _("The logo must be a JPEG, PNG or WebP image.")
UNREADABLE = _("The file is not an image we can read. Save it as JPEG, PNG or WebP and try again.")
HAS_CODE = _("The file contains web code besides the image and was refused.")
TOO_LARGE = _("The file is %(size)s; a logo may be at most %(max)s.")
TOO_MANY_PIXELS = _(
    "The image is %(width)s x %(height)s pixels; a logo may have at most %(max)s megapixels."
)


def _format_from_leading_bytes(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def _read_upload(upload) -> bytes:
    size = getattr(upload, "size", None)
    if size is not None and size > LOGO_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": filesizeformat(size), "max": filesizeformat(LOGO_MAX_BYTES)},
        )
    upload.seek(0)
    data = upload.read(LOGO_MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": filesizeformat(len(data)), "max": filesizeformat(LOGO_MAX_BYTES)},
        )
    return data


def _open_checked(data: bytes) -> Image.Image:
    """Verify the image, reopen it and decode it fully; any trouble becomes a ValidationError."""
    expected = _format_from_leading_bytes(data[:16])
    if expected is None:
        raise ValidationError(NOT_AN_ALLOWED_IMAGE, code="not_an_image")
    lowered = data.lower()
    if any(marker in lowered for marker in _MARKUP):
        raise ValidationError(HAS_CODE, code="polyglot")
    with warnings.catch_warnings():
        # Pillow warns (and past twice the limit raises) on huge images: both are refusals.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data), formats=sorted(ALLOWED_FORMATS)) as probe:
                _check_pixels(*probe.size)
                probe.verify()
            image = Image.open(BytesIO(data), formats=sorted(ALLOWED_FORMATS))
            if image.format != expected:
                raise ValidationError(NOT_AN_ALLOWED_IMAGE, code="not_an_image")
            _check_pixels(*image.size)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                TOO_MANY_PIXELS,
                code="too_many_pixels",
                params={"width": "?", "height": "?", "max": LOGO_MAX_PIXELS // 1_000_000},
            ) from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            raise ValidationError(UNREADABLE, code="unreadable") from error
    return image


def _check_pixels(width: int, height: int) -> None:
    if width * height > LOGO_MAX_PIXELS:
        raise ValidationError(
            TOO_MANY_PIXELS,
            code="too_many_pixels",
            params={"width": width, "height": height, "max": LOGO_MAX_PIXELS // 1_000_000},
        )


def clean_image(upload) -> Image.Image:
    """The upload's pixels as a fresh image without metadata, orientation applied.

    Raises ``ValidationError`` with a translated message for anything but a real JPEG, PNG
    or WebP image within the limits.
    """
    data = _read_upload(upload)
    image = _open_checked(data)
    try:
        # Animated images are flattened to their first frame (already loaded).
        image = ImageOps.exif_transpose(image)
        mode = (
            "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
        )
        clean = Image.new(mode, image.size)
        clean.paste(image.convert(mode))
    except (OSError, ValueError) as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    finally:
        image.close()
    return clean


def encode_image(image: Image.Image, *, side: int, image_format: str = "WEBP") -> bytes:
    """``image`` shrunk to fit ``side`` x ``side`` pixels, encoded as ``image_format``."""
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = BytesIO()
    # A fresh image carries no info dict, so no EXIF, XMP or ICC chunk is written.
    if image_format == "WEBP":
        copy.save(out, format="WEBP", quality=88, method=4, exif=b"")
    else:
        copy.save(out, format=image_format, optimize=True)
    return out.getvalue()


def _stem(upload, default: str) -> str:
    return slugify(Path(getattr(upload, "name", "") or "").stem)[:40] or default


def resized_image(upload, *, side: int, image_format: str = "WEBP") -> ContentFile:
    """One checked, re-encoded picture of at most ``side`` pixels (e.g. the centre's logo)."""
    clean = clean_image(upload)
    extension = "jpg" if image_format == "JPEG" else image_format.lower()
    return ContentFile(
        encode_image(clean, side=side, image_format=image_format),
        name=f"{_stem(upload, 'logo')}.{extension}",
    )


def process_logo(upload) -> tuple[ContentFile, ContentFile]:
    """Check an association's uploaded logo and return (logo, thumbnail) as new WebP files.

    Raises ``ValidationError`` with a translated message for anything but a real JPEG, PNG
    or WebP image within the limits; nothing is written anywhere.
    """
    clean = clean_image(upload)
    stem = _stem(upload, "logo")
    return (
        ContentFile(encode_image(clean, side=LOGO_MAX_SIDE), name=f"{stem}.webp"),
        ContentFile(encode_image(clean, side=THUMBNAIL_SIDE), name=f"{stem}-thumb.webp"),
    )


class LogoField(forms.FileField):
    """A logo upload, checked and re-encoded by ``process`` as soon as the form is cleaned.

    The result is kept on the upload as ``processed_logo``, so the service that stores it
    does not process it twice. ``process`` is ``process_logo`` (an association's logo and
    its thumbnail) unless the caller needs another size or format.
    """

    default_error_messages = {"invalid_image": UNREADABLE}

    def __init__(self, *, process=process_logo, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("JPEG, PNG or WebP, at most 5 MB. It is resized and stored without metadata."),
        )
        super().__init__(**kwargs)
        self.process = process
        self.widget.attrs.setdefault("accept", ACCEPT)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.processed_logo = self.process(upload)
        return upload
