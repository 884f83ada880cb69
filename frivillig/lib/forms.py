"""What the forms of every app share: binding to POST, the spam trap and the consent box."""

from django import forms
from django.utils.translation import gettext_lazy


def posted(request):
    """The POST data to bind a form to, or ``None`` on GET.

    Not ``request.POST or None``: an empty POST must still be a bound, invalid form.
    """
    return request.POST if request.method == "POST" else None


class HoneypotMixin(forms.Form):
    """A field people never see (templates/includes/honeypot.html hides it); bots fill in
    every field they find.

    A view that finds it filled pretends success and stores nothing.
    """

    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class ConsentField(forms.BooleanField):
    """The box a citizen ticks to let us keep what they send; the form is refused without it.

    ``label`` says what is kept and why; ``refusal`` is the error shown when it is not ticked.
    """

    def __init__(self, *, label, refusal, **kwargs):
        super().__init__(label=label, error_messages={"required": refusal}, **kwargs)
