from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "snippets"
    label = "catalogue"
    verbose_name = _("Catalogus en naslag")
    default_auto_field = "django.db.models.BigAutoField"
