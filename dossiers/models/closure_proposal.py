from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClosureKind(models.TextChoices):
    WIND_DOWN = "wind_down", _("Afbouwvoorstel")
    CLOSE = "close", _("Afsluitvoorstel")


class ClosureDecision(models.TextChoices):
    WIND_DOWN = "wind_down", _("Afbouwen")
    CLOSE = "close", _("Afsluiten")
    CONTINUE = "continue", _("Voortzetten")


class ClosureProposal(models.Model):
    """A wind-down or closure proposal: to the ITAT-R for advice, then the Regieoverleg decides.

    The advice and the decision are written by the state machine's effects, never by hand.
    """

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="closure_proposals",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ClosureKind.choices)
    goals_achieved = models.TextField(_("behaalde doelen"))
    considerations = models.TextField(_("overwegingen"))
    warm_handover = models.BooleanField(_("warme overdracht"), default=False)
    handover_to = models.CharField(
        _("overdracht aan"),
        max_length=200,
        blank=True,
        help_text=_("Bij warme overdracht: aan wie (organisatie en persoon)?"),
    )
    form_response = models.ForeignKey(
        "structuredforms.FormResponse",
        verbose_name=_("voorstelformulier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    advice = models.TextField(_("advies ITAT-R"), blank=True, editable=False)
    advised_at = models.DateTimeField(_("advies vastgelegd op"), null=True, editable=False)
    decision = models.CharField(
        _("besluit Regieoverleg"),
        max_length=20,
        choices=ClosureDecision.choices,
        blank=True,
        editable=False,
    )
    decided_on = models.DateField(_("besluit op"), null=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besluit vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("afbouw- of afsluitvoorstel")
        verbose_name_plural = _("afbouw- en afsluitvoorstellen")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.submitted_at:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return not self.decision
