from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models.dossier import AppendOnlyModel
from dossiers.workflow.states import DossierState


class DeletionLogEntry(AppendOnlyModel):
    """Proof that a case was deleted after its retention period, and of nothing more.

    Holds the dossier number (a pseudonym without the case), never a name or other content.
    """

    deleted_at = models.DateTimeField(_("verwijderd op (UTC)"), db_index=True)
    dossier_reference = models.CharField(_("dossiernummer"), max_length=20, db_index=True)
    final_state = models.CharField(_("laatste status"), max_length=40, choices=DossierState.choices)
    ended_on = models.DateField(_("afgesloten op"))
    retention_until = models.DateField(_("bewaren tot en met"))
    rows = models.JSONField(_("verwijderde rijen per soort"))
    files = models.PositiveIntegerField(_("verwijderde bestanden"))

    class Meta:
        verbose_name = _("verwijderlogregel")
        verbose_name_plural = _("verwijderlog")
        ordering = ["-deleted_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.deleted_at:%Y-%m-%d} {self.dossier_reference}"
