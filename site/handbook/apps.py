from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    label = "handbook"
    verbose_name = _("Handreiking")
    default_auto_field = "django.db.models.BigAutoField"
