"""Membership of the centre on the public site: the list of member associations, and a
contact's own membership history under "Min forening"."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..access import get_association_for_contact
from ..guide_cache import cached_list_page, guide_page
from ..services.membership import current_year, member_associations

PAGE_SIZE = 20


def _member_list_body(request) -> dict:
    associations = (
        member_associations()
        .prefetch_related("categories")
        .only("name", "slug")
        .order_by("name", "pk")
    )
    page = Paginator(associations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": current_year(),
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "associations": page.object_list,
    }
    return {
        "body": render_to_string(
            "foreninger/members/includes/member_list_body.html", context, request
        ),
        "year": context["year"],
        "page_number": page.number,
    }


MEMBER_LIST_PARAMS = ["page"]


@guide_page(params=MEMBER_LIST_PARAMS)
@require_GET
def member_list(request):
    # Cached like the guide's list (membership changes bump the same generation).
    scope = f"members:{timezone.localdate().isoformat()}"
    page = cached_list_page(
        request, scope=scope, params=MEMBER_LIST_PARAMS, build=_member_list_body
    )
    return render(request, "foreninger/members/member_list.html", page)


@login_required
@require_GET
def my_membership(request, slug):
    association = get_association_for_contact(request.user, slug)
    context = {
        "association": association,
        "memberships": association.memberships.order_by("-year"),
        "year": current_year(),
    }
    return render(request, "foreninger/members/my_membership.html", context)
