from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionOutcome(models.TextChoices):
    INCLUDE = "include", _("Opnemen in de aanpak")
    NOT_INCLUDE = "not_include", _("Niet opnemen")
    HOLD = "hold", _("Aanhouden")


class SteeringDecision(models.Model):
    """The Regieoverleg's decision on a signal, with its reasons (recorded by the secretary)."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="steering_decisions",
    )
    decided_on = models.DateField(_("datum besluit"))
    outcome = models.CharField(_("besluit"), max_length=20, choices=DecisionOutcome.choices)
    case_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("organisatie regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("motivering"), blank=True)
    destination = models.CharField(
        _("bestemming"),
        max_length=200,
        blank=True,
        help_text=_("Bij niet opnemen: waar gaat de casus naartoe?"),
    )
    missing_information = models.TextField(
        _("ontbrekende informatie"),
        blank=True,
        help_text=_("Bij aanhouden: welke informatie is nog nodig?"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("besluit Regieoverleg")
        verbose_name_plural = _("besluiten Regieoverleg")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.get_outcome_display()} ({self.decided_on:%d-%m-%Y})"
