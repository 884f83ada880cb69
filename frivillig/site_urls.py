"""The centre's own pages (namespace ``frivillig``)."""

from django.urls import path

from . import views

app_name = "frivillig"

urlpatterns = [
    path("", views.home, name="home"),
    path("om/", views.about, name="about"),
    path("privatlivspolitik/", views.privacy_policy, name="privacy"),
    path("tilgaengelighed/", views.accessibility_statement, name="accessibility"),
    path("soeg/", views.site_search, name="search"),
    path(
        "konto/invitation/<str:token>/",
        views.accept_invitation,
        name="accept_invitation",
    ),
]
