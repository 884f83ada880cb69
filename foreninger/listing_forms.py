"""Forms of "Min forening" and of the public registration of a new association."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .images import LogoField
from .models import Association, TargetGroup, VolunteerOpportunity
from .revisions import EDITABLE_FIELDS
from .spam import HoneypotMixin


def _https_by_default(db_field, **kwargs):
    # Django 6 will assume https for addresses typed without a scheme; do so already.
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


_LISTING_WIDGETS = {
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
        formfield_callback = _https_by_default
        widgets = _LISTING_WIDGETS


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


#: The listing fields someone registering a new association fills in.
REGISTRATION_FIELDS = [
    "name",
    "short_description",
    "description",
    "categories",
    "target_groups",
    "area",
    "address",
    "postal_code",
    "city",
    "meeting_times",
    "email",
    "phone",
]


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    """A new association for the guide; staff review it before anything is published.

    Someone who is logged in becomes the listing's contact at once and is not asked for a
    name and address (``user`` given).
    """

    # "website" is the honeypot's name (spam.HoneypotMixin), so the association's website
    # is asked for under another name and copied onto the listing.
    homepage = forms.URLField(
        label=_("The association's website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
    )
    registrant_name = forms.CharField(label=_("Your name"), max_length=150)
    registrant_email = forms.EmailField(
        label=_("Your email"),
        help_text=_("We write to you here when the listing is approved, with a link to log in."),
    )
    consent = forms.BooleanField(
        label=_(
            "The centre may store my name and email to review the listing and make me its "
            "contact person."
        ),
        error_messages={"required": _("We need your consent to handle the registration.")},
    )

    class Meta:
        model = Association
        fields = REGISTRATION_FIELDS
        formfield_callback = _https_by_default
        widgets = _LISTING_WIDGETS
        labels = {
            "name": _("Name of the association"),
            "email": _("The association's public email (optional)"),
            "phone": _("The association's public phone (optional)"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["registrant_name"]
            del self.fields["registrant_email"]
        self.order_fields([*REGISTRATION_FIELDS, "homepage"])

    def save(self, commit=True):
        association = super().save(commit=False)
        association.website = self.cleaned_data.get("homepage") or ""
        if commit:
            association.save()
            self.save_m2m()
        return association
