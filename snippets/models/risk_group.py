from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class RiskGroup(CatalogueContent):
    """One of the programme's risk groups (risicogroepen); numbered as in the handbook."""

    number = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, help_text=_("Het nummer van de risicogroep in de handreiking.")
    )
    name = models.CharField(_("omschrijving"), max_length=300)
    description = models.TextField(
        _("toelichting"), blank=True, help_text=_("Wanneer iemand tot deze groep hoort.")
    )

    objects = LiveQuerySet.as_manager()

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("risicogroep")
        verbose_name_plural = _("risicogroepen")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"
