from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..images import resize_logo
from ..lib.images import LogoField
from ..models import CentreProfile, Invitation
from ..roles import ROLE_DESCRIPTIONS
from ..services import invitations as services


@admin.register(CentreProfile)
class CentreProfileAdmin(admin.ModelAdmin):
    """One row: the list page goes straight to the form."""

    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        # Checked like every picture upload, in the form: a bad file is a form error.
        models.ImageField: {"form_class": LogoField, "process": resize_logo},
    }

    fieldsets = [
        (
            None,
            {
                "fields": ["name", "tagline", "tagline_en", "logo"],
                "description": _("Changes show on every page within a minute."),
            },
        ),
        (
            _("Address and contact"),
            {
                "fields": [
                    "address",
                    ("postal_code", "city"),
                    "municipality",
                    ("phone", "email"),
                    "cvr",
                    "opening_hours",
                    "opening_hours_en",
                ]
            },
        ),
        (_("About the centre"), {"fields": ["about_text", "about_text_en"]}),
        (
            _("Privacy and accessibility"),
            {
                "fields": [
                    "privacy_policy",
                    "privacy_policy_en",
                    "accessibility_statement",
                    "accessibility_statement_en",
                ]
            },
        ),
        (_("Social media"), {"fields": ["facebook_url", "instagram_url", "linkedin_url"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        CentreProfile.objects.get_or_create(pk=1)
        return redirect(reverse("admin:frivillig_centreprofile_change", args=[1]))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
            services.send_invitation(
                invitation=form.instance, base_url=request.build_absolute_uri("/")
            )
            messages.success(
                request,
                _("The invitation was emailed to %(email)s.") % {"email": form.instance.email},
            )

    @admin.action(description=_("Send the invitation again (new link)"))
    def resend(self, request, queryset):
        sent = 0
        for invitation in queryset.filter(accepted_at__isnull=True):
            services.send_invitation(
                invitation=invitation, base_url=request.build_absolute_uri("/")
            )
            sent += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent)
            % {"count": sent},
        )

    @admin.action(description=_("Revoke the invitation"))
    def revoke(self, request, queryset):
        revoked = services.revoke_invitations(invitations=queryset)
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", revoked)
            % {"count": revoked},
        )


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class CentreUserAdmin(UserAdmin):
    """Django's user admin, without the keys to the kingdom for non-superusers.

    Staff manage people's roles and can deactivate a login; only a superuser can see or
    change superuser status and per-user permissions, or touch a superuser's account.
    """

    list_display = ["username", "email", "first_name", "last_name", "role_names", "is_active"]
    list_filter = ["groups", "is_active", "is_staff", "is_superuser"]

    staff_fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Roles and access"), {"fields": ["is_active", "is_staff", "groups"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return self.staff_fieldsets
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += ["last_login", "date_joined"]
        return readonly

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return self.list_filter
        return ["groups", "is_active"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(group.name for group in obj.groups.all())
