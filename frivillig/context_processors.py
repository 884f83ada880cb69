from django.conf import settings

from .centre import get_centre
from .navigation import language_versions, main_navigation


def site(request):
    return {
        "centre": get_centre(request),
        "main_navigation": main_navigation(request.path),
        "language_versions": language_versions(request),
        "debug_banner": settings.DEBUG,
    }
