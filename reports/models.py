"""The monitor's models: the permission anchor, the facts kept of deleted cases, and the
Excel import jobs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Monitor(models.Model):
    """Anchor for ``monitor.view_monitor``; figures are computed (``reports.selectors``), and
    only the ones over all dossiers at the end of a past day are kept (``MonitorSnapshot``)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_monitor", _("De monitor (geaggregeerde cijfers) inzien"))]
        verbose_name = _("monitor")

    def __str__(self):
        return str(self._meta.verbose_name)


class MonitorFact(models.Model):
    """What the monitor still needs of a case after retention deleted it: no name, no reference.

    Written by ``dossiers.services.retention`` in the transaction that deletes the case; the
    monitor's selectors add these to the figures of the live dossiers (docs/adr/0007).
    ``data`` holds the dates and categories the figures count (see ``reports.facts``).
    """

    created_on = models.DateField(_("aangemaakt op"))
    data = models.JSONField(_("feiten"))

    class Meta:
        verbose_name = _("monitorfeit")
        verbose_name_plural = _("monitorfeiten")
        default_permissions = ()

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class MonitorSnapshot(models.Model):
    """The monitor's figures over all dossiers at the end of one past day, as they stood then.

    Taken by the nightly job (``reports.services.monitor_snapshots_take``) and read by
    ``reports.selectors.end_of_day``: counts per state and of overdue terms, no dossier.
    """

    day = models.DateField(_("dag"), unique=True)
    figures = models.JSONField(_("cijfers"))
    taken_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("monitorstand")
        verbose_name_plural = _("monitorstanden")
        default_permissions = ()

    def __str__(self):
        return f"{self._meta.verbose_name} {self.day}"


class ImportKind(models.TextChoices):
    INTERVENTIONS = "interventies", _("Interventiecatalogus")
    OTHER_APPROACH_LISTS = "andere-aanpakken", _("Lijsten van andere aanpakken")
    SIGNALS = "meldingen", _("Bestaande meldingen (migratie)")


class ImportStatus(models.TextChoices):
    PLANNING = "planning", _("Proefimport loopt")
    PLANNED = "planned", _("Proefimport klaar")
    APPLYING = "applying", _("Inlezen loopt")
    APPLIED = "applied", _("Ingelezen")
    FAILED = "failed", _("Mislukt")


class ImportJob(models.Model):
    """One uploaded workbook: its dry run (per-row plan and errors), progress and outcome.

    The file is kept in the database, never in (public) media, and is emptied once applied.
    Only the user who uploaded it sees the job (the rows may hold personal data).
    """

    kind = models.CharField(_("soort import"), max_length=30, choices=ImportKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PLANNING
    )
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    content = models.BinaryField(_("inhoud"), editable=False, default=b"")
    total = models.PositiveIntegerField(_("aantal rijen"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    background = models.BooleanField(_("op de achtergrond"), default=False)
    rows = models.JSONField(_("plan per rij"), default=list, blank=True)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    written = models.PositiveIntegerField(_("geschreven rijen"), null=True, blank=True)
    message = models.TextField(_("melding"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    applied_at = models.DateTimeField(_("ingelezen op"), null=True, blank=True)

    holds_case_data = False

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [
            ("import_catalogue", _("De interventiecatalogus importeren")),
            ("import_other_approach_lists", _("Lijsten van andere aanpakken importeren")),
            ("import_signals", _("Bestaande meldingen importeren (migratie)")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.PLANNING, ImportStatus.APPLYING)

    @property
    def can_apply(self) -> bool:
        return self.status == ImportStatus.PLANNED and self.is_clean and bool(self.rows)


class PartnerExportProfile(models.Model):
    """What one partner organisation may receive: an allowlist of columns (S8)."""

    organisation = models.OneToOneField(
        "catalogue.Organisation",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.PROTECT,
        related_name="export_profile",
    )
    columns = models.JSONField(
        _("kolommen"),
        default=list,
        help_text=_(
            "Alleen deze kolommen gaan naar de partner. Gegevens uit meldingen, het "
            "beoordelingskader, het logboek en UVO-verslagen zijn nooit te kiezen."
        ),
    )
    active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Zet uit om exports te stoppen; een profiel met exports blijft bewaard."),
    )
    note = models.TextField(
        _("afspraken"), blank=True, help_text=_("Bijvoorbeeld de grondslag en het convenant.")
    )

    holds_case_data = False

    class Meta:
        verbose_name = _("exportprofiel partner")
        verbose_name_plural = _("exportprofielen partners")
        ordering = ["organisation__name"]
        permissions = [("export_partner", _("Partnerexports maken"))]

    def __str__(self):
        return self.organisation.name

    @property
    def column_labels(self) -> str:
        from reports.partner_exports import COLUMNS

        return ", ".join(str(COLUMNS[key].label) for key in self.columns if key in COLUMNS)

    def clean(self):
        from django.core.exceptions import ValidationError

        from reports.partner_exports import COLUMNS

        unknown = [key for key in self.columns or [] if key not in COLUMNS]
        if unknown:
            raise ValidationError({"columns": _("Onbekende kolom: %s") % ", ".join(unknown)})
        if not self.columns:
            raise ValidationError({"columns": _("Kies ten minste één kolom.")})


class ExportStatus(models.TextChoices):
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")


PartnerExportStatus = ExportStatus


class ExportJob(models.Model):
    """What every background export holds: who asked and when, progress, the file, a message.

    Only the user who asked sees the job and downloads the file (others get 404); the file and
    the row go after ``ProgrammeSettings.export_lifetime_days`` (``reports.export_lifetime``).
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExportStatus.choices,
        default=ExportStatus.RUNNING,
    )
    total = models.PositiveIntegerField(_("aantal rijen"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    message = models.TextField(_("melding"), blank=True)

    holds_case_data = False

    class Meta:
        abstract = True
        ordering = ["-requested_at", "-pk"]
        default_permissions = ()

    @property
    def is_running(self) -> bool:
        return self.status == ExportStatus.RUNNING


class PartnerExportJob(ExportJob):
    """One export for a partner: the profile, the filter and the columns it was made with."""

    profile = models.ForeignKey(
        PartnerExportProfile,
        verbose_name=_("exportprofiel"),
        on_delete=models.PROTECT,
        related_name="jobs",
    )
    only_open = models.BooleanField(_("alleen geplande en lopende interventies"), default=True)
    columns = models.JSONField(_("kolommen"), default=list)
    file = models.FileField(_("bestand"), upload_to="exports/partner/", blank=True)

    class Meta(ExportJob.Meta):
        verbose_name = _("partnerexport")
        verbose_name_plural = _("partnerexports")

    def __str__(self):
        return _("Export voor %(partner)s, %(at)s") % {
            "partner": self.profile,
            "at": date_format(timezone.localtime(self.requested_at), "j F Y H:i")
            if self.requested_at
            else "",
        }

    @property
    def filter_description(self) -> str:
        if self.only_open:
            return str(_("geplande en lopende interventies"))
        return str(_("alle interventies"))


class ListingExportFormat(models.TextChoices):
    XLSX = "xlsx", _("Excel")
    CSV = "csv", _("CSV voor Nederlandse Excel")
    CSV_COMMA = "csv-comma", _("CSV met komma's")


class ListingExportJob(ExportJob):
    """A large export of an admin listing, written by django-q2 (``reports.listing_export_jobs``).

    ``path`` and ``query`` name the listing and its filters, search and sort; the worker builds
    that listing's view again for the same user, so the file holds what the listing showed
    that user (scope included). ``query`` may hold a search term: it is emptied once the file
    is written.
    """

    title = models.CharField(_("lijst"), max_length=200)
    path = models.CharField(_("adres van de lijst"), max_length=500)
    query = models.TextField(_("filters"), blank=True)
    format = models.CharField(
        _("formaat"), max_length=10, choices=ListingExportFormat.choices, default="xlsx"
    )
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    file = models.FileField(_("bestand"), upload_to="exports/listing/", blank=True)

    class Meta(ExportJob.Meta):
        verbose_name = _("export van een lijst")
        verbose_name_plural = _("exports van lijsten")

    def __str__(self):
        return _("Export %(list)s, %(at)s") % {
            "list": self.title,
            "at": date_format(timezone.localtime(self.requested_at), "j F Y H:i")
            if self.requested_at
            else "",
        }

    @property
    def extension(self) -> str:
        return "xlsx" if self.format == ListingExportFormat.XLSX else "csv"


class AccessReview(models.Model):
    """The privacy officer's review of one month of the access log (AP: "regelmatige controle
    van de logbestanden"). A row exists once the month is marked done; who and when are kept.
    The report itself is computed from the access log (``reports.access_review``)."""

    month = models.DateField(_("maand"), unique=True, help_text=_("De eerste dag van de maand."))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reviewed_by_username = models.CharField(_("gebruikersnaam controleur"), max_length=150)
    reviewed_at = models.DateTimeField(_("afgerond op"))
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("toegangscontrole")
        verbose_name_plural = _("toegangscontroles")
        ordering = ["-month"]
        default_permissions = ()
        permissions = [
            ("review_access", _("De maandelijkse toegangscontrole uitvoeren (privacyfunctionaris)"))
        ]

    def __str__(self):
        return date_format(self.month, "F Y")
