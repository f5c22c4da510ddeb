from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StructuredFormsConfig(AppConfig):
    name = "forms"
    label = "structuredforms"
    verbose_name = _("Gestructureerde formulieren")
    default_auto_field = "django.db.models.BigAutoField"
