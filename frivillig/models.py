import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from mailer.models import Message as MailerMessage
from mailer.models import MessageLog as MailerMessageLog

from .lib.cache import bump
from .lib.images import resized_image
from .lib.models import PostalAddress
from .lib.validators import validate_cvr

#: The centre's logo is stored as a PNG of at most this many pixels a side, which keeps its
#: transparency on the site's header.
CENTRE_LOGO_MAX_SIDE = 512


def resize_logo(upload) -> ContentFile:
    """The centre's logo, checked like every picture upload (``frivillig.lib.images``) and
    re-encoded; raises ``ValidationError`` for anything but a real JPEG, PNG or WebP image
    within the limits."""
    # The admin's LogoField has already processed it; a file given in code has not.
    processed = getattr(upload, "processed_logo", None) or getattr(
        getattr(upload, "file", None), "processed_logo", None
    )
    return processed or resized_image(upload, side=CENTRE_LOGO_MAX_SIDE, image_format="PNG")


class CentreProfile(PostalAddress):
    """The volunteer centre running this site: one row, edited by staff in the admin.

    Everything a page or an email says about the centre comes from here, so that any centre
    in Denmark can run the portal without touching code. Read it with
    ``frivillig.centre.get_centre()``.
    """

    name = models.CharField(_("name"), max_length=120, default="Frivilligcenter")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=200, blank=True)
    # The shared address field, under the label and the column the profile always had.
    address = models.CharField(
        _("street address"), max_length=200, blank=True, db_column="street_address"
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True, validators=[validate_cvr])
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("One line per day or period.")
    )
    opening_hours_en = models.TextField(_("opening hours (English)"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="centre/",
        blank=True,
        help_text=_("PNG or JPEG. Resized to at most 512 pixels on upload."),
    )
    about_text = models.TextField(
        _("about the centre"), blank=True, help_text=_("Blank lines separate paragraphs.")
    )
    about_text_en = models.TextField(_("about the centre (English)"), blank=True)
    privacy_policy = models.TextField(_("privacy policy"), blank=True)
    privacy_policy_en = models.TextField(_("privacy policy (English)"), blank=True)
    accessibility_statement = models.TextField(_("accessibility statement"), blank=True)
    accessibility_statement_en = models.TextField(
        _("accessibility statement (English)"), blank=True
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("centre profile")
        verbose_name_plural = _("centre profile")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="centreprofile_single_row"),
        ]
        permissions = [("view_board_reports", _("Can read the board's reports"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        if self.logo and not self.logo._committed:
            self.logo = resize_logo(self.logo)
        super().save(*args, **kwargs)
        bump("centre")

    def localized(self, field: str) -> str:
        """The English text on English pages when staff wrote one, else the Danish."""
        if get_language() == "en":
            english = getattr(self, f"{field}_en", "")
            if english:
                return english
        return getattr(self, field)

    @property
    def localized_tagline(self) -> str:
        return self.localized("tagline")

    @property
    def localized_about(self) -> str:
        return self.localized("about_text")

    @property
    def localized_opening_hours(self) -> str:
        return self.localized("opening_hours")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in links if url]


def _unguessable_hash():
    # A placeholder nobody can produce a token for, until send_invitation sets the real one.
    return hashlib.sha256(secrets.token_bytes(32)).hexdigest()


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def usable(self):
        return self.pending().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A staff member's invitation for a person to create a login with given roles.

    The email address is kept so staff can see who was invited and so that the account
    is created for that address; the row is kept as a record of who gave whom access.
    Only a hash of the link's token is stored, so a copy of the database opens no door.
    """

    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    roles = models.ManyToManyField(
        Group, verbose_name=_("roles"), blank=True, related_name="invitations"
    )
    language = models.CharField(
        _("language of the email"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, default=_unguessable_hash
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        editable=False,
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(Lower("email"), name="invitation_email_lower")]

    def __str__(self):
        return self.email

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def new_token(self) -> str:
        """Make a fresh secret for the link; returns the token to put in the email."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash_token(token)
        return token

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    @property
    def status(self) -> str:
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class CacheGeneration(models.Model):
    """A number per kind of cached data that grows whenever that data changes.

    Every worker keys its cached pages by these numbers, so a change made anywhere (a web
    worker, the admin, a management command on another host) retires the old pages on the
    next request to every worker. Used through ``frivillig.lib.cache``, which keeps them in
    Redis instead when DJANGO_CACHE_URL is set.
    """

    name = models.CharField(max_length=50, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")

    def __str__(self):
        return f"{self.name}: {self.value}"


class OutgoingMail(MailerMessage):
    """A mail in the outbox: waiting to be sent, or failed and waiting for a retry.

    It holds the full message, personal data included, only until it has been sent.
    """

    class Meta:
        proxy = True
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outbox")


class SentMailLog(MailerMessageLog):
    """One attempt to send a mail. Deleted after FRIVILLIG_MAIL_LOG_DAYS by send_outbox."""

    class Meta:
        proxy = True
        verbose_name = _("mail log entry")
        verbose_name_plural = _("mail log")
