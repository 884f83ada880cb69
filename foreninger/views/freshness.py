"""The one-click page a freshness reminder links to: a contact confirms the listing is current."""

from django.core import signing
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ..services.freshness import association_for_token


@require_http_methods(["GET", "POST"])
def confirm_listing(request, token):
    try:
        association = association_for_token(token)
    except signing.SignatureExpired:
        return render(
            request, "foreninger/freshness/invalid.html", {"reason": "expired"}, status=400
        )
    except signing.BadSignature:
        return render(
            request, "foreninger/freshness/invalid.html", {"reason": "invalid"}, status=400
        )
    if association is None:
        return render(request, "foreninger/freshness/invalid.html", {"reason": "gone"}, status=404)
    # Only the POST from the button confirms. Mail systems and virus scanners open the
    # links in incoming mail to check them; if the GET confirmed, a listing would be
    # "confirmed" without anyone having read it.
    if request.method == "POST":
        association.confirm_current()
        return render(request, "foreninger/freshness/confirmed.html", {"association": association})
    context = {
        "association": association,
        "categories": association.categories.all(),
        "edit_url": reverse("foreninger:my_association", kwargs={"slug": association.slug}),
    }
    return render(request, "foreninger/freshness/confirm.html", context)
