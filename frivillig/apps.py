from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class FrivilligConfig(AppConfig):
    name = "frivillig"
    verbose_name = _("The centre")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(_ensure_roles, dispatch_uid="frivillig.ensure_roles")

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


class FrivilligAdminConfig(AdminConfig):
    default_site = "frivillig.admin_site.FrivilligAdminSite"
