import pgtrigger
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models.dossier import AppendOnlyModel, AppendOnlyQuerySet, append_only_triggers


class AccessAction(models.TextChoices):
    VIEW = "view", _("Inzien")
    EXPORT = "export", _("Exporteren")
    DOWNLOAD = "download", _("Downloaden")
    PRINT = "print", _("Afdrukken")


class AccessLogQuerySet(AppendOnlyQuerySet):
    """Append-only, with one named way past it: the retention service's scrub."""

    # What retention may blank in a deleted case's rows (docs/adr/0007); who, when, which
    # dossier number and what kind of read stay as they were.
    SCRUBBABLE_FIELDS = frozenset({"subject_name", "subject_id_snapshot", "object_description"})

    def retention_scrub(self, **values) -> int:
        """Blank the person in these rows; only ``dossiers.services.retention`` calls this.

        Refuses any field outside ``SCRUBBABLE_FIELDS``, so the bypass cannot rewrite the
        log's who, when or what. On PostgreSQL it lifts the table's update trigger for this
        one UPDATE, and only that trigger (the delete trigger stays).
        """
        if not values or not set(values) <= self.SCRUBBABLE_FIELDS:
            raise PermissionDenied(_("Deze registratie kan niet worden gewijzigd."))
        with pgtrigger.ignore("dossiers.AccessLogEntry:append_only_update"):
            return models.QuerySet.update(self, **values)


class AccessLogEntry(AppendOnlyModel):
    """Who read or exported which dossier's personal data, when and why (AVG art. 9/10).

    Values are copied, not linked, so the log survives deletion of users and dossiers.
    """

    at = models.DateTimeField(_("tijdstip (UTC)"), db_index=True)
    user_id_snapshot = models.BigIntegerField(_("gebruiker-id"), null=True)
    username = models.CharField(_("gebruiker"), max_length=150, db_index=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    dossier_id_snapshot = models.BigIntegerField(_("dossier-id"), null=True, db_index=True)
    dossier_reference = models.CharField(
        _("dossiernummer"), max_length=20, blank=True, db_index=True
    )
    subject_id_snapshot = models.BigIntegerField(_("persoon-id"), null=True, db_index=True)
    subject_name = models.CharField(_("persoon"), max_length=260, blank=True, db_index=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AccessAction.choices)
    object_description = models.CharField(_("wat"), max_length=255, blank=True)
    purpose = models.CharField(_("doel"), max_length=255, blank=True)
    request_id = models.CharField(_("verzoek-id"), max_length=64, blank=True)
    path = models.CharField(_("adres"), max_length=500, blank=True)
    row_count = models.PositiveIntegerField(_("aantal rijen"), null=True, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)
        triggers = append_only_triggers()
        permissions = [
            (
                "resolve_accesslog_names",
                _("Namen in de toegangslog opzoeken (Toezicht privacy)"),
            )
        ]

    @property
    def what(self) -> str:
        """What was read, without names: the kind of object before the first colon.

        Descriptions name letters' recipients, contacts and attachments ("Notificatiebrief:
        <naam>"); administrators see only the kind, the name resolver sees all of it.
        """
        return what_of(self.object_description)

    @property
    def path_without_query(self) -> str:
        """The address without its query string (a search term may be a name)."""
        return self.path.split("?", 1)[0]

    def __str__(self):
        action = self.get_action_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {action} {self.dossier_reference}"


def what_of(object_description: str) -> str:
    """The kind of object before the first colon: what was read, without names."""
    return (object_description or "").split(":", 1)[0].strip()
