from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Vooraankondiging")
    DUE = "due", _("Vandaag uiterste datum")
    ESCALATION = "escalation", _("Escalatie: termijn verstreken")


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Klaar om te versturen")
    SENDING = "sending", _("Wordt verstuurd")
    SENT = "sent", _("Verstuurd")
    FAILED = "failed", _("Mislukt, wordt opnieuw geprobeerd")
    GAVE_UP = "gave_up", _("Mislukt, opgegeven")
    SKIPPED = "skipped", _("Overgeslagen (ingehaald door een latere herinnering)")


class Reminder(models.Model):
    """The sent-marker of one reminder: unique per obligation, due date and kind.

    The unique constraint is what makes the daily scan exactly-once (docs/adr/0006).
    Operational metadata (kind, due date, recipient address, status), not the subject's
    personal data: administrators see it to follow up failed e-mails.
    """

    holds_case_data = False  # the permission-matrix harness reads this

    obligation_key = models.CharField(_("verplichting"), max_length=100)
    obligation_kind = models.CharField(_("soort verplichting"), max_length=30)
    due_on = models.DateField(_("uiterste datum"))
    kind = models.CharField(_("soort herinnering"), max_length=20, choices=ReminderKind.choices)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    meeting = models.ForeignKey(
        "dossiers.Meeting",
        verbose_name=_("vergadering"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    recipients = models.TextField(_("ontvangers"), blank=True)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("in behandeling sinds"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation_key", "due_on", "kind"], name="reminder_once_per_due_date"
            )
        ]
        indexes = [models.Index(fields=["status"], name="reminder_status_idx")]
        permissions = [
            (
                "receive_letter_reminders",
                _("Herinneringen over notificatiebrieven ontvangen"),
            )
        ]

    def __str__(self):
        return f"{self.subject} ({self.get_kind_display()})"
