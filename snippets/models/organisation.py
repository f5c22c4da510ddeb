from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from snippets.models.base import CatalogueContent, LiveQuerySet


class OrganisationKind(models.TextChoices):
    POLICE = "police", _("Politie")
    JUSTICE = "justice", _("Justitie en reclassering")
    YOUTH = "youth", _("Jeugdbescherming")
    CARE = "care", _("Zorg (GGZ, GGD)")
    SOCIAL = "social", _("Sociaal domein")
    MUNICIPALITY = "municipality", _("Gemeente")
    NATIONAL = "national", _("Rijk")
    OTHER = "other", _("Overig")


class Organisation(CatalogueContent):
    """A partner organisation: supplies case directors, implementers or both."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    short_name = models.CharField(_("korte naam"), max_length=40, blank=True)
    kind = models.CharField(
        _("soort"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    supplies_case_directors = models.BooleanField(
        _("levert regisseurs"),
        default=False,
        help_text=_("Aanvinken als deze organisatie regisseurs levert voor de aanpak."),
    )
    active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Uitvinken als de organisatie niet meer meedoet; bestaande koppelingen blijven."
        ),
    )

    objects = LiveQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("supplies_case_directors"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name
