from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class FrivilligConfig(AppConfig):
    name = "frivillig"
    verbose_name = _("The centre")


class FrivilligAdminConfig(AdminConfig):
    default_site = "frivillig.admin_site.FrivilligAdminSite"
