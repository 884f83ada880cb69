"""The centre's own pages (namespace ``frivillig``)."""

from django.urls import path

from .views import pages

app_name = "frivillig"

urlpatterns = [
    path("", pages.home, name="home"),
    path("om/", pages.about, name="about"),
    path("privatlivspolitik/", pages.privacy_policy, name="privacy"),
    path("tilgaengelighed/", pages.accessibility_statement, name="accessibility"),
    path("soeg/", pages.site_search, name="search"),
    path(
        "konto/invitation/<str:token>/",
        pages.accept_invitation,
        name="accept_invitation",
    ),
]
