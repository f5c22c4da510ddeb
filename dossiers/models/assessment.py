from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Advice(models.TextChoices):
    INCLUDE = "include", _("Opnemen in de aanpak")
    NOT_INCLUDE = "not_include", _("Niet opnemen")
    MORE_INFORMATION = "more_information", _("Eerst meer informatie")


class Assessment(models.Model):
    """The assessment framework (beoordelingskader) that forms the basisdossier."""

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="assessment",
    )
    risk_groups = models.ManyToManyField(
        "catalogue.RiskGroup", verbose_name=_("risicogroep(en)"), blank=True, related_name="+"
    )
    risks = models.TextField(
        _("risico's"),
        blank=True,
        help_text=_("Welke risico's zijn er, voor de persoon zelf en voor de omgeving?"),
    )
    problem_areas = models.ManyToManyField(
        "catalogue.ProblemArea",
        verbose_name=_("achterliggende problemen"),
        blank=True,
        related_name="+",
    )
    other_approach_checked = models.BooleanField(
        _("andere aanpakken nagegaan"),
        default=False,
        help_text=_(
            "Is nagegaan of de persoon al in een andere aanpak zit (Top600, Top1000, ...)?"
        ),
    )
    other_approaches = models.ManyToManyField(
        "catalogue.OtherApproach",
        verbose_name=_("bekend in andere aanpak"),
        blank=True,
        related_name="+",
    )
    other_approach_note = models.TextField(_("toelichting andere aanpakken"), blank=True)
    form_response = models.ForeignKey(
        "structuredforms.FormResponse",
        verbose_name=_("beoordelingskader (formulier)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    advice = models.CharField(_("advies"), max_length=20, choices=Advice.choices, blank=True)
    advice_text = models.TextField(_("toelichting advies"), blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("beoordelingskader")
        verbose_name_plural = _("beoordelingskaders")

    def __str__(self):
        return _("Beoordelingskader %(ref)s") % {"ref": self.dossier.reference}


class PartnerInformation(models.Model):
    """Information fetched from one partner organisation that knows the person."""

    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("beoordelingskader"),
        on_delete=models.CASCADE,
        related_name="partner_information",
    )
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    requested_on = models.DateField(_("opgevraagd op"))
    received_on = models.DateField(_("ontvangen op"), null=True, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        verbose_name = _("partnerinformatie")
        verbose_name_plural = _("partnerinformatie")
        ordering = ["requested_on", "pk"]

    def __str__(self):
        return f"{self.organisation} ({self.requested_on:%d-%m-%Y})"
