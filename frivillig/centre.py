"""The one accessor through which any app reads the centre's profile."""

from .models import CentreProfile

_REQUEST_CACHE_ATTR = "_frivillig_centre"


def get_centre(request=None) -> CentreProfile:
    """The centre's profile; an unsaved default before staff have filled it in.

    With a request, the row is read once per request however many templates ask.
    """
    if request is not None and hasattr(request, _REQUEST_CACHE_ATTR):
        return getattr(request, _REQUEST_CACHE_ATTR)
    centre = CentreProfile.objects.filter(pk=1).first() or CentreProfile(pk=1)
    if request is not None:
        setattr(request, _REQUEST_CACHE_ATTR, centre)
    return centre
