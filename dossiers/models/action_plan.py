from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models.dossier import AppendOnlyModel


class ActionPlan(models.Model):
    """The plan of approach (plan van aanpak) of one dossier; its items are ``PlanItem``s.

    The plan stays editable after adoption; every change and every step of its approval path
    is kept as an immutable ``PlanVersion``, so any two versions can be compared.
    """

    dossier = models.OneToOneField(
        "dossiers.Dossier", verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="plan"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True, editable=False)
    accorded_on = models.DateField(_("geaccordeerd op"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("versie"), default=0, editable=False)

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")

    def __str__(self):
        return str(_("Plan van aanpak %(ref)s") % {"ref": self.dossier})


class PlanVersionKind(models.TextChoices):
    CHANGED = "changed", _("Gewijzigd")
    SUBMITTED = "submitted", _("Gereed voor het ITAT-R")
    WITHDRAWN = "withdrawn", _("Teruggetrokken")
    ADVICE = "advice", _("Advies ITAT-R vastgelegd")
    DEFINITIVE = "definitive", _("Definitief, gereed voor het Regieoverleg")
    SENT_BACK = "sent_back", _("Teruggestuurd door het Regieoverleg")
    ADOPTED = "adopted", _("Vastgesteld door het Regieoverleg")
    ACCORDED = "accorded", _("Geaccordeerd door de secretaris")
    ESCALATED = "escalated", _("Opnieuw naar het ITAT-R (escalatie)")


class PlanVersion(AppendOnlyModel):
    """One frozen version of a plan: who, when, why, and every item as it stood then."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="plan_versions",
    )
    number = models.PositiveIntegerField(_("versie"))
    kind = models.CharField(_("soort"), max_length=20, choices=PlanVersionKind.choices)
    summary = models.CharField(_("wijziging"), max_length=300, blank=True)
    advice = models.TextField(_("advies ITAT-R"), blank=True)
    items = models.JSONField(_("interventies"), default=list)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tijdstip"))

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")
        ]

    def __str__(self):
        return f"{self.plan.dossier} v{self.number}"
