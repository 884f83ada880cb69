"""The forms a citizen can submit without logging in: registering an association, offering
to help, asking the association service for advice. Each carries the honeypot and a consent box."""

from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.lib.forms import ConsentField, HoneypotMixin
from frivillig.lib.text import one_line

from ..models import AdviceRequest, Association, VolunteerOffer
from .listing import LISTING_WIDGETS, https_by_default

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

    # "website" is the honeypot's name (HoneypotMixin), so the association's website
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
    consent = ConsentField(
        label=_(
            "The centre may store my name and email to review the listing and make me its "
            "contact person."
        ),
        refusal=_("We need your consent to handle the registration."),
    )

    class Meta:
        model = Association
        fields = REGISTRATION_FIELDS
        formfield_callback = https_by_default
        widgets = LISTING_WIDGETS
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


class OfferForm(HoneypotMixin, forms.ModelForm):
    """ "I want to help": what the association needs to answer the volunteer."""

    consent = ConsentField(
        label=_(
            "The association and the centre may store my details to answer my offer. "
            "They are deleted after a year."
        ),
        refusal=_("We need your consent to pass on your offer."),
    )

    class Meta:
        model = VolunteerOffer
        fields = ["name", "email", "phone", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "phone": _("Phone (optional)"),
            "message": _("Message to the association"),
        }
        help_texts = {
            "message": _(
                "Tell them a little about yourself and when you could help. "
                "Do not write about your health."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}

    def clean_name(self):
        # A name is one line; it goes into mail headers' neighbourhood (subjects, lists).
        return one_line(self.cleaned_data["name"])


class AdviceRequestForm(HoneypotMixin, forms.ModelForm):
    consent = ConsentField(
        label=_(
            "The centre may store what I write here to answer me and to count what it helps with."
        ),
        refusal=_("We need your consent to answer you."),
    )

    class Meta:
        model = AdviceRequest
        fields = ["name", "email", "phone", "association_name", "topic", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "phone": _("Phone (optional)"),
            "association_name": _("Association (if you have one)"),
            "topic": _("What do you need help with?"),
            "message": _("Your question"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 3000})}
