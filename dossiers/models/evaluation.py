from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models.plan_item import GoalAttainment


class Judgement(models.TextChoices):
    ON_TRACK = "on_track", _("Plan loopt goed")
    ADJUST = "adjust", _("Plan bijstellen")
    STUCK = "stuck", _("Uitvoering stagneert")
    GOALS_MET = "goals_met", _("Doelen bereikt: afbouwen of afsluiten")


class Evaluation(models.Model):
    """A periodic evaluation of the plan: the form, per item the result, an overall judgement."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    evaluated_on = models.DateField(_("datum evaluatie"))
    form_response = models.ForeignKey(
        "structuredforms.FormResponse",
        verbose_name=_("evaluatieformulier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    judgement = models.CharField(_("oordeel"), max_length=20, choices=Judgement.choices)
    judgement_note = models.TextField(_("toelichting oordeel"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    # Stored by dossiers.services.terms for the monitor: days to this one from the adoption, or
    # from the last evaluation since, when the plan was adopted by then; else empty. In time
    # when at most the interval (obligations.evaluation_due).
    term_days = models.PositiveIntegerField(
        _("dagen sinds vaststelling of vorige evaluatie"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-evaluated_on", "-pk"]
        indexes = [  # as the UVOs' (case_meeting.py)
            models.Index(
                fields=["dossier", "evaluated_on", "id"], name="evaluation_dossier_on_idx"
            ),
            models.Index(fields=["evaluated_on", "term_days"], name="evaluation_on_term_idx"),
        ]

    def __str__(self):
        return str(_("Evaluatie %(date)s") % {"date": f"{self.evaluated_on:%d-%m-%Y}"})


class EvaluationItem(models.Model):
    """One plan item's result and goal attainment at an evaluation (feeds the monitor)."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="items"
    )
    plan_item = models.ForeignKey(
        "dossiers.PlanItem",
        verbose_name=_("interventie"),
        on_delete=models.CASCADE,
        related_name="evaluation_items",
    )
    result = models.TextField(_("resultaat"), blank=True)
    goal_attainment = models.CharField(
        _("doelbereik"), max_length=20, choices=GoalAttainment.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("evaluatie per interventie")
        verbose_name_plural = _("evaluaties per interventie")
        ordering = ["evaluation", "pk"]

    def __str__(self):
        return f"{self.evaluation}: {self.plan_item}"
