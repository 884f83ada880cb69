"""Public pages of the foreninger app (namespace ``foreninger``)."""

from django.urls import path

from . import (
    advice,
    freshness,
    members,
    min_forening,
    offer_inbox,
    opendata,
    registration,
    views,
    volunteering,
)

app_name = "foreninger"

urlpatterns = [
    path("foreninger/", views.association_list, name="list"),
    path("foreninger/<slug:slug>/", views.association_detail, name="detail"),
    path("opret-forening/", registration.register_association, name="register"),
    path("opret-forening/tak/", registration.register_thanks, name="register_thanks"),
    path("bekraeft-opslag/<str:token>/", freshness.confirm_listing, name="confirm_listing"),
    path("medlemmer/", members.member_list, name="members"),
    # Volunteer opportunities and "I want to help"
    path("frivillig/", volunteering.opportunity_list, name="opportunities"),
    path("frivillig/<int:pk>/", volunteering.opportunity_detail, name="opportunity"),
    path("frivillig/<int:pk>/tak/", volunteering.offer_thanks, name="offer_thanks"),
    # "Min forening": a contact's own associations (access: foreninger/access.py)
    path("min-forening/", min_forening.dashboard, name="my_associations"),
    path("min-forening/<slug:slug>/", min_forening.edit_listing, name="my_association"),
    path("min-forening/<slug:slug>/logo/", min_forening.edit_logo, name="my_logo"),
    path(
        "min-forening/<slug:slug>/send-til-godkendelse/",
        min_forening.submit_for_review,
        name="my_submit",
    ),
    path(
        "min-forening/<slug:slug>/bekraeft/",
        min_forening.confirm_current,
        name="my_confirm",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/",
        min_forening.opportunity_list,
        name="my_opportunities",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/ny/",
        min_forening.opportunity_create,
        name="my_opportunity_create",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/<int:pk>/",
        min_forening.opportunity_edit,
        name="my_opportunity_edit",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/<int:pk>/slet/",
        min_forening.opportunity_delete,
        name="my_opportunity_delete",
    ),
    path("min-forening/<slug:slug>/henvendelser/", offer_inbox.offer_list, name="my_offers"),
    path(
        "min-forening/<slug:slug>/henvendelser/<int:pk>/besvaret/",
        offer_inbox.mark_answered,
        name="my_offer_answered",
    ),
    path("min-forening/<slug:slug>/medlemskab/", members.my_membership, name="my_membership"),
    # Association service
    path("foreningsservice/", advice.association_service, name="service"),
    path("foreningsservice/tak/", advice.association_service_thanks, name="service_thanks"),
    # Open data
    path("api/", opendata.api_index, name="api"),
    path("api/foreninger.json", opendata.associations_json, name="api_associations_json"),
    path("api/foreninger.csv", opendata.associations_csv, name="api_associations_csv"),
    path("api/frivillig.json", opendata.opportunities_json, name="api_opportunities_json"),
    path("api/frivillig.csv", opendata.opportunities_csv, name="api_opportunities_csv"),
]
