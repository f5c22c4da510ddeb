from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class OtherApproach(CatalogueContent):
    """Another person-centred approach (Top600, ...) checked so nobody is handled twice."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Bij wie het Voorportaal navraagt of iemand in deze aanpak bekend is."),
    )
    active = models.BooleanField(_("actief"), default=True)

    objects = LiveQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("contact"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("andere aanpak")
        verbose_name_plural = _("andere aanpakken")
        ordering = ["name"]

    def __str__(self):
        return self.name
