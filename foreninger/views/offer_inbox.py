"""Min forening: the offers to help an association has received, and marking them answered.

Only the association's contacts reach these pages (foreninger/access.py); anyone else gets
a 404, also staff, who follow offers up in the admin instead.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..access import get_association_for_contact, get_offer_for_contact
from ..models import VolunteerOffer
from ..services.offers import mark_offer_answered

PAGE_SIZE = 20


@login_required
@require_GET
def offer_list(request, slug: str):
    association = get_association_for_contact(request.user, slug)
    offers = (
        VolunteerOffer.objects.filter(opportunity__association=association)
        .select_related("opportunity", "answered_by")
        # Unanswered first, the longest-waiting at the top; then the latest answered.
        .order_by(F("answered_at").desc(nulls_first=True), "created_at", "pk")
    )
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for offer in page.object_list:
        offer.days_waiting = (now - offer.created_at).days
        offer.is_overdue = (
            offer.answered_at is None and now - offer.created_at > VolunteerOffer.ANSWER_WITHIN
        )
    context = {
        "association": association,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "offers": page.object_list,
        "unanswered_count": VolunteerOffer.objects.filter(opportunity__association=association)
        .unanswered()
        .count(),
        "answer_within_days": VolunteerOffer.ANSWER_WITHIN.days,
    }
    return render(request, "foreninger/offer_inbox/offer_list.html", context)


@login_required
@require_POST
def mark_answered(request, slug: str, pk: int):
    offer = get_offer_for_contact(request.user, slug, pk)
    try:
        mark_offer_answered(offer=offer, user=request.user)
    except ValidationError as error:
        messages.info(request, error.messages[0])
    else:
        messages.success(
            request, _("The offer from %(name)s is marked as answered.") % {"name": offer.name}
        )
    return redirect("foreninger:my_offers", slug=offer.opportunity.association.slug)
