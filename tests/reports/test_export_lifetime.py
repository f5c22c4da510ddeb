"""ADR 0009: partner exports and import files live ``export_lifetime_days`` (a programme
setting, default 7); the daily job deletes older ones with their job rows and files."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_q.models import Schedule

from dossiers.models import ProgrammeSettings
from reports.export_lifetime import exports_expire
from reports.models import (
    ImportJob,
    ImportStatus,
    PartnerExportJob,
    PartnerExportProfile,
    PartnerExportStatus,
)
from tests.factories.dossiers import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_export(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    profile = PartnerExportProfile.objects.create(
        organisation=OrganisationFactory(name="Fictieve Partner"), columns=["dossier"]
    )

    def _make(days_old: int, status=PartnerExportStatus.DONE) -> PartnerExportJob:
        job = PartnerExportJob.objects.create(
            profile=profile, requested_by=users["secretaris"], status=status
        )
        job.file.save(f"export-{job.pk}.xlsx", ContentFile(b"PK fictief"), save=True)
        PartnerExportJob.objects.filter(pk=job.pk).update(
            requested_at=timezone.now() - datetime.timedelta(days=days_old)
        )
        return job

    return _make


def _import_job(users, days_old: int, status=ImportStatus.APPLIED) -> ImportJob:
    job = ImportJob.objects.create(
        kind="interventies",
        status=status,
        file_name="lijst.xlsx",
        content=b"PK-lijst",
        created_by=users["programmateam"],
    )
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_old)
    )
    return job


def test_exports_and_imports_past_their_lifetime_go_with_their_files(
    make_export, users, django_capture_on_commit_callbacks
):
    old, fresh = make_export(8), make_export(6)
    running = make_export(30, status=PartnerExportStatus.RUNNING)
    old_path, fresh_path = old.file.path, fresh.file.path
    old_import, fresh_import = _import_job(users, 8), _import_job(users, 2)
    busy_import = _import_job(users, 8, status=ImportStatus.APPLYING)

    with django_capture_on_commit_callbacks(execute=True):
        assert exports_expire() == 2

    remaining = set(PartnerExportJob.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, running.pk}
    assert set(ImportJob.objects.values_list("pk", flat=True)) == {fresh_import.pk, busy_import.pk}
    assert not ImportJob.objects.filter(pk=old_import.pk).exists()
    import os

    assert not os.path.exists(old_path)
    assert os.path.exists(fresh_path)


def test_the_lifetime_is_a_programme_setting_and_the_job_is_scheduled(
    make_export, django_capture_on_commit_callbacks
):
    job = make_export(3)
    settings = ProgrammeSettings.load()
    assert settings.export_lifetime_days == 7
    settings.export_lifetime_days = 2
    settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert exports_expire() == 1
    assert not PartnerExportJob.objects.filter(pk=job.pk).exists()
    assert Schedule.objects.filter(
        func="reports.export_lifetime.exports_expire", schedule_type="D"
    ).exists()
