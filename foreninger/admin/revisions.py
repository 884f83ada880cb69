"""Listing versions in the admin: the queue of contacts' changes to review, and the history."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import AssociationRevision
from ..services import revisions
from .reject import reject_with_reason


def _diff_cell(row: dict):
    if row.get("logo_url"):
        return format_html('<img src="{}" alt="" style="max-width:160px">', row["logo_url"])
    if row["lines"]:
        return format_html(
            '<pre style="white-space:pre-wrap;margin:0">{}</pre>',
            format_html_join(
                "\n",
                '<span style="{}">{}</span>',
                (
                    (
                        "background:#e6ffec"
                        if line.startswith("+")
                        else "background:#ffebe9"
                        if line.startswith("-")
                        else "color:#666",
                        line,
                    )
                    for line in row["lines"]
                ),
            ),
        )
    return format_html('<span style="white-space:pre-wrap">{}</span>', row["new"])


@admin.register(AssociationRevision)
class AssociationRevisionAdmin(admin.ModelAdmin):
    list_display = ["association", "state", "created_by", "created_at", "reviewed_at"]
    list_filter = ["state"]
    search_fields = ["association__name"]
    list_select_related = ["association", "created_by"]
    actions = ["approve", "reject"]
    fields = [
        "association_link",
        "state",
        "created_by",
        "created_at",
        "reviewed_by",
        "reviewed_at",
        "rejection_reason",
        "changes",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Versions are records: the change view only shows them, and actions act on them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="foreninger_associationrevision_approve",
            ),
            *super().get_urls(),
        ]

    def _may_review(self, request) -> bool:
        return request.user.has_perm("foreninger.change_associationrevision")

    @admin.display(description=_("association"))
    def association_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:foreninger_association_change", args=[obj.association_id]),
            obj.association.name,
        )

    @admin.display(description=_("changes"))
    def changes(self, obj):
        rows = revisions.revision_diff(obj)
        if not rows:
            return _("No changes to the listing's content.")
        compared = (
            _("the version before")
            if obj.state == AssociationRevision.State.APPLIED
            else _("the listing now")
        )
        return format_html(
            '<table class="revision-diff"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{} ({})</th><th scope="col">{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("field"),
            _("before"),
            compared,
            _("after"),
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td><span style="white-space:pre-wrap">{}</span>'
                "</td><td>{}</td></tr>",
                ((row["label"].capitalize(), row["old"], _diff_cell(row)) for row in rows),
            ),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_review": self._may_review(request),
            "reject_action": "reject",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # What staff see now; approving checks that the contact has not saved again since.
        context["seen"] = revisions.revision_fingerprint(obj) if obj else ""
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def approve_view(self, request, pk):
        if request.method != "POST" or not self._may_review(request):
            return redirect("admin:foreninger_associationrevision_change", pk)
        revision = AssociationRevision.objects.filter(pk=pk).first()
        if revision is None:
            return redirect("admin:foreninger_associationrevision_changelist")
        try:
            revisions.approve_revision(
                revision=revision, reviewer=request.user, seen=request.POST.get("seen", "")
            )
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, _("The changes are approved and published."))
        return redirect("admin:foreninger_associationrevision_change", pk)

    @admin.action(description=_("Approve (publish) the chosen changes"), permissions=["review"])
    def approve(self, request, queryset):
        approved = 0
        for revision in queryset.pending():
            try:
                revisions.approve_revision(revision=revision, reviewer=request.user)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
            else:
                approved += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d version approved and published.",
                "%(count)d versions approved and published.",
                approved,
            )
            % {"count": approved},
        )

    @admin.action(
        description=_("Reject the chosen changes (with a reason)"), permissions=["review"]
    )
    def reject(self, request, queryset):
        queryset = queryset.pending().select_related("association")
        if not queryset.exists():
            self.message_user(
                request, _("None of the chosen versions is awaiting review."), messages.WARNING
            )
            return None
        return reject_with_reason(
            self,
            request,
            queryset,
            reject=lambda revision, reason: revisions.reject_revision(
                revision=revision, reviewer=request.user, reason=reason
            ),
            title=_("Reject changes"),
            explanation=_(
                "These changes are not published; the listings stay as they are, and the "
                "reason below is emailed to each association's contacts (in Danish, as plain "
                "text):"
            ),
            names=[revision.association.name for revision in queryset],
            cancel_url=reverse("admin:foreninger_associationrevision_changelist")
            + "?state__exact=pending",
            done_message=lambda count: (
                ngettext(
                    "%(count)d version rejected; the contacts were emailed the reason.",
                    "%(count)d versions rejected; the contacts were emailed the reason.",
                    count,
                )
                % {"count": count}
            ),
        )

    def has_review_permission(self, request):
        return self._may_review(request)
