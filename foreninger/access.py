"""Who may reach which association's "Min forening" pages.

Every view under /min-forening/<slug>/ starts with ``get_association_for_contact``; anyone
who is not a contact of that association gets a 404, so a guessed slug or id tells nothing.
"""

from django.http import Http404

from .models import Association, VolunteerOffer, VolunteerOpportunity


def associations_for_contact(user):
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(contact_links__user=user)


def get_association_for_contact(user, slug: str) -> Association:
    """The association with ``slug`` if ``user`` is one of its contacts, else 404."""
    association = associations_for_contact(user).filter(slug=slug).first()
    if association is None:
        raise Http404
    return association


def get_opportunity_for_contact(user, slug: str, pk: int) -> VolunteerOpportunity:
    association = get_association_for_contact(user, slug)
    opportunity = association.opportunities.filter(pk=pk).first()
    if opportunity is None:
        raise Http404
    return opportunity


def get_offer_for_contact(user, slug: str, pk: int) -> VolunteerOffer:
    association = get_association_for_contact(user, slug)
    offer = (
        VolunteerOffer.objects.filter(pk=pk, opportunity__association=association)
        .select_related("opportunity__association")
        .first()
    )
    if offer is None:
        raise Http404
    return offer
