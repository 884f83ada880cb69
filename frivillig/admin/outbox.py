"""The outbox in the admin: mail waiting to be sent, mail that failed, and what was sent.

django-mailer's own admin pages are replaced by these (on proxy models under the centre's
section), in Danish and English, with the columns staff need to see whether a citizen's
receipt has left.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from mailer.models import PRIORITY_DEFERRED, RESULT_SUCCESS, DontSendEntry, Message, MessageLog

from ..lib.mail import send_queued
from ..models import OutgoingMail, SentMailLog

for model in (Message, MessageLog, DontSendEntry):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


def _recipients(email) -> str:
    return ", ".join(email.to) if email is not None else "?"


class OutboxStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting to be sent")), ("failed", _("Failed, will be retried"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.exclude(priority=PRIORITY_DEFERRED)
        if self.value() == "failed":
            return queryset.filter(priority=PRIORITY_DEFERRED)
        return queryset


class _MailAdmin(admin.ModelAdmin):
    """What the outbox and the log share: read-only rows, a subject and the recipients."""

    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the text of a queued mail is never edited

    @admin.display(description=_("subject"))
    def subject_column(self, obj):
        return obj.subject

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return _recipients(obj.email)


@admin.register(OutgoingMail)
class OutboxAdmin(_MailAdmin):
    list_display = ["subject_column", "recipients", "when_added", "state", "retry_count"]
    list_filter = [OutboxStateFilter]
    date_hierarchy = "when_added"
    ordering = ["-when_added"]
    fields = ["recipients", "subject_column", "when_added", "state", "retry_count", "body"]
    readonly_fields = fields
    actions = ["send_now"]

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.priority == PRIORITY_DEFERRED:
            return _("Failed, will be retried")
        return _("Waiting to be sent")

    @admin.display(description=_("text"))
    def body(self, obj):
        return obj.email.body if obj.email is not None else ""

    @admin.action(description=_("Send the selected mail now"), permissions=["view"])
    def send_now(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        send_queued(ids)
        left = Message.objects.filter(pk__in=ids).count()
        sent = len(ids) - left
        self.message_user(
            request,
            ngettext("%(count)d mail sent.", "%(count)d mails sent.", sent) % {"count": sent},
            messages.SUCCESS if not left else messages.WARNING,
        )
        if left:
            self.message_user(
                request,
                ngettext(
                    "%(count)d mail could not be sent and stays in the outbox.",
                    "%(count)d mails could not be sent and stay in the outbox.",
                    left,
                )
                % {"count": left},
                messages.WARNING,
            )


@admin.register(SentMailLog)
class MailLogAdmin(_MailAdmin):
    list_display = ["subject_column", "recipients", "when_attempted", "outcome", "log_message"]
    list_filter = ["result"]
    date_hierarchy = "when_attempted"
    ordering = ["-when_attempted"]
    search_fields = ["message_id", "log_message"]
    fields = ["recipients", "subject_column", "when_attempted", "outcome", "log_message"]
    readonly_fields = fields

    @admin.display(description=_("outcome"), boolean=True)
    def outcome(self, obj):
        return obj.result == RESULT_SUCCESS
