"""Forms of "Min forening": the listing, its logo and its volunteer opportunities."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from frivillig.lib.images import LogoField

from ..models import Association, TargetGroup, VolunteerOpportunity
from ..services.revisions import EDITABLE_FIELDS


def https_by_default(db_field, **kwargs):
    # Django 6 will assume https for addresses typed without a scheme; do so already.
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


LISTING_WIDGETS = {
    "categories": forms.CheckboxSelectMultiple,
    "target_groups": forms.CheckboxSelectMultiple,
    "short_description": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
    "description": forms.Textarea(attrs={"rows": 8, "maxlength": 20000}),
    "meeting_times": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
}


class ListingForm(forms.ModelForm):
    """What a contact may change in the listing: never status, trust, slug or freshness."""

    class Meta:
        model = Association
        fields = EDITABLE_FIELDS
        formfield_callback = https_by_default
        widgets = LISTING_WIDGETS


class LogoForm(forms.Form):
    logo = LogoField(label=_("New logo"))


class OpportunityForm(forms.ModelForm):
    """A volunteer opportunity; its association comes from the URL, never from the form."""

    class Meta:
        model = VolunteerOpportunity
        fields = [
            "title",
            "description",
            "time_commitment",
            "when",
            "where",
            "suitable_for",
            "contact_name",
            "contact_email",
            "is_active",
            "closes_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
            "suitable_for": forms.CheckboxSelectMultiple,
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suitable_for"].queryset = TargetGroup.objects.all()
