from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingRegistration(models.Model):
    """A user's registration for a training event, and whether they attended."""

    event = models.ForeignKey(
        "catalogue.TrainingEvent",
        verbose_name=_("activiteit"),
        related_name="registrations",
        on_delete=models.CASCADE,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        related_name="training_registrations",
        on_delete=models.CASCADE,
    )
    registered_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(_("aanwezigheid vastgelegd op"), null=True)
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aanwezigheid vastgelegd door"),
        related_name="+",
        null=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("aanmelding vakontwikkeling")
        verbose_name_plural = _("aanmeldingen vakontwikkeling")
        ordering = ["event", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="training_registration_once")
        ]
        permissions = [
            ("register_for_training", _("Mag zich aanmelden voor vakontwikkeling")),
            ("record_training_attendance", _("Mag aanwezigheid bij vakontwikkeling vastleggen")),
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"
