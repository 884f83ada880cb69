"""Accounts: accepting an invitation (a new login) and resetting a password."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import PasswordResetView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from ..centre import get_centre
from ..forms.accounts import AcceptInvitationForm
from ..services import invitations


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request, token: str):
    invitation = invitations.find_usable_invitation(token)
    if invitation is None:
        return render(request, "frivillig/invitation_invalid.html", {}, status=404)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_invitation(
                invitation=invitation,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("frivillig:home")
        login(request, user, backend="frivillig.backends.EmailOrUsernameBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("admin:index" if user.is_staff else "frivillig:home")
    return render(
        request, "frivillig/invitation_accept.html", {"form": form, "invitation": invitation}
    )


class CentrePasswordResetView(PasswordResetView):
    """Django's reset view, with the email signed by the centre rather than the host name."""

    def form_valid(self, form):
        self.extra_email_context = {"site_name": get_centre(self.request).name}
        return super().form_valid(form)
