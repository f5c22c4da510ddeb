from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StructuredFormsConfig(AppConfig):
    name = "forms"
    label = "structuredforms"
    verbose_name = _("Gestructureerde formulieren")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import published

        from forms import permissions
        from forms.models import FormDefinition

        permissions.register()
        published.connect(_freeze_on_publish, sender=FormDefinition, dispatch_uid="form_freeze")


def _freeze_on_publish(sender, instance, **kwargs):
    """Every publish of a form definition freezes its fields as a version."""
    from forms.services import form_version_freeze

    form_version_freeze(definition=instance)
