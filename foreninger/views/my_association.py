""" "Min forening": a contact keeps their own associations' listings current.

Every view of one association starts with ``foreninger.access``: anyone who is not one of
its contacts (staff included: staff work in the admin) gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from frivillig.lib.forms import posted

from ..access import (
    associations_for_contact,
    get_association_for_contact,
    get_opportunity_for_contact,
)
from ..forms.listing import ListingForm, LogoForm, OpportunityForm
from ..models import Association, AssociationRevision
from ..services import revisions

PAGE_SIZE = 20

#: What a contact is told after saving the listing, by what happened to the changes.
SAVED_MESSAGES = {
    Association.Status.PUBLISHED: gettext_lazy("Saved. Your changes are published."),
    Association.Status.DRAFT: gettext_lazy(
        "Saved. Send the listing for review when it is ready to be published."
    ),
    Association.Status.AWAITING_REVIEW: gettext_lazy(
        "Saved. Staff see your changes when they review the listing."
    ),
    Association.Status.HIDDEN: gettext_lazy("Saved. The listing is not shown in the guide."),
}
REVIEW_MESSAGE = gettext_lazy("Saved. Staff will review your changes before they are published.")


def _page(request, queryset):
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return page, page.paginator.get_elided_page_range(page.number, on_each_side=2)


@login_required
def dashboard(request):
    pending = AssociationRevision.objects.pending().filter(association=OuterRef("pk"))
    associations = (
        associations_for_contact(request.user)
        .annotate(has_pending_changes=Exists(pending))
        .order_by("name")
    )
    page, page_range = _page(request, associations)
    context = {"page": page, "page_range": page_range, "associations": page.object_list}
    return render(request, "foreninger/min_forening/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_listing(request, slug):
    association = get_association_for_contact(request.user, slug)
    pending = association.revisions.pending().first()
    initial = revisions.form_initial(pending) if pending else None
    form = ListingForm(posted(request), instance=association, initial=initial)
    if request.method == "POST" and form.is_valid():
        revision = revisions.save_listing_changes(
            association=association, cleaned_data=form.cleaned_data, user=request.user
        )
        if revision is None:
            messages.info(request, _("Nothing was changed."))
        elif revision.state == AssociationRevision.State.PENDING:
            messages.success(request, REVIEW_MESSAGE)
        else:
            messages.success(request, SAVED_MESSAGES[revision.association.status])
        return redirect("foreninger:my_association", slug=association.slug)
    context = {
        # Validating the form wrote the rejected input onto ``association``; the page's
        # heading and links show the stored listing.
        "association": Association.objects.get(pk=association.pk),
        "form": form,
        "pending": pending,
        "needs_review": revisions.needs_review(association),
    }
    return render(request, "foreninger/min_forening/listing_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_logo(request, slug):
    association = get_association_for_contact(request.user, slug)
    pending = association.revisions.pending().first()
    form = LogoForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = revisions.save_logo(
                association=association, upload=form.cleaned_data["logo"], user=request.user
            )
        except ValidationError as error:
            form.add_error("logo", error)
        else:
            if revision is None:
                messages.success(request, _("The new logo is saved."))
            else:
                messages.success(
                    request, _("The new logo is saved. Staff will review it before it is shown.")
                )
            return redirect("foreninger:my_logo", slug=association.slug)
    context = {
        "association": association,
        "form": form,
        "pending": pending,
        "needs_review": revisions.needs_review(association),
    }
    return render(request, "foreninger/min_forening/logo_form.html", context)


@login_required
@require_POST
def submit_for_review(request, slug):
    association = get_association_for_contact(request.user, slug)
    try:
        revisions.submit_for_review(association=association)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Sent for review. We email you when staff have looked at the listing.")
        )
    return redirect("foreninger:my_associations")


@login_required
@require_POST
def confirm_current(request, slug):
    association = get_association_for_contact(request.user, slug)
    association.confirm_current()
    messages.success(request, _("Thank you. The listing is marked as up to date."))
    return redirect("foreninger:my_associations")


@login_required
def opportunity_list(request, slug):
    association = get_association_for_contact(request.user, slug)
    opportunities = association.opportunities.order_by("-created_at", "-pk")
    page, page_range = _page(request, opportunities)
    context = {
        "association": association,
        "page": page,
        "page_range": page_range,
        "opportunities": page.object_list,
    }
    return render(request, "foreninger/min_forening/opportunity_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request, slug):
    association = get_association_for_contact(request.user, slug)
    form = OpportunityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            opportunity = form.save(commit=False)
            opportunity.association = association
            opportunity.save()
            form.save_m2m()
        messages.success(request, _("The volunteer opportunity is saved and published."))
        return redirect("foreninger:my_opportunities", slug=association.slug)
    context = {"association": association, "form": form, "opportunity": None}
    return render(request, "foreninger/min_forening/opportunity_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, slug, pk):
    opportunity = get_opportunity_for_contact(request.user, slug, pk)
    form = OpportunityForm(posted(request), instance=opportunity)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The volunteer opportunity is saved and published."))
        return redirect("foreninger:my_opportunities", slug=opportunity.association.slug)
    context = {"association": opportunity.association, "form": form, "opportunity": opportunity}
    return render(request, "foreninger/min_forening/opportunity_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_delete(request, slug, pk):
    opportunity = get_opportunity_for_contact(request.user, slug, pk)
    association = opportunity.association
    if request.method == "POST":
        opportunity.delete()
        messages.success(request, _("The volunteer opportunity is deleted."))
        return redirect("foreninger:my_opportunities", slug=association.slug)
    context = {"association": association, "opportunity": opportunity}
    return render(request, "foreninger/min_forening/opportunity_confirm_delete.html", context)
