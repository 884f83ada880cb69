from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .centre import get_centre
from .navigation import main_navigation


def site(request):
    return {
        "centre": SimpleLazyObject(lambda: get_centre(request)),
        "main_navigation": SimpleLazyObject(lambda: main_navigation(request.path)),
        "debug_banner": settings.DEBUG,
    }
