"""Export and import files are kept only as long as needed (docs/adr/0009).

A partner export (``media/exports/partner/``) and a large listing export written in the
background (``media/exports/listing/``) hold names and birth dates of many people; an
uploaded import list holds another approach's personal data. Both live for
``ProgrammeSettings.export_lifetime_days`` (default 7) and are then deleted with their job rows
by a daily django-q2 job (``exports_expire``). Retention deletes every export that may hold a
deleted case at once (``exports_delete``). Running jobs are left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from dossiers.models import ProgrammeSettings
from reports.models import (
    ExportStatus,
    ImportJob,
    ImportStatus,
    ListingExportJob,
    PartnerExportJob,
)

EXPORT_JOBS = (PartnerExportJob, ListingExportJob)


def exports_delete(jobs) -> tuple[list[str], list[tuple]]:
    """Delete finished export ``jobs`` (of one export model); their files go once the
    transaction commits.

    Returns the deleted jobs' primary keys and the (storage, name) of their files.
    """
    model = jobs.model
    jobs = list(jobs.exclude(status=ExportStatus.RUNNING))
    files = [(job.file.storage, job.file.name) for job in jobs if job.file]
    model.objects.filter(pk__in=[job.pk for job in jobs]).delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return [str(job.pk) for job in jobs], files


@transaction.atomic
def exports_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete exports and import jobs older than their lifetime; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=ProgrammeSettings.load().export_lifetime_days)
    exports = [
        pk
        for model in EXPORT_JOBS
        for pk in exports_delete(model.objects.filter(requested_at__lt=cutoff))[0]
    ]
    imports, _rows = (
        ImportJob.objects.filter(created_at__lt=cutoff)
        .exclude(status__in=[ImportStatus.PLANNING, ImportStatus.APPLYING])
        .delete()
    )
    return len(exports) + imports
