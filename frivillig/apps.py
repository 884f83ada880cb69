from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class FrivilligConfig(AppConfig):
    name = "frivillig"
    verbose_name = _("The centre")

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .lib import cache

        post_migrate.connect(_ensure_roles, dispatch_uid="frivillig.ensure_roles")
        post_migrate.connect(_ensure_cache_tables, dispatch_uid="frivillig.cache_tables")
        # Cache generations are read once per request (frivillig/lib/cache.py).
        request_started.connect(cache.request_started, dispatch_uid="frivillig.generations")
        request_finished.connect(cache.request_finished, dispatch_uid="frivillig.generations")

        from . import receivers

        receivers.connect()


def _ensure_roles(sender, app_config, using, apps=None, **kwargs):
    # contrib.auth creates each app's permissions in that app's post_migrate; ours acts
    # once, on the last app's, when every permission exists.
    from django.apps import apps as registry

    # (post_migrate is only sent for apps that have a models module)
    with_models = [config for config in registry.get_app_configs() if config.models_module]
    if app_config is not with_models[-1]:
        return
    from .roles import ensure_roles_exist

    ensure_roles_exist(using=using)


def _ensure_cache_tables(sender, app_config, using, **kwargs):
    # The rate-limit counters live in a DatabaseCache table unless Redis holds them; every
    # migrate makes sure it exists (createcachetable does nothing when it does).
    if app_config.label != "frivillig":
        return
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class FrivilligAdminConfig(AdminConfig):
    default_site = "frivillig.admin_site.FrivilligAdminSite"
