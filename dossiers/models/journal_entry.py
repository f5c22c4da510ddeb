from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models.dossier import AppendOnlyModel


class JournalKind(models.TextChoices):
    SUBJECT_CONTACT = "subject_contact", _("Contact met de persoon")
    NETWORK_CONTACT = "network_contact", _("Contact met het netwerk")
    PARTNER_UPDATE = "partner_update", _("Terugkoppeling partner")
    INCIDENT = "incident", _("Incident")
    AGREEMENT = "agreement", _("Afspraak")
    OTHER = "other", _("Overig")


class JournalEntry(AppendOnlyModel):
    """A logbook line (logboekregel): written once, never edited; a correction is a new entry
    that points at the one it corrects, so both stay visible."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="journal_entries",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=JournalKind.choices)
    occurred_on = models.DateField(_("datum"))
    text = models.TextField(_("tekst"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("correctie op"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-occurred_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["dossier", "-occurred_on", "-created_at"])]

    def __str__(self):
        return f"{self.occurred_on:%d-%m-%Y} {self.get_kind_display()}"
