"""The centre's membership records in the admin: filters, totals, CSV export, dues paid."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from frivillig.lib.csv import SEMICOLON, csv_response

from ..models import Membership
from ..services import membership


class PaidFilter(admin.SimpleListFilter):
    title = _("dues")
    parameter_name = "paid"

    def lookups(self, request, model_admin):
        return [("yes", _("Paid")), ("no", _("Outstanding"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(paid_on__isnull=False)
        if self.value() == "no":
            return queryset.filter(paid_on__isnull=True)
        return queryset


def membership_csv_response(queryset, *, filename: str):
    """The rows as CSV for Danish Excel, which splits on ";" because "," is its decimal mark
    (open data, read by programs, uses the comma)."""
    return csv_response(
        filename=filename,
        header=membership.membership_csv_header(),
        rows=membership.membership_csv_rows(queryset),
        delimiter=SEMICOLON,
    )


def _export_filename() -> str:
    return f"medlemskaber-{timezone.localdate().isoformat()}.csv"


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["association", "year", "type", "fee", "paid_on", "joined_on", "left_on"]
    list_filter = ["year", "type", PaidFilter]
    search_fields = ["association__name"]
    autocomplete_fields = ["association"]
    list_select_related = ["association"]
    list_per_page = 100
    ordering = ["-year", "association__name"]
    actions = ["export_csv", "mark_paid_today", "renew_next_year"]
    fields = [
        "association",
        ("year", "type"),
        ("fee", "paid_on"),
        ("joined_on", "left_on"),
        "notes",
    ]

    def get_urls(self):
        return [
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name="foreninger_membership_export",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        # The totals follow the filters and the search: they are computed from the
        # changelist's own queryset once it is built, not from all rows.
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            changelist = context["cl"]
            context["membership_totals"] = membership.membership_totals(changelist.queryset)
            context["export_url"] = (
                reverse("admin:foreninger_membership_export") + changelist.get_query_string()
            )
        return response

    def export_view(self, request):
        """The whole filtered list as CSV (the action exports only the ticked rows)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:foreninger_membership_changelist") + "?e=1")
        return membership_csv_response(changelist.queryset, filename=_export_filename())

    @admin.action(description=_("Export the selected memberships as CSV"))
    def export_csv(self, request, queryset):
        return membership_csv_response(queryset, filename=_export_filename())

    @admin.action(description=_("Mark as paid today"), permissions=["change"])
    def mark_paid_today(self, request, queryset):
        count = membership.mark_memberships_paid(memberships=queryset, paid_on=timezone.localdate())
        self.message_user(
            request,
            ngettext(
                "%(count)d membership marked as paid.",
                "%(count)d memberships marked as paid.",
                count,
            )
            % {"count": count},
        )

    @admin.action(
        description=_("Renew for the following year (unpaid, same type and fee)"),
        permissions=["add"],
    )
    def renew_next_year(self, request, queryset):
        count = 0
        for year in sorted(set(queryset.values_list("year", flat=True))):
            count += membership.renew_memberships(
                year=year + 1, from_year=year, memberships=queryset
            )
        self.message_user(
            request,
            ngettext(
                "%(count)d membership made for the following year.",
                "%(count)d memberships made for the following year.",
                count,
            )
            % {"count": count},
        )
