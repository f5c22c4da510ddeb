from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanItemStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    RUNNING = "running", _("Loopt")
    DONE = "done", _("Afgerond")
    STOPPED = "stopped", _("Gestopt")


CLOSED_ITEM_STATUSES = frozenset({PlanItemStatus.DONE, PlanItemStatus.STOPPED})


class GoalAttainment(models.TextChoices):
    NOT_ASSESSED = "", _("Nog niet beoordeeld")
    NOT_ACHIEVED = "not_achieved", _("Doel niet bereikt")
    PARTLY = "partly", _("Doel deels bereikt")
    ACHIEVED = "achieved", _("Doel bereikt")


class PlanItem(models.Model):
    """An intervention in the plan (ingezette interventie): who does what, when, what it yields.

    The catalogue item is pinned to the revision that was current when it was chosen, so a later
    edit of the catalogue never changes what the plan said.
    """

    plan = models.ForeignKey(
        "dossiers.ActionPlan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="plan_items",
    )
    intervention = models.ForeignKey(
        "catalogue.Intervention",
        verbose_name=_("interventie"),
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    intervention_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("versie in de instrumentenkoffer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    considerations = models.TextField(
        _("overwegingen"), help_text=_("Waarom deze interventie, voor deze persoon, nu?")
    )
    goal = models.TextField(_("doel"), help_text=_("Wat moet de interventie opleveren?"))
    implementer_organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("uitvoerende organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    implementer_contact = models.CharField(
        _("contactpersoon uitvoerder"), max_length=200, blank=True
    )
    planned_start = models.DateField(_("start gepland"))
    planned_end = models.DateField(_("einde gepland"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanItemStatus.choices, default=PlanItemStatus.PLANNED
    )
    result = models.TextField(_("resultaat"), blank=True)
    goal_attainment = models.CharField(
        _("doelbereik"), max_length=20, choices=GoalAttainment.choices, blank=True, default=""
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ingezette interventie")
        verbose_name_plural = _("ingezette interventies")
        ordering = ["planned_start", "pk"]
        # The monitor: the items started and the items closed in a period.
        indexes = [
            models.Index(fields=["planned_start", "status"], name="planitem_start_idx"),
            models.Index(fields=["closed_on", "status"], name="planitem_closed_idx"),
        ]

    def __str__(self):
        return f"{self.intervention} ({self.dossier})"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_ITEM_STATUSES
