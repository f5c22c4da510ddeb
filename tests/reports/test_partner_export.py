"""S8 and #8: a partner export holds exactly its profile's columns and the rows of the dossiers
the partner works on; dangerous cells are neutralised; intelligence never leaves; logged."""

import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dossiers.models import AccessAction, AccessLogEntry, PlanItemStatus
from dossiers.workflow.states import DossierState as S
from reports.models import PartnerExportJob, PartnerExportProfile
from reports.partner_exports import COLUMNS, FORBIDDEN_PATHS
from reports.services import partner_export_start
from tests.factories.dossiers import DossierFactory, OrganisationFactory, SignalFactory
from tests.factories.plan import item_added, uvo_held

pytestmark = pytest.mark.django_db

SECRET = "Geheim-AIVD-ambtsbericht-fictief"


@pytest.fixture
def partner():
    return OrganisationFactory(name="Fictieve Jeugdhulp")


@pytest.fixture
def cases(walk, users, partner):
    """A: the partner carries out an item; B: the partner sits in a UVO; C: unrelated;
    D: closed (not active any more)."""
    director = users["regisseur"]
    a = walk(S.IN_EXECUTION, dossier=DossierFactory(subject__first_name='=HYPERLINK("x")'))
    SignalFactory(dossier=a, concern=SECRET, registered_by=users["map"])
    item_a = item_added(a, director, implementer_organisation=partner, goal="+31 bellen")
    done_a = item_added(a, director, implementer_organisation=partner, goal="Afgerond doel")
    done_a.status = PlanItemStatus.DONE
    done_a.save()
    b = walk(S.IN_EXECUTION)
    uvo_held(b, director, organisations=[partner])
    c = walk(S.IN_EXECUTION)
    d = walk(S.CLOSED)
    d.plan_items.update(implementer_organisation=partner)  # the partner worked on it before
    return {"a": a, "b": b, "c": c, "d": d, "item_a": item_a, "done_a": done_a}


@pytest.fixture
def profile(partner):
    return PartnerExportProfile.objects.create(
        organisation=partner,
        columns=["dossier", "subject_name", "intervention", "goal", "implementer", "status"],
    )


def _download(client, job) -> openpyxl.Workbook:
    response = client.get(reverse("partner_exports:download", args=[job.pk]))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_export_holds_exactly_the_profiles_columns_and_rows(
    client, users, cases, profile, django_capture_on_commit_callbacks
):
    client.force_login(users["secretaris"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partner_exports:index"), {"profile": profile.pk, "only_open": ""}
        )
    job = PartnerExportJob.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{job.pk}/")
    assert (job.status, job.requested_by, job.only_open) == ("done", users["secretaris"], False)
    rows = list(_download(client, job).active.values)

    assert rows[0] == (
        "Dossiernummer",
        "Naam persoon",
        "Interventie",
        "Doel",
        "Uitvoerende organisatie",
        "Status",
    )
    dossiers = sorted({row[0] for row in rows[1:]})
    expected_items = cases["a"].plan_items.count() + cases["b"].plan_items.count()
    assert dossiers == sorted([cases["a"].reference, cases["b"].reference])
    assert len(rows) - 1 == expected_items == job.total
    names = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("x") ' + cases["a"].subject.last_name in names
    assert "'+31 bellen" in {row[3] for row in rows[1:]}
    text = repr(rows)
    assert SECRET not in text and cases["c"].reference not in text
    assert cases["d"].reference not in text

    entry = AccessLogEntry.objects.get(action=AccessAction.EXPORT)
    assert entry.username == "secretaris" and entry.row_count == job.total
    assert "Fictieve Jeugdhulp" in entry.object_description
    assert "alle interventies" in entry.object_description


def test_only_open_items_by_default(
    client, users, cases, profile, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = partner_export_start(profile=profile, by=users["secretaris"])
    client.force_login(users["secretaris"])
    rows = list(_download(client, job).active.values)
    assert "Afgerond doel" not in repr(rows)
    assert "+31 bellen" in repr(rows)


def test_no_column_reads_intelligence_and_unknown_columns_are_refused(partner):
    for column in COLUMNS.values():
        for path in column.paths:
            assert not path.startswith(FORBIDDEN_PATHS), (column.key, path)
    profile = PartnerExportProfile(organisation=partner, columns=["dossier", "concern"])
    with pytest.raises(ValidationError, match="Onbekende kolom: concern"):
        profile.full_clean()
    with pytest.raises(ValidationError, match="ten minste één kolom"):
        PartnerExportProfile(organisation=partner, columns=[]).full_clean()


def test_only_the_secretary_exports_and_only_the_requester_downloads(
    client, users, cases, profile, django_capture_on_commit_callbacks
):
    for role in ("regisseur", "beheer", "programmateam", "map"):
        with pytest.raises(PermissionDenied):
            partner_export_start(profile=profile, by=users[role])
        client.force_login(users[role])
        assert client.get(reverse("partner_exports:index")).status_code in (302, 403)
    with django_capture_on_commit_callbacks(execute=True):
        job = partner_export_start(profile=profile, by=users["secretaris"])
    from tests.factories.dossiers import role_user

    other_secretary = role_user("Secretaris", username="secretaris2")
    client.force_login(other_secretary)
    assert client.get(reverse("partner_exports:download", args=[job.pk])).status_code == 404
    assert client.get(reverse("partner_exports:job", args=[job.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()


def test_inactive_profile_is_refused_with_a_dutch_error(client, users, profile):
    profile.active = False
    profile.save()
    with pytest.raises(ValidationError, match="niet actief"):
        partner_export_start(profile=profile, by=users["secretaris"])


def test_administrator_sets_the_columns_of_a_profile(client, users, partner):
    client.force_login(users["beheer"])
    response = client.post(
        reverse("partner_export_profiles:add"),
        {"organisation": partner.pk, "columns": ["dossier", "planned_start"], "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = PartnerExportProfile.objects.get()
    assert profile.columns == ["dossier", "planned_start"]
    page = client.get(reverse("partner_export_profiles:index")).content.decode()
    assert "Dossiernummer, Start gepland" in page


def test_job_page_shows_progress_while_running(client, users, profile):
    job = PartnerExportJob.objects.create(
        profile=profile, requested_by=users["secretaris"], total=5000, processed=2000
    )
    client.force_login(users["secretaris"])
    page = client.get(reverse("partner_exports:job", args=[job.pk])).content.decode()
    assert "data-job-progress" in page and "reports/job_progress.js" in page
    status = client.get(reverse("partner_exports:job_status", args=[job.pk])).json()
    assert status == {"status": "running", "running": True, "processed": 2000, "total": 5000}
