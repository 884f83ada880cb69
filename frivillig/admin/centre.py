"""The centre's profile in the admin: one row, so the list page goes straight to its form."""

from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..lib.images import LogoField
from ..models import CentreProfile, resize_logo


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
                "description": _("Changes show on every page at once."),
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
