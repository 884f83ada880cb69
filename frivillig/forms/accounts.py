"""Forms for accounts: accepting an invitation (a new login) and logging in."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.utils.translation import gettext_lazy as _


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            probe_user = _ProbeUser(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, user=probe_user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class _ProbeUser:
    """Just enough of a user for the similarity validator before the user exists."""

    def __init__(self, **attrs):
        self.username = attrs["email"]
        self.__dict__.update(attrs)


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The email or username and the password do not match. Check both and try again."
        ),
    }
    username = UsernameField(
        label=_("Email or username"),
        # No autofocus: keyboard and screen-reader users start at the skip link, as on
        # every other page.
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
