import pgtrigger
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.workflow.states import DossierState

REFERENCE_ATTEMPTS = 20


class Dossier(models.Model):
    """One person's trajectory through the approach, from first signal to archive.

    Only ``dossiers.workflow.services.dossier_transition`` writes ``state``.
    """

    reference = models.CharField(_("dossiernummer"), max_length=20, unique=True, editable=False)
    subject = models.ForeignKey(
        "dossiers.Subject",
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    state = models.CharField(
        _("status"),
        max_length=40,
        choices=DossierState.choices,
        default=DossierState.REGISTERED,
        editable=False,
        db_index=True,
    )
    case_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directed_dossiers",
    )
    case_director_organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("organisatie regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    urgent = models.BooleanField(
        _("spoed"),
        default=False,
        help_text=_("Spoed: mag met een onvolledig basisdossier verder; de regisseur vult aan."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    uvo_interval_days = models.PositiveSmallIntegerField(
        _("UVO-interval van dit dossier (dagen)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Leeg: het interval uit de programma-instellingen."),
    )
    uvo_interval_reason = models.CharField(
        _("reden eigen UVO-interval"), max_length=255, blank=True, editable=False
    )
    family_approach_on = models.DateField(
        _("gezinsaanpak besloten op"), null=True, blank=True, editable=False
    )
    family_approach_reason = models.TextField(_("reden gezinsaanpak"), blank=True, editable=False)
    # Copies of facts in the status history, written only by the state machine
    # (workflow/services.py and effects.py) in the same transaction as the history row, so the
    # obligations engine and the monitor can filter and index on them without a subquery.
    state_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, editable=False)
    included_on = models.DateField(_("opgenomen op"), null=True, blank=True, editable=False)
    # The day of the first ITAT-R advice on the plan (the first step to "plan advised"), written
    # by the step's effect; the monitor's advice term reads it (issue 17).
    advised_on = models.DateField(
        _("eerste ITAT-R-advies op"), null=True, blank=True, editable=False
    )
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True, editable=False)
    # The case director's next deadline, copied from the obligations engine by
    # ``dossiers.services.deadlines`` (with ``DossierDeadline``), so listings sort and filter.
    next_due_on = models.DateField(
        _("volgende termijn"), null=True, blank=True, editable=False, db_index=True
    )
    next_due_kind = models.CharField(
        _("volgende termijn: wat"), max_length=30, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-created_at"]
        # The listing's default sort (newest first, then pk) and the filters it offers. The
        # first also holds the columns of the scopes and "Mijn dossiers", so the keys of a page
        # are found in the index alone (adminkit.paginator).
        indexes = [
            models.Index(
                fields=["created_at", "id", "state", "case_director"],
                name="dossier_created_scope_idx",
            ),
            models.Index(fields=["state", "created_at"], name="dossier_state_created_idx"),
            models.Index(fields=["urgent", "created_at"], name="dossier_urgent_created_idx"),
            # The monitor: the dossiers included in a period, and the few with their own UVO
            # interval (the others are counted against the programme's, reports.selectors).
            models.Index(fields=["included_on", "advised_on"], name="dossier_included_idx"),
            models.Index(
                fields=["id"],
                condition=models.Q(uvo_interval_days__gt=0),
                name="dossier_own_uvo_interval_idx",
            ),
        ]
        permissions = [
            ("register_signal", _("Meldingen registreren")),
            ("triage_signal", _("Eerste beoordeling van meldingen doen")),
            ("assess_signal", _("Duiden in het Voorportaal (beoordelingskader)")),
            ("decide_steering", _("Besluiten van het Regieoverleg vastleggen")),
            ("record_advisory_advice", _("Advies van het ITAT-R vastleggen")),
            ("accord_plan", _("Vastgestelde plannen accorderen")),
            ("view_meeting_dossiers", _("Dossiers van het Regieoverleg en ITAT-R inzien")),
            ("direct_dossier", _("Eigen dossiers voeren als regisseur")),
            (
                "advise_organisation_dossiers",
                _("Dossiers van regisseurs van de eigen organisatie inzien"),
            ),
            ("archive_dossier", _("Dossiers archiveren")),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.reference:
            return super().save(*args, **kwargs)
        # Two registrations at the same moment would read the same last number. On PostgreSQL
        # they queue for a lock held until the registering transaction ends, so each reads the
        # number the one before it committed (SQLite has one writer at a time already). Should
        # a number still be taken, the unique index refuses it and the next free one is tried,
        # in a savepoint.
        for attempt in range(REFERENCE_ATTEMPTS):
            try:
                with transaction.atomic():
                    self._lock_references()
                    self.reference = self._next_reference()
                    return super().save(*args, **kwargs)
            except IntegrityError:
                taken = Dossier.objects.filter(reference=self.reference).exists()
                if not taken or attempt == REFERENCE_ATTEMPTS - 1:
                    raise
        return None

    @classmethod
    def _lock_references(cls) -> None:
        """PostgreSQL: wait for, and hold until this transaction ends, the lock on numbering.

        A transaction-level advisory lock keyed on the dossier table; it locks no rows, so
        nothing but another numbering waits for it.
        """
        connection = transaction.get_connection()
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s::regclass::oid::integer, 1)",
                [cls._meta.db_table],
            )

    @classmethod
    def _next_reference(cls) -> str:
        year = timezone.localdate().year
        prefix = f"{year}-"
        last = (
            cls.objects.filter(reference__startswith=prefix)
            .order_by("-reference")
            .values_list("reference", flat=True)
            .first()
        )
        number = int(last.split("-")[1]) + 1 if last else 1
        return f"{prefix}{number:05d}"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes, as ``AppendOnlyModel`` refuses them per instance.

    ``update()`` and ``delete()`` (and so ``bulk_update()``) raise; related managers
    (``dossier.history``) inherit the refusal. Django's deletion collector deletes cascaded
    rows through the base manager, not this queryset, so deleting a dossier (retention) still
    takes its history with it. On PostgreSQL the models that also carry
    ``append_only_triggers()`` are guarded by the database too, raw SQL included.
    """

    def update(self, **kwargs):
        raise PermissionDenied(_("Deze registratie kan niet worden gewijzigd."))

    def delete(self):
        raise PermissionDenied(_("Deze registratie kan niet worden verwijderd."))


class AppendOnlyModel(models.Model):
    """A row that can be written once and never changed or deleted through the ORM."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionDenied(_("Deze registratie kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Deze registratie kan niet worden verwijderd."))


# The names of the two triggers ``append_only_triggers`` makes; their URIs are
# "<app_label>.<Model>:<name>", e.g. "dossiers.AccessLogEntry:append_only_update".
APPEND_ONLY_UPDATE = "append_only_update"
APPEND_ONLY_DELETE = "append_only_delete"


def append_only_triggers() -> list:
    """PostgreSQL triggers that refuse UPDATE and DELETE of a row, whatever sends the SQL.

    Installed by migrations on PostgreSQL only (django-pgtrigger skips other databases; SQLite
    keeps the ORM guard alone). Two triggers, so a named exception can lift one of them:
    ``pgtrigger.ignore("dossiers.AccessLogEntry:append_only_update")`` in
    ``AccessLogQuerySet.retention_scrub``, ``"dossiers.DossierStatusChange:append_only_delete"``
    in ``dossiers.services.retention`` while it deletes a case.
    TRUNCATE (the test runner's flush) is not a row operation and is not refused.
    """
    return [
        pgtrigger.Protect(name=APPEND_ONLY_UPDATE, operation=pgtrigger.Update),
        pgtrigger.Protect(name=APPEND_ONLY_DELETE, operation=pgtrigger.Delete),
    ]


class DossierStatusChange(AppendOnlyModel):
    """Append-only status history: one row per step taken by the state machine."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="history"
    )
    from_state = models.CharField(_("van"), max_length=40, choices=DossierState.choices, blank=True)
    to_state = models.CharField(_("naar"), max_length=40, choices=DossierState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tijdstip"))
    note = models.TextField(_("toelichting"), blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statusgeschiedenis")
        ordering = ["at", "pk"]
        # The monitor (issue 17): a dossier's state on a day is its last step before the next
        # midnight, one short backward scan of the first index per dossier; the steps taken in
        # a period are a range of the second; the ways out in a period, of the third, read
        # from the index alone.
        indexes = [
            models.Index(fields=["dossier", "at", "id"], name="statuschange_dossier_at_idx"),
            models.Index(fields=["at"], name="statuschange_at_idx"),
            models.Index(fields=["to_state", "at", "dossier"], name="statuschange_state_at_idx"),
        ]
        triggers = append_only_triggers()

    def __str__(self):
        return f"{self.dossier}: {self.get_from_state_display()} → {self.get_to_state_display()}"
