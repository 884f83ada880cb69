from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .attention import attention_items
from .centre import get_centre


class FrivilligAdminSite(admin.AdminSite):
    """The admin, headed with the centre's name, opening on what needs attention."""

    index_template = "admin/frivillig_index.html"
    site_title = _("Administration")

    def each_context(self, request):
        context = super().each_context(request)
        centre = get_centre(request)
        context["site_header"] = centre.name
        context["site_title"] = centre.name
        return context

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "attention": attention_items(request)}
        return super().index(request, extra_context)
