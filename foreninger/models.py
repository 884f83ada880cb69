from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frivillig.lib.models import PostalAddress
from frivillig.lib.validators import validate_cvr

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{8,20}$", _("Write the phone number with digits, e.g. 12 34 56 78.")
)


class Vocabulary(models.Model):
    """A staff-editable list (categories, target groups, areas): Danish and English names."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Category(Vocabulary):
    """What an association does (social, culture, sport, ...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class TargetGroup(Vocabulary):
    """Who an association is for (children, seniors, newcomers, ...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Area(Vocabulary):
    """A part of the municipality, or the whole of it, where an association is active."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")


class AssociationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Association.Status.PUBLISHED)

    def for_public_list(self):
        return self.published().select_related("area").prefetch_related("categories")


class Association(PostalAddress):
    """An association in the guide (foreningsvejviser).

    Contact details here are the association's public channels, chosen by the association
    for publication; people's own logins are in ``AssociationContact``.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_REVIEW = "review", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    short_description = models.CharField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences shown in the list."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=20000,
        help_text=_("Markdown: **bold**, *italic*, lists and links. Other HTML is removed."),
    )
    logo = models.ImageField(_("logo"), upload_to="foreninger/logos/", blank=True)
    logo_thumbnail = models.ImageField(upload_to="foreninger/logos/", blank=True, editable=False)
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), related_name="associations", blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="associations", blank=True
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="associations",
    )
    meeting_place = models.CharField(
        _("meeting place"),
        max_length=200,
        blank=True,
        help_text=_("Where members meet, if not at the address."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    meeting_times = models.TextField(
        _("meeting times"), blank=True, max_length=1000, help_text=_("E.g. Tuesdays 19-21.")
    )
    membership_fee = models.CharField(
        _("membership fee"), max_length=200, blank=True, help_text=_("E.g. 150 kr. a year.")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True, validators=[validate_cvr])
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Danish, English, Arabic."),
    )
    looking_for_volunteers = models.BooleanField(_("looking for volunteers"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_("Changes by the association's contacts are published without review."),
    )
    last_confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    # Freshness reminders (send_freshness_reminders): how many since the last confirmation,
    # and when the latest went out; both reset when the listing is confirmed.
    freshness_reminders_sent = models.PositiveSmallIntegerField(
        _("freshness reminders sent"), default=0, editable=False
    )
    freshness_reminded_at = models.DateTimeField(
        _("last freshness reminder"), null=True, blank=True, editable=False
    )
    # Who registered the listing through the public form, so that they can be invited as
    # its contact when staff approve it; cleared once the invitation is made or the
    # registration is rejected.
    registered_by_name = models.CharField(_("registered by (name)"), max_length=150, blank=True)
    registered_by_email = models.EmailField(_("registered by (email)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="AssociationContact",
        related_name="associations",
        verbose_name=_("contacts"),
        blank=True,
    )
    # Kept current by foreninger.search.refresh_search_vector (PostgreSQL only).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]
        indexes = [
            models.Index(Upper("name"), name="association_name_upper"),
            models.Index(fields=["status", "name"], name="association_status_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(founded_year__isnull=True)
                | models.Q(founded_year__gte=1800, founded_year__lte=2100),
                name="association_founded_year_sane",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("foreninger:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def letter(self) -> str:
        """The A-Z letter the association is listed under (Æ, Ø and Å have their own)."""
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"

    def confirm_current(self) -> None:
        """The association says its listing is up to date: it is fresh for another year."""
        self.last_confirmed_at = timezone.now()
        self.freshness_reminders_sent = 0
        self.freshness_reminded_at = None
        self.save(
            update_fields=["last_confirmed_at", "freshness_reminders_sent", "freshness_reminded_at"]
        )


class AssociationContact(models.Model):
    """A person who may edit an association's listing.

    The link between a login and an association; deleted with either.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CONTACT = "contact", _("Contact person")
        VOLUNTEER_COORDINATOR = "volunteers", _("Volunteer coordinator")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="contact_links"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="association_links"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.CONTACT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("association contact")
        verbose_name_plural = _("association contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "user"], name="association_contact_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.association})"


class VolunteerOpportunityQuerySet(models.QuerySet):
    def open_to_the_public(self):
        today = timezone.localdate()
        return self.filter(is_active=True, association__status=Association.Status.PUBLISHED).filter(
            models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=today)
        )


class VolunteerOpportunity(models.Model):
    """A task an association wants volunteers for."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="opportunities",
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=5000)
    time_commitment = models.CharField(
        _("time commitment"), max_length=150, help_text=_("E.g. 3 hours a week.")
    )
    when = models.CharField(_("when"), max_length=150, blank=True)
    where = models.CharField(_("where"), max_length=150, blank=True)
    suitable_for = models.ManyToManyField(
        TargetGroup, verbose_name=_("suitable for"), blank=True, related_name="opportunities"
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VolunteerOpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["is_active", "-created_at"], name="opportunity_active")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("foreninger:opportunity", kwargs={"pk": self.pk})


class AdviceRequest(models.Model):
    """An association's (or would-be association's) request for advice: a case for staff.

    Name and a way to answer are what staff need to help; the message is the request
    itself. Closed cases are kept for the centre's statistics of what it helps with and
    may be deleted by staff when no longer needed; nothing here is sensitive by kind.
    """

    class Topic(models.TextChoices):
        STARTING = "start", _("Starting an association")
        STATUTES = "statutes", _("Statutes and general assemblies")
        VOLUNTEERS = "volunteers", _("Recruiting and keeping volunteers")
        FUNDING = "funding", _("Funding applications")
        GDPR = "gdpr", _("GDPR for associations")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    association_name = models.CharField(_("association"), max_length=150, blank=True)
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_requests",
        limit_choices_to={"is_staff": True},
    )
    notes = models.TextField(_("staff notes"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="da", editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.name}"


class AssociationRevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=AssociationRevision.State.PENDING)


class AssociationRevision(models.Model):
    """One version of a listing as a contact saved it in "Min forening".

    ``data`` is a snapshot of the editable fields (vocabularies as lists of ids). A change to
    a published listing of an association that is not trusted waits here as *pending* until
    staff approve it, so the public listing stays as it was; applied revisions are the
    listing's history, shown to staff as a diff. A pending logo waits in ``logo``.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPLIED = "applied", _("Applied")
        REJECTED = "rejected", _("Rejected")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    data = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    logo = models.ImageField(_("new logo"), upload_to="foreninger/logos/pending/", blank=True)
    logo_thumbnail = models.ImageField(
        upload_to="foreninger/logos/pending/", blank=True, editable=False
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, max_length=2000)

    objects = AssociationRevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("listing version")
        verbose_name_plural = _("listing versions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association"],
                condition=models.Q(state="pending"),
                name="association_one_pending_revision",
            )
        ]

    def __str__(self):
        return f"{self.association} ({self.get_state_display()})"


class VolunteerOfferQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(answered_at__isnull=True)

    def overdue(self, *, now=None):
        """Unanswered for longer than ``VolunteerOffer.ANSWER_WITHIN``."""
        now = now or timezone.now()
        return self.unanswered().filter(created_at__lt=now - VolunteerOffer.ANSWER_WITHIN)


class VolunteerOffer(models.Model):
    """A citizen's offer to help with a volunteer opportunity ("Jeg vil gerne hjælpe").

    Name, email and (optionally) phone are what the association needs to answer; the
    message is the offer itself; ``consent_at`` records when the volunteer agreed that
    the association and the centre may use these details to answer. Offers are deleted
    ``RETENTION`` after they were made (see purge_volunteer_offers).
    """

    ANSWER_WITHIN = timedelta(days=7)
    RETENTION = timedelta(days=365)

    opportunity = models.ForeignKey(
        VolunteerOpportunity,
        verbose_name=_("volunteer opportunity"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    message = models.TextField(_("message"), max_length=2000)
    consent_at = models.DateTimeField(_("consent given"))
    language = models.CharField(_("language"), max_length=5, default="da", editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = VolunteerOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer to help")
        verbose_name_plural = _("offers to help")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["answered_at", "created_at"], name="offer_answered_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True)
                | models.Q(answered_at__gte=models.F("created_at")),
                name="offer_answered_after_received",
            )
        ]

    def __str__(self):
        return f"{self.name}: {self.opportunity}"


class Membership(models.Model):
    """An association's membership of the centre for one calendar year.

    One row per association and year keeps the history the board reports on (members by
    year, new and left, dues paid and outstanding). Kept as the centre's accounts require.
    """

    class Type(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary member")
        SUPPORTING = "supporting", _("Supporting member")
        INSTITUTION = "institution", _("Public institution")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], db_index=True
    )
    type = models.CharField(
        _("membership type"), max_length=12, choices=Type.choices, default=Type.ORDINARY
    )
    fee = models.DecimalField(
        _("fee (kr.)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-year", "association__name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="membership_one_per_year"),
            models.CheckConstraint(
                condition=models.Q(fee__gte=0), name="membership_fee_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="membership_year_sane"
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joined",
            ),
        ]

    def __str__(self):
        return f"{self.association} {self.year}"

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None
