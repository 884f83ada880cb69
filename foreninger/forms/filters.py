"""The filter forms of the public lists (GET forms: every result page has a shareable URL)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..search import MAX_QUERY_CHARS

# The Danish alphabet: Æ, Ø and Å come last and have their own entries.
ALPHABET = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Slugs from a shared URL may be out of date: unknown ones are dropped, not an error."""

    def clean(self, value):
        value = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        return [item for item in dict.fromkeys(value) if item in known]


class VocabularyFilterForm(forms.Form):
    """A search box and the category, target group and area filters of a public list.

    Field names are the URL's parameters, so every result page has a shareable address.
    """

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    kategori = LenientMultipleChoiceField(
        label=_("Category"), required=False, widget=forms.CheckboxSelectMultiple
    )
    maalgruppe = LenientMultipleChoiceField(
        label=_("Target group"), required=False, widget=forms.CheckboxSelectMultiple
    )
    omraade = LenientMultipleChoiceField(
        label=_("Area"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, categories=(), target_groups=(), areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategori"].choices = [(c.slug, c.display_name) for c in categories]
        self.fields["maalgruppe"].choices = [(t.slug, t.display_name) for t in target_groups]
        self.fields["omraade"].choices = [(a.slug, a.display_name) for a in areas]

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]


class GuideFilterForm(VocabularyFilterForm):
    """Search, filters and A-Z of /foreninger/."""

    frivillige = forms.BooleanField(label=_("Looking for volunteers"), required=False)
    trinfri = forms.BooleanField(label=_("Step-free access"), required=False)
    bogstav = forms.CharField(required=False)

    def clean_bogstav(self):
        letter = self.cleaned_data["bogstav"].strip().upper()
        return letter if letter in ALPHABET else ""


class OpportunityFilterForm(VocabularyFilterForm):
    """Search and filters of /frivillig/: the target group is who the task suits."""

    maalgruppe = LenientMultipleChoiceField(
        label=_("Suitable for"), required=False, widget=forms.CheckboxSelectMultiple
    )


def query_without(request, param: str, value: str | None = None) -> str:
    """The current URL without one filter value (or a whole parameter): a filter chip's link."""
    query = request.GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(param, None)
    else:
        query.setlist(param, [v for v in query.getlist(param) if v != value])
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path
