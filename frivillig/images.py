"""The centre's logo: checked like every picture upload (``frivillig.lib.images``) and
stored as a PNG of at most 512 px, which keeps its transparency on the site's header."""

from django.core.files.base import ContentFile

from .lib.images import resized_image

LOGO_MAX_SIDE = 512


def resize_logo(upload) -> ContentFile:
    """The checked, re-encoded logo; raises ``ValidationError`` for anything but a real
    JPEG, PNG or WebP image within the limits."""
    # The admin's LogoField has already processed it; a file given in code has not.
    processed = getattr(upload, "processed_logo", None) or getattr(
        getattr(upload, "file", None), "processed_logo", None
    )
    return processed or resized_image(upload, side=LOGO_MAX_SIDE, image_format="PNG")
