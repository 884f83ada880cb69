"""Public pages of the foreninger app (namespace ``foreninger``)."""

from django.urls import path

from . import advice, opendata, views

app_name = "foreninger"

urlpatterns = [
    path("foreninger/", views.association_list, name="list"),
    path("foreninger/<slug:slug>/", views.association_detail, name="detail"),
    path("foreningsservice/", advice.association_service, name="service"),
    path("foreningsservice/tak/", advice.association_service_thanks, name="service_thanks"),
    path("api/", opendata.api_index, name="api"),
    path("api/foreninger.json", opendata.associations_json, name="api_associations_json"),
    path("api/foreninger.csv", opendata.associations_csv, name="api_associations_csv"),
    path("api/frivillig.json", opendata.opportunities_json, name="api_opportunities_json"),
    path("api/frivillig.csv", opendata.opportunities_csv, name="api_opportunities_csv"),
]
