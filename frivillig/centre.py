"""The one accessor through which any app reads the centre's profile."""

from .lib.cache import cached
from .models import CentreProfile

#: The generation namespace of the centre's profile (frivillig/lib/cache.py).
CENTRE_NAMESPACE = "centre"

_REQUEST_ATTR = "_frivillig_centre"


def _load() -> CentreProfile:
    return CentreProfile.objects.filter(pk=1).first() or CentreProfile(pk=1)


def get_centre(request=None) -> CentreProfile:
    """The centre's profile; an unsaved default before staff have filled it in.

    Every page shows the centre, so each worker keeps it in memory until it changes.
    """
    if request is not None and hasattr(request, _REQUEST_ATTR):
        return getattr(request, _REQUEST_ATTR)
    centre = cached(CENTRE_NAMESPACE, "profile", build=_load)
    if request is not None:
        setattr(request, _REQUEST_ATTR, centre)
    return centre
