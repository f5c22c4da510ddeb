from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class ProblemArea(CatalogueContent):
    """An underlying problem in the problem diagnosis (probleemdiagnose); editable taxonomy."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=100, help_text=_("Lagere nummers staan eerder in keuzelijsten.")
    )
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Uitvinken om niet meer te laten kiezen.")
    )

    objects = LiveQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("probleemgebied")
        verbose_name_plural = _("probleemgebieden")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
