"""The centre's own pages (namespace ``frivillig``)."""

from django.urls import path

from .views import accounts, pages, search

app_name = "frivillig"

urlpatterns = [
    path("", pages.home, name="home"),
    path("om/", pages.about, name="about"),
    path("privatlivspolitik/", pages.privacy_policy, name="privacy"),
    path("tilgaengelighed/", pages.accessibility_statement, name="accessibility"),
    path("soeg/", search.site_search, name="search"),
    path(
        "konto/invitation/<str:token>/",
        accounts.accept_invitation,
        name="accept_invitation",
    ),
]
