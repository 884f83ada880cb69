"""Public pages of the foreninger app (namespace ``foreninger``)."""

from django.urls import path

from .views import (
    advice,
    freshness,
    guide,
    members,
    my_association,
    offer_inbox,
    opendata,
    registration,
    volunteering,
)

app_name = "foreninger"

urlpatterns = [
    path("foreninger/", guide.association_list, name="list"),
    path("foreninger/<slug:slug>/", guide.association_detail, name="detail"),
    path("opret-forening/", registration.register_association, name="register"),
    path("opret-forening/tak/", registration.register_thanks, name="register_thanks"),
    path("bekraeft-opslag/<str:token>/", freshness.confirm_listing, name="confirm_listing"),
    path("medlemmer/", members.member_list, name="members"),
    # Volunteer opportunities and "I want to help"
    path("frivillig/", volunteering.opportunity_list, name="opportunities"),
    path("frivillig/<int:pk>/", volunteering.opportunity_detail, name="opportunity"),
    path("frivillig/<int:pk>/tak/", volunteering.offer_thanks, name="offer_thanks"),
    # "Min forening": a contact's own associations (access: foreninger/access.py)
    path("min-forening/", my_association.dashboard, name="my_associations"),
    path("min-forening/<slug:slug>/", my_association.edit_listing, name="my_association"),
    path("min-forening/<slug:slug>/logo/", my_association.edit_logo, name="my_logo"),
    path(
        "min-forening/<slug:slug>/send-til-godkendelse/",
        my_association.submit_for_review,
        name="my_submit",
    ),
    path(
        "min-forening/<slug:slug>/bekraeft/",
        my_association.confirm_current,
        name="my_confirm",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/",
        my_association.opportunity_list,
        name="my_opportunities",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/ny/",
        my_association.opportunity_create,
        name="my_opportunity_create",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/<int:pk>/",
        my_association.opportunity_edit,
        name="my_opportunity_edit",
    ),
    path(
        "min-forening/<slug:slug>/frivillig/<int:pk>/slet/",
        my_association.opportunity_delete,
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
