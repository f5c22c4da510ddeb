from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "reports"
    label = "monitor"
    verbose_name = _("Monitor en rapportages")
    default_auto_field = "django.db.models.BigAutoField"
