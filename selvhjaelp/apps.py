from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelvhjaelpConfig(AppConfig):
    name = "selvhjaelp"
    verbose_name = _("Self-help groups")
