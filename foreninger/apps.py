from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeningerConfig(AppConfig):
    name = "foreninger"
    verbose_name = _("Association guide")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the receivers)

        post_migrate.connect(
            _install_default_vocabularies,
            sender=self,
            dispatch_uid="foreninger.default_vocabularies",
        )


def _install_default_vocabularies(sender, using, **kwargs):
    """Put back the default categories, target groups and area when none exist.

    Migration 0003 installs them; a database flush (as after each transactional test)
    empties the tables, and a guide without categories cannot be filtered. Vocabularies
    that staff have edited are never touched: this acts only on empty tables.
    """
    import importlib

    from django.apps import apps

    from .models import Category

    if Category.objects.using(using).exists():
        return
    # One list of defaults: the migration's.
    migration = importlib.import_module("foreninger.migrations.0003_vocabularies")
    migration.create(apps, schema_editor=None)
