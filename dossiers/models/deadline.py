from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ObligationKind(models.TextChoices):
    """The kinds of obligation the engine (``dossiers.obligations``) works out per dossier."""

    LETTER = "letter", _("Notificatiebrief versturen")
    UVO = "uvo", _("UVO houden")
    CONCEPT_PLAN = "concept_plan", _("Conceptplan gereed voor het ITAT-R")
    DEFINITIVE_PLAN = "definitive_plan", _("Definitief plan gereed voor het Regieoverleg")
    EVALUATION = "evaluation", _("Plan evalueren")
    AGENDA = "agenda", _("Agenda versturen")


class DossierDeadline(models.Model):
    """One open obligation of a dossier as the obligations engine last worked it out.

    A stored copy, never a second rule: ``dossiers.services.deadlines`` rewrites a dossier's
    rows from ``dossiers.obligations`` whenever a step is taken or an obligation is fulfilled
    (and all of them nightly), so the start page's queues filter and sort in SQL.
    """

    holds_case_data = False  # dates and kinds only; the dossier's scope guards who reads it

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    kind = models.CharField(_("soort verplichting"), max_length=30)
    due_on = models.DateField(_("uiterste datum"), db_index=True)
    rule = models.CharField(_("regel"), max_length=300, blank=True)
    meeting = models.ForeignKey(
        "dossiers.Meeting",
        verbose_name=_("vergadering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwoordelijke"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_permission = models.CharField(
        _("verantwoordelijke rol"), max_length=100, blank=True
    )

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["responsible_user", "due_on"], name="deadline_user_due")]

    def __str__(self):
        return f"{self.dossier_id} {self.kind} {self.due_on}"

    @property
    def label(self) -> str:
        return ObligationKind(self.kind).label
