import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    ADVISORY = "itatr", _("ITAT-R")
    STEERING = "steering", _("Regieoverleg")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")


class MeetingSeries(models.Model):
    """A recurring meeting (ITAT-R, Regieoverleg) whose rhythm the programme team sets."""

    kind = models.CharField(_("soort"), max_length=20, choices=MeetingKind.choices, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekday.choices)
    interval_weeks = models.PositiveSmallIntegerField(_("elke zoveel weken"), default=2)
    first_date = models.DateField(
        _("eerste datum"), help_text=_("Een datum van de reeks; het ritme telt vanaf hier.")
    )
    start_time = models.TimeField(_("begintijd"), default=datetime.time(9, 0))
    slot_minutes = models.PositiveSmallIntegerField(_("minuten per agendapunt"), default=20)
    agenda_lead_days = models.PositiveSmallIntegerField(
        _("agenda versturen, dagen vooraf"), default=7
    )
    cutoff_days = models.PositiveSmallIntegerField(_("stukken gereed, dagen vooraf"), default=7)
    location = models.CharField(_("locatie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("vergaderreeks")
        verbose_name_plural = _("vergaderreeksen")
        ordering = ["kind"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self.first_date
            and self.weekday is not None
            and self.first_date.weekday() != self.weekday
        ):
            raise ValidationError(
                {
                    "first_date": _(
                        "De eerste datum valt niet op de weekdag van de reeks (%(weekday)s)."
                    )
                    % {"weekday": Weekday(self.weekday).label}
                }
            )


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HOLIDAY = "holiday", _("Vervalt: feestdag")
    CANCELLED = "cancelled", _("Geannuleerd")
    NO_ITEMS = "no_items", _("Vervalt: geen agendapunten")


class Meeting(models.Model):
    """One concrete meeting of a series; generated ahead, movable and cancellable by hand."""

    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("reeks"), on_delete=models.PROTECT, related_name="meetings"
    )
    scheduled_on = models.DateField(
        _("datum volgens reeks"), editable=False, help_text=_("De datum die het ritme gaf.")
    )
    date = models.DateField(_("datum"), db_index=True)
    start_time = models.TimeField(_("begintijd"))
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    agenda_published_at = models.DateTimeField(_("agenda verstuurd op"), null=True, blank=True)
    # iCalendar: SEQUENCE rises when the event's fingerprint changes (meetings/documents.py)
    ics_sequence = models.PositiveIntegerField(_("agendaversie (ics)"), default=0, editable=False)
    ics_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "scheduled_on"], name="meeting_once_per_series_date"
            )
        ]
        permissions = [
            ("manage_agenda", _("Agenda's opstellen, versturen en besluiten vastleggen")),
            ("attend_steering", _("Deelnemer Regieoverleg: ontvangt de agenda")),
            ("attend_advisory", _("Deelnemer ITAT-R: ontvangt de agenda")),
        ]

    def __str__(self):
        return f"{self.series} {self.date:%d-%m-%Y}"

    @property
    def takes_place(self) -> bool:
        return self.status == MeetingStatus.PLANNED

    @property
    def cutoff_date(self) -> datetime.date:
        return self.date - datetime.timedelta(days=self.series.cutoff_days)

    @property
    def agenda_due_date(self) -> datetime.date:
        return self.date - datetime.timedelta(days=self.series.agenda_lead_days)
