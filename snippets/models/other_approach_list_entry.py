from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OtherApproachListEntry(models.Model):
    """A person on the list of another approach (Top600, ...), imported from that approach's
    workbook for the duplicate check. Personal data: only the roles that run the duplicate
    check (intake, pre-assessment desk) and administrators see it, and every read is logged."""

    other_approach = models.ForeignKey(
        "catalogue.OtherApproach",
        verbose_name=_("andere aanpak"),
        on_delete=models.CASCADE,
        related_name="list_entries",
    )
    reference = models.CharField(
        _("referentie"),
        max_length=100,
        help_text=_("Het kenmerk van de persoon in de lijst van de andere aanpak."),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    birth_date = models.DateField(_("geboortedatum"), db_index=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geïmporteerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    holds_case_data = False

    class Meta:
        verbose_name = _("persoon op lijst andere aanpak")
        verbose_name_plural = _("personen op lijsten andere aanpakken")
        ordering = ["other_approach__name", "last_name", "first_name"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["other_approach", "reference"], name="unique_other_approach_reference"
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()
