"""Invitations in the admin: staff invite people by email with their roles, resend or revoke."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Invitation
from ..roles import ROLE_DESCRIPTIONS
from ..services.invitations import revoke_invitations, send_invitation


class InvitationStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Invitation.Status.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case Invitation.Status.PENDING:
                return queryset.pending().filter(expires_at__gt=now)
            case Invitation.Status.ACCEPTED:
                return queryset.filter(accepted_at__isnull=False)
            case Invitation.Status.EXPIRED:
                return queryset.pending().filter(expires_at__lte=now)
            case Invitation.Status.REVOKED:
                return queryset.filter(Q(revoked_at__isnull=False) & Q(accepted_at__isnull=True))
        return queryset


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "role_names", "status_display", "invited_by", "sent_at"]
    list_filter = [InvitationStatusFilter, "roles"]
    search_fields = ["email", "name"]
    fields = ["email", "name", "roles", "language"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    actions = ["resend", "revoke"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("invited_by").prefetch_related("roles")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["email", "name", "roles", "language"]
        return []

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "roles":
            field.help_text = " ".join(str(text) for text in ROLE_DESCRIPTIONS.values())
        return field

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(role.name for role in obj.roles.all())

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.get_status_display()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.invited_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            send_invitation(invitation=form.instance, base_url=request.build_absolute_uri("/"))
            messages.success(
                request,
                _("The invitation was emailed to %(email)s.") % {"email": form.instance.email},
            )

    @admin.action(description=_("Send the invitation again (new link)"))
    def resend(self, request, queryset):
        sent = 0
        for invitation in queryset.filter(accepted_at__isnull=True):
            send_invitation(invitation=invitation, base_url=request.build_absolute_uri("/"))
            sent += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent)
            % {"count": sent},
        )

    @admin.action(description=_("Revoke the invitation"))
    def revoke(self, request, queryset):
        revoked = revoke_invitations(invitations=queryset)
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", revoked)
            % {"count": revoked},
        )
