"""What the admin's front page asks staff to look at, with counts and links.

Each item is a dict: label, count, url. Later capabilities add their own queues here
(listings to review, unanswered volunteers, new enquiries), each through its app's reports.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from foreninger.reports import attention_counts as association_attention_counts

from ..centre import get_centre
from ..lib.mail import failed_mail_count
from ..models import Invitation


def attention_items(request) -> list[dict]:
    items = []
    user = request.user
    if user.has_perm("frivillig.change_centreprofile"):
        centre = get_centre(request)
        missing = [
            label
            for label, value in (
                (_("address"), centre.address),
                (_("email"), centre.email),
                (_("phone"), centre.phone),
                (_("opening hours"), centre.opening_hours),
                (_("privacy policy"), centre.privacy_policy),
            )
            if not value
        ]
        if missing:
            items.append(
                {
                    "label": _("The centre profile lacks: %(fields)s")
                    % {"fields": ", ".join(missing)},
                    "count": len(missing),
                    "url": reverse("admin:frivillig_centreprofile_changelist"),
                }
            )
    if user.has_perm("frivillig.view_invitation"):
        expired = Invitation.objects.pending().filter(expires_at__lte=timezone.now()).count()
        if expired:
            items.append(
                {
                    "label": _("Invitations that expired without being accepted"),
                    "count": expired,
                    "url": reverse("admin:frivillig_invitation_changelist") + "?status=expired",
                }
            )
    if user.has_perm("frivillig.view_outgoingmail"):
        failed = failed_mail_count()
        if failed:
            items.append(
                {
                    "label": _("Mails that could not be sent yet (they are retried)"),
                    "count": failed,
                    "url": reverse("admin:frivillig_outgoingmail_changelist") + "?state=failed",
                }
            )
    items += association_attention_counts(user)
    return items
