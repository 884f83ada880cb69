"""What every form a stranger can submit shares against spam."""

from django import forms
from django.utils.translation import gettext_lazy


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by the template); bots fill in every field they find.

    A view that finds it filled pretends success and stores nothing.
    """

    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
