"""The association guide in the admin: listings, the review queue, vocabularies, opportunities."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from frivillig.lib.images import LogoField

from .. import reports
from ..models import (
    Area,
    Association,
    AssociationContact,
    Category,
    TargetGroup,
    VolunteerOpportunity,
)
from ..services import listings
from .reject import reject_with_reason


class FreshnessFilter(admin.SimpleListFilter):
    title = _("freshness")
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return [("stale", _("Published, not confirmed for 12 months"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return reports.stale_associations(queryset)
        return queryset


def _https_by_default(db_field, **kwargs):
    # Django 6 will assume https for addresses typed without a scheme; do so already.
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class AssociationAdminForm(forms.ModelForm):
    """The listing, with the logo uploaded through the checks of ``frivillig.lib.images``."""

    new_logo = LogoField(label=_("Upload a new logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Association
        formfield_callback = _https_by_default
        fields = [
            field.name
            for field in Association._meta.get_fields()
            if getattr(field, "editable", False)
            and not field.auto_created
            and field.name not in ("logo", "logo_thumbnail", "search_vector", "contacts")
        ]
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "short_description": forms.Textarea(attrs={"rows": 2}),
            "meeting_times": forms.Textarea(attrs={"rows": 3}),
        }


class AssociationContactInline(admin.TabularInline):
    model = AssociationContact
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name = _("contact (login)")
    verbose_name_plural = _("contacts (logins that may edit the listing)")


class VolunteerOpportunityInline(admin.StackedInline):
    model = VolunteerOpportunity
    extra = 0
    show_change_link = True
    fields = [
        "title",
        "description",
        ("time_commitment", "when", "where"),
        ("contact_name", "contact_email"),
        ("is_active", "closes_on"),
    ]
    classes = ["collapse"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    form = AssociationAdminForm
    list_display = [
        "name",
        "status",
        "category_names",
        "area",
        "wants_volunteers",
        "trusted",
        "last_confirmed",
        "updated",
    ]
    list_filter = [
        "status",
        FreshnessFilter,
        "categories",
        "target_groups",
        "area",
        "looking_for_volunteers",
        "trusted",
        "step_free_access",
    ]
    search_fields = ["name", "cvr", "email", "city"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["area"]
    list_per_page = 50
    date_hierarchy = None
    readonly_fields = [
        "logo_preview",
        "versions_link",
        "last_confirmed_at",
        "created_at",
        "updated_at",
    ]
    inlines = [AssociationContactInline, VolunteerOpportunityInline]
    actions = ["approve", "reject", "publish", "hide"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    ("status", "trusted"),
                    "short_description",
                    "description",
                ]
            },
        ),
        (_("Logo"), {"fields": ["logo_preview", "new_logo", "remove_logo"]}),
        (
            _("What and for whom"),
            {"fields": ["categories", "target_groups", "area", "looking_for_volunteers"]},
        ),
        (
            _("Where and when"),
            {
                "fields": [
                    "address",
                    ("postal_code", "city"),
                    "meeting_place",
                    "meeting_times",
                    "languages",
                ]
            },
        ),
        (
            _("Accessibility"),
            {"fields": [("step_free_access", "hearing_loop", "accessible_toilet")]},
        ),
        (
            _("Contact channels"),
            {"fields": ["website", ("email", "phone"), "facebook_url", "instagram_url"]},
        ),
        (_("About the association"), {"fields": ["cvr", "founded_year", "membership_fee"]}),
        (_("Freshness"), {"fields": [("last_confirmed_at", "created_at", "updated_at")]}),
        (_("Versions"), {"fields": ["versions_link"]}),
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("area").prefetch_related("categories")

    def changelist_view(self, request, extra_context=None):
        # Nine columns and the filters need the room of the navigation sidebar on a laptop.
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "review-queue/",
                self.admin_site.admin_view(self.review_queue_view),
                name="foreninger_association_review_queue",
            ),
            *super().get_urls(),
        ]

    def review_queue_view(self, request):
        """A stable address for the review queue: the list filtered to awaiting review."""
        return redirect(
            reverse("admin:foreninger_association_changelist") + reports.REVIEW_QUEUE_QUERY
        )

    @admin.display(description=_("categories"))
    def category_names(self, obj):
        return ", ".join(category.display_name for category in obj.categories.all())

    @admin.display(description=_("volunteers?"), boolean=True, ordering="looking_for_volunteers")
    def wants_volunteers(self, obj):
        return obj.looking_for_volunteers

    @admin.display(description=_("confirmed"), ordering="last_confirmed_at")
    def last_confirmed(self, obj):
        return (
            date_format(localtime(obj.last_confirmed_at), "SHORT_DATE_FORMAT")
            if obj.last_confirmed_at
            else self.get_empty_value_display()
        )

    @admin.display(description=_("updated"), ordering="updated_at")
    def updated(self, obj):
        return date_format(localtime(obj.updated_at), "SHORT_DATE_FORMAT")

    @admin.display(description=_("current logo"))
    def logo_preview(self, obj):
        if obj is None or not obj.logo_thumbnail:
            return _("No logo yet.")
        return format_html(
            '<img src="{}" alt="" style="max-width:160px;max-height:160px;background:#fff;'
            'border:1px solid #ddd;padding:4px"> <a href="{}">{}</a>',
            obj.logo_thumbnail.url,
            obj.logo.url if obj.logo else obj.logo_thumbnail.url,
            _("Full size"),
        )

    @admin.display(description=_("versions of the listing"))
    def versions_link(self, obj):
        if obj is None or obj.pk is None:
            return self.get_empty_value_display()
        url = reverse("admin:foreninger_associationrevision_changelist")
        pending = obj.revisions.pending().first()
        history = format_html(
            '<a href="{}?association__id__exact={}">{}</a>', url, obj.pk, _("All versions")
        )
        if pending is None:
            return history
        return format_html(
            '{} · <a href="{}"><strong>{}</strong></a>',
            history,
            reverse("admin:foreninger_associationrevision_change", args=[pending.pk]),
            _("Changes awaiting review"),
        )

    def save_model(self, request, obj, form, change):
        review, published = Association.Status.AWAITING_REVIEW, Association.Status.PUBLISHED
        approving = (
            change
            and "status" in form.changed_data
            and form.initial.get("status") == review
            and obj.status == published
        )
        if approving:
            # Publishing from the form is an approval: it must invite the registrant too.
            obj.status = review
        super().save_model(request, obj, form, change)
        if approving:
            listings.approve_association(association=obj)
            obj.refresh_from_db()
        upload = form.cleaned_data.get("new_logo")
        if upload:
            listings.set_logo(association=obj, upload=upload)
        elif form.cleaned_data.get("remove_logo") and obj.logo:
            listings.remove_logo(association=obj)

    @admin.action(
        description=_("Approve (publish) listings awaiting review"), permissions=["change"]
    )
    def approve(self, request, queryset):
        approved = listings.approve_associations(associations=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d listing approved and published.",
                "%(count)d listings approved and published.",
                approved,
            )
            % {"count": approved},
        )

    @admin.action(
        description=_("Reject listings awaiting review (with a reason)"), permissions=["change"]
    )
    def reject(self, request, queryset):
        queryset = queryset.filter(status=Association.Status.AWAITING_REVIEW)
        if not queryset.exists():
            self.message_user(
                request, _("None of the chosen listings is awaiting review."), messages.WARNING
            )
            return None
        return reject_with_reason(
            self,
            request,
            queryset,
            reject=lambda association, reason: listings.reject_association(
                association=association, reason=reason
            ),
            title=_("Reject listings"),
            explanation=_(
                "These listings go back to draft, and the reason below is emailed to each "
                "association's contacts (in Danish, as plain text):"
            ),
            names=[association.name for association in queryset],
            cancel_url=reverse("admin:foreninger_association_changelist") + "?status__exact=review",
            done_message=lambda count: (
                ngettext(
                    "%(count)d listing rejected; the contacts were emailed the reason.",
                    "%(count)d listings rejected; the contacts were emailed the reason.",
                    count,
                )
                % {"count": count}
            ),
        )

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        count = listings.publish_associations(associations=queryset)
        self.message_user(
            request,
            ngettext("%(count)d listing published.", "%(count)d listings published.", count)
            % {"count": count},
        )

    @admin.action(description=_("Hide from the guide"), permissions=["change"])
    def hide(self, request, queryset):
        count = listings.hide_associations(associations=queryset)
        self.message_user(
            request,
            ngettext("%(count)d listing hidden.", "%(count)d listings hidden.", count)
            % {"count": count},
        )


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Category, VocabularyAdmin)
admin.site.register(TargetGroup, VocabularyAdmin)
admin.site.register(Area, VocabularyAdmin)


@admin.register(VolunteerOpportunity)
class VolunteerOpportunityAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "association",
        "time_commitment",
        "is_active",
        "closes_on",
        "created_at",
    ]
    list_filter = ["is_active", ("association", admin.RelatedOnlyFieldListFilter), "suitable_for"]
    search_fields = ["title", "description", "association__name"]
    list_select_related = ["association"]
    autocomplete_fields = ["association"]
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    fields = [
        "association",
        "title",
        "description",
        ("time_commitment", "when", "where"),
        "suitable_for",
        ("contact_name", "contact_email"),
        ("is_active", "closes_on"),
    ]
