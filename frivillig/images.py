"""Re-encoding of the centre's logo: a real image, at most 512 px, with no metadata."""

from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

LOGO_MAX_SIDE = 512


def resize_logo(upload) -> ContentFile:
    """Re-encode an uploaded logo as PNG; EXIF and other metadata are dropped on the way."""
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGBA")
            image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
            out = BytesIO()
            image.save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The file is not an image we can read.")) from error
    name = Path(upload.name).stem or "logo"
    return ContentFile(out.getvalue(), name=f"{name}.png")
