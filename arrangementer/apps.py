from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementerConfig(AppConfig):
    name = "arrangementer"
    verbose_name = _("Events and workshops")
