"""The one accessor through which any app reads the centre's profile."""

from django.core.cache import cache

from .models import CENTRE_CACHE_KEY, CentreProfile

# Every page shows the centre, so it is kept in each worker's cache rather than read per
# request. Saving the profile clears it at once in the saving worker; other workers see
# the change within this many seconds.
CENTRE_CACHE_SECONDS = 60

_REQUEST_ATTR = "_frivillig_centre"


def get_centre(request=None) -> CentreProfile:
    """The centre's profile; an unsaved default before staff have filled it in."""
    if request is not None and hasattr(request, _REQUEST_ATTR):
        return getattr(request, _REQUEST_ATTR)
    centre = cache.get(CENTRE_CACHE_KEY)
    if centre is None:
        centre = CentreProfile.objects.filter(pk=1).first() or CentreProfile(pk=1)
        cache.set(CENTRE_CACHE_KEY, centre, CENTRE_CACHE_SECONDS)
    if request is not None:
        setattr(request, _REQUEST_ATTR, centre)
    return centre
