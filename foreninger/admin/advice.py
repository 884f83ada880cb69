"""Staff handle the association service's advice requests as cases."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import AdviceRequest


@admin.register(AdviceRequest)
class AdviceRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "association_name", "topic", "status", "owner"]
    list_filter = ["status", "topic", ("owner", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "email", "association_name", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["owner"]
    actions = ["assign_to_me", "close"]
    fieldsets = [
        (
            _("The request"),
            {
                "fields": [
                    ("name", "email", "phone"),
                    "association_name",
                    "topic",
                    "message",
                    ("created_at", "language"),
                ]
            },
        ),
        (_("Handling"), {"fields": ["status", "owner", "notes", "closed_at"]}),
    ]
    readonly_fields = [
        "name",
        "email",
        "phone",
        "association_name",
        "topic",
        "message",
        "created_at",
        "language",
        "closed_at",
    ]

    def has_add_permission(self, request):
        # Requests come from the public form; staff never type them in.
        return False

    def save_model(self, request, obj, form, change):
        if obj.status == AdviceRequest.Status.CLOSED and obj.closed_at is None:
            obj.closed_at = timezone.now()
        elif obj.status != AdviceRequest.Status.CLOSED:
            obj.closed_at = None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Assign to me"))
    def assign_to_me(self, request, queryset):
        count = queryset.update(owner=request.user)
        queryset.filter(status=AdviceRequest.Status.NEW).update(
            status=AdviceRequest.Status.IN_PROGRESS
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d request assigned to you.", "%(count)d requests assigned to you.", count
            )
            % {"count": count},
        )

    @admin.action(description=_("Close"))
    def close(self, request, queryset):
        count = queryset.exclude(status=AdviceRequest.Status.CLOSED).update(
            status=AdviceRequest.Status.CLOSED, closed_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%(count)d request closed.", "%(count)d requests closed.", count)
            % {"count": count},
        )
