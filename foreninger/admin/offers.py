"""Offers to help in the admin: staff see which volunteers are still waiting for an answer.

What the volunteer wrote is read-only; staff only record that the offer was answered.
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import VolunteerOffer


class AnswerFilter(admin.SimpleListFilter):
    title = _("answer")
    parameter_name = "answer"

    def lookups(self, request, model_admin):
        return [
            ("unanswered", _("Unanswered")),
            (
                "overdue",
                _("Unanswered for more than %(days)d days")
                % {"days": VolunteerOffer.ANSWER_WITHIN.days},
            ),
            ("answered", _("Answered")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unanswered":
            return queryset.unanswered()
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "answered":
            return queryset.filter(answered_at__isnull=False)
        return queryset


@admin.register(VolunteerOffer)
class VolunteerOfferAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "opportunity",
        "association",
        "created_at",
        "answered_at",
        "is_overdue",
    ]
    list_filter = [AnswerFilter, "reminded_at", "language"]
    search_fields = [
        "name",
        "email",
        "opportunity__title",
        "opportunity__association__name",
    ]
    date_hierarchy = "created_at"
    list_select_related = ["opportunity__association"]
    actions = ["mark_answered"]
    fields = [
        "opportunity",
        ("name", "email", "phone"),
        "message",
        ("created_at", "consent_at", "language"),
        ("answered_at", "answered_by"),
        "reminded_at",
    ]
    readonly_fields = [
        "opportunity",
        "name",
        "email",
        "phone",
        "message",
        "created_at",
        "consent_at",
        "language",
        "answered_at",
        "answered_by",
        "reminded_at",
    ]

    def has_add_permission(self, request):
        # Offers come from volunteers through the public form, never from staff.
        return False

    @admin.display(description=_("association"), ordering="opportunity__association__name")
    def association(self, offer):
        return offer.opportunity.association

    @admin.display(description=_("overdue"), boolean=True)
    def is_overdue(self, offer):
        return (
            offer.answered_at is None
            and timezone.now() - offer.created_at > VolunteerOffer.ANSWER_WITHIN
        )

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        # One UPDATE: the rule is only "not answered before", no mail is sent.
        changed = queryset.unanswered().update(answered_at=timezone.now(), answered_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d offer marked as answered.",
                "%(count)d offers marked as answered.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )
