"""Registering a new association: the listing waits in the staff's review queue.

When staff approve it, the person who registered it is invited as its contact
(``listings.approve_association``).
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from frivillig.centre import get_centre
from frivillig.lib.receipts import Letter, send_receipt_and_notice

from ..forms.public import RegistrationForm
from ..models import Association, AssociationContact
from ..slugs import free_slug


@transaction.atomic
def submit_registration(*, form: RegistrationForm, user=None, base_url: str) -> Association:
    """Store a new listing awaiting review; send a receipt and tell the centre.

    A logged-in ``user`` becomes the listing's contact at once; otherwise the name and
    email given are kept until staff approve or reject the listing.
    """
    association = form.save(commit=False)
    association.slug = free_slug(association.name, Association.objects.all())
    association.status = Association.Status.AWAITING_REVIEW
    logged_in = user is not None and user.is_authenticated
    if logged_in:
        name, email = user.get_full_name() or user.get_username(), user.email
    else:
        name = form.cleaned_data["registrant_name"]
        email = form.cleaned_data["registrant_email"]
        association.registered_by_name = name
        association.registered_by_email = email
    association.save()
    form.save_m2m()
    if logged_in:
        AssociationContact.objects.create(association=association, user=user)
    centre = get_centre()
    context = {
        "association": association,
        "centre": centre,
        "name": name,
        "email": email,
        "logged_in": logged_in,
        "admin_url": base_url.rstrip("/")
        + reverse("admin:foreninger_association_change", args=[association.pk]),
    }
    send_receipt_and_notice(
        receipt=Letter(
            to=[email],
            subject=gettext_lazy("We have received your registration for the association guide"),
            template="foreninger/email/registration_receipt.txt",
        ),
        notice=Letter(
            to=[centre.email],
            subject=gettext_lazy("New association to review: %(name)s"),
            subject_params={"name": association.name},
            template="foreninger/email/registration_notification.txt",
            language="da",
        ),
        context=context,
    )
    return association
