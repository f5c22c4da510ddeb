import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgendaItemKind(models.TextChoices):
    CONCEPT_PLAN = "concept_plan", _("Conceptplan")
    DEFINITIVE_PLAN = "definitive_plan", _("Definitief plan")
    CLOSURE = "closure", _("Afbouw- of afsluitvoorstel")
    DECISION = "decision", _("Nieuwe casus ter besluitvorming")
    ESCALATION = "escalation", _("Escalatie")


class AgendaDecision(models.TextChoices):
    ADVICE = "advice", _("Advies")
    ADOPT = "adopt", _("Vaststellen")
    SEND_BACK = "send_back", _("Terugsturen")
    INCLUDE = "include", _("Opnemen")
    NOT_INCLUDE = "not_include", _("Niet opnemen")
    HOLD = "hold", _("Aanhouden")
    WIND_DOWN = "wind_down", _("Afbouwen")
    CLOSE = "close", _("Afsluiten")
    CONTINUE = "continue", _("Voortzetten")


class AgendaItem(models.Model):
    """A dossier on a meeting's agenda, in a slot; the decision taken on it, once recorded."""

    meeting = models.ForeignKey(
        "dossiers.Meeting",
        verbose_name=_("vergadering"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=AgendaItemKind.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    decision = models.CharField(
        _("besluit"), max_length=20, choices=AgendaDecision.choices, blank=True
    )
    decision_note = models.TextField(_("toelichting besluit"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("vastgelegd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "dossier"], name="agenda_dossier_once")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.dossier}"

    def slot_start(self):
        """The slot's start time: the meeting's start plus the slots before it."""
        start = datetime.datetime.combine(self.meeting.date, self.meeting.start_time)
        offset = datetime.timedelta(minutes=self.meeting.series.slot_minutes * self.position)
        return (start + offset).time()
