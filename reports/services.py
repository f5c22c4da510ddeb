"""Writes of the reports app: applying a clean import plan, and running import jobs."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from dossiers import access
from reports.importers.base import MAX_FILE_BYTES, ImportPlan, count_rows
from reports.importers.kinds import kinds, kinds_for
from reports.models import ImportJob, ImportStatus, PartnerExportJob, PartnerExportStatus
from reports.partner_exports import partner_export_items, partner_workbook_write
from snippets.models import Intervention
from snippets.services import catalogue_publish

BACKGROUND_THRESHOLD = 500  # rows; larger files are planned and applied by django-q2


@transaction.atomic
def intervention_import_apply(*, plan: ImportPlan, by) -> int:
    """Create or update every planned row in one transaction; returns the rows written."""
    if not by.has_perm("catalogue.publish_intervention"):
        raise PermissionDenied
    if not plan.is_clean:
        raise ValidationError(_("Alleen een bestand zonder fouten kan worden ingelezen."))
    return intervention_rows_apply(plan=plan, by=by)


def intervention_rows_apply(*, plan: ImportPlan, by) -> int:
    written = 0
    for row in plan.changes():
        values = dict(row.values)
        organisations = values.pop("organisations")
        intervention = Intervention.objects.filter(name=values["name"]).first() or Intervention()
        for key, value in values.items():
            setattr(intervention, key, value)
        intervention.organisations.set(organisations)
        if intervention.pk is None:
            intervention.live = False
            intervention.save()
        catalogue_publish(obj=intervention, by=by)
        written += 1
    return written


def _kind(job: ImportJob):
    return kinds()[job.kind]


def _may_import(user, kind) -> bool:
    return kind.key in {k.key for k in kinds_for(user)}


def _progress(job: ImportJob):
    def report(processed: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed=processed, total=total)

    return report


def import_job_create(*, kind: str, upload, by) -> ImportJob:
    """Keep the uploaded workbook (in the database) and start its dry run."""
    chosen = kinds()[kind]
    if not _may_import(by, chosen):
        raise PermissionDenied
    content = upload.read(MAX_FILE_BYTES + 1)
    job = ImportJob.objects.create(
        kind=kind, file_name=upload.name[:255], content=content, created_by=by
    )
    job.total = count_rows(content, chosen.sheet)
    job.background = job.total > BACKGROUND_THRESHOLD
    job.save(update_fields=["total", "background"])
    if job.background:
        transaction.on_commit(lambda: async_task("reports.services.import_job_plan", job.pk))
    else:
        import_job_plan(job.pk)
        job.refresh_from_db()
    return job


def import_job_plan(job_id: int) -> None:
    """The dry run of a job: store the per-row plan and every error; writes no data."""
    job = ImportJob.objects.get(pk=job_id)
    plan = _kind(job).plan(content=bytes(job.content), progress=_progress(job))
    job.rows = [[row.row, row.action, row.label] for row in plan.rows]
    job.errors = [[*error, kind] for error, kind in zip(plan.errors, plan.error_kinds, strict=True)]
    job.total = plan.total or job.total
    job.processed = job.total
    job.status = ImportStatus.PLANNED
    job.save(update_fields=["rows", "errors", "total", "processed", "status"])


def import_job_apply_start(*, job: ImportJob, by) -> ImportJob:
    """Refused unless the dry run was clean; large files are applied in the background."""
    if job.created_by_id != by.pk or not _may_import(by, _kind(job)):
        raise PermissionDenied
    if not job.can_apply:
        raise ValidationError(_("Alleen een bestand zonder fouten kan worden ingelezen."))
    updated = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PLANNED).update(
        status=ImportStatus.APPLYING, processed=0
    )
    if not updated:
        raise ValidationError(_("Deze import wordt al ingelezen."))
    if job.background:
        transaction.on_commit(lambda: async_task("reports.services.import_job_apply", job.pk))
    else:
        import_job_apply(job.pk)
    job.refresh_from_db()
    return job


def import_job_apply(job_id: int) -> None:
    """Plan the stored file again and write it in ONE transaction; any error writes nothing."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    kind = _kind(job)
    try:
        if not _may_import(job.created_by, kind):
            raise PermissionDenied(_("U mag dit soort bestand niet (meer) inlezen."))
        with transaction.atomic():
            plan = kind.plan(content=bytes(job.content))
            if not plan.is_clean:
                raise ValidationError(_("Het bestand bevat fouten; er is niets ingelezen."))
            written = kind.apply(plan=plan, by=job.created_by)
    except Exception as error:  # noqa: BLE001 - the job records any failure; nothing was written
        messages = getattr(error, "messages", None) or getattr(error, "reasons", None)
        job.status = ImportStatus.FAILED
        job.message = "; ".join(str(m) for m in messages) if messages else str(error)[:500]
        job.save(update_fields=["status", "message"])
        return
    job.status = ImportStatus.APPLIED
    job.written = written
    job.processed = job.total
    job.applied_at = timezone.now()
    job.content = b""
    job.save(update_fields=["status", "written", "processed", "applied_at", "content"])


RETENTION_DAYS = 7


def import_jobs_purge() -> int:
    """Empty the stored file and row plans of jobs older than a week (daily, django-q2): an
    uploaded list of another approach holds personal data and is not kept longer than needed.
    Returns the number of jobs emptied; running jobs are left alone."""
    cutoff = timezone.now() - timedelta(days=RETENTION_DAYS)
    stale = ImportJob.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[ImportStatus.PLANNING, ImportStatus.APPLYING]
    )
    return stale.exclude(content=b"", rows=[]).update(content=b"", rows=[], errors=[])


def partner_export_start(*, profile, by, only_open: bool = True):
    """Ask for a partner export; it is written in the background (``partner_export_run``)."""
    if not access.has_permission(by, "monitor.export_partner"):
        raise PermissionDenied
    if not profile.active:
        raise ValidationError(_("Dit exportprofiel is niet actief."))
    items = partner_export_items(organisation=profile.organisation, user=by, only_open=only_open)
    job = PartnerExportJob.objects.create(
        profile=profile,
        requested_by=by,
        only_open=only_open,
        columns=list(profile.columns),
        total=items.count(),
    )
    transaction.on_commit(lambda: async_task("reports.services.partner_export_run", job.pk))
    return job


def partner_export_run(job_id: int) -> None:
    """Write the workbook of one job; progress is saved every few thousand rows."""
    job = PartnerExportJob.objects.select_related("profile__organisation", "requested_by").get(
        pk=job_id
    )
    if job.status != PartnerExportStatus.RUNNING:
        return  # a replayed task: the job is already done

    def progress(count: int) -> None:
        PartnerExportJob.objects.filter(pk=job.pk).update(processed=count)

    items = partner_export_items(
        organisation=job.profile.organisation, user=job.requested_by, only_open=job.only_open
    )
    try:
        output, count = partner_workbook_write(
            items=items, column_keys=job.columns, progress=progress
        )
        with output:
            job.file.save(f"partner-{job.pk}.xlsx", File(output), save=False)
    except Exception as error:  # any failure is shown on the job page, then re-raised
        job.status, job.message = PartnerExportStatus.FAILED, str(error)[:500]
        job.save(update_fields=["status", "message"])
        raise
    job.status, job.processed, job.total = PartnerExportStatus.DONE, count, count
    job.save(update_fields=["status", "processed", "total", "file"])
