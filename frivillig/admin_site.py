"""The admin site, headed with the centre's name (``FrivilligAdminConfig.default_site``).

It lives outside the ``admin`` package on purpose: Django imports this module while it
builds ``admin.site``, and importing anything inside ``frivillig.admin`` would first run the
package's ``__init__``, whose modules register on ``admin.site`` while it is still being
built; Django then replaces that half-built site and the centre's models vanish from the
admin.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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
        from .admin.attention import attention_items  # not at import time (see above)

        extra_context = {**(extra_context or {}), "attention": attention_items(request)}
        return super().index(request, extra_context)
