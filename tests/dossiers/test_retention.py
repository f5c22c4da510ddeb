"""S10: a finished case past its retention period leaves no trace but a deletion-log row and
pseudonymised monitor facts; the monitor's figures for past periods do not change."""

import datetime
import io
import os
import zipfile
from pathlib import Path

import pypdf
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from dossiers.execution.plan_services import plan_item_update
from dossiers.models import (
    AccessLogEntry,
    DeletionLogEntry,
    Dossier,
    DossierStatusChange,
    GoalAttainment,
    PlanItemStatus,
    ProgrammeSettings,
    SignalAttachment,
    Subject,
)
from dossiers.services.closure import evaluation_record
from dossiers.services.retention import retention_run
from dossiers.workflow.states import DossierState as S
from reports.models import MonitorFact, PartnerExportJob, PartnerExportProfile
from reports.periods import Period
from reports.selectors import monitor_tables
from reports.services import partner_export_start
from snippets.models.intervention import SpecialKind
from tests.factories.dossiers import DossierFactory, OrganisationFactory, SignalFactory
from tests.factories.plan import item_added, uvo_held
from tests.factories.snippets import InterventionFactory

pytestmark = pytest.mark.django_db

FIRST, LAST, BIRTH = "Zoltarina", "Quibbleworth", datetime.date(2009, 3, 14)
STREET, POSTCODE = "Fictievegrachtje 77", "1099 ZQ"
GOAL = "Fictief doel: Zoltarina gaat naar school"
CONCERN = "Fictieve zorg: Quibbleworth deelt propaganda."
CLOSED_AT = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)
PLAN_FIGURES = (
    "uvo_deadline",
    "evaluation_deadline",
    "interventions_domain",
    "interventions_item",
    "special_interventions",
    "attainment_evaluation_item",
    "attainment_evaluation_risk_group",
    "attainment_closure_item",
    "attainment_closure_risk_group",
)
YEAR_2026 = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), label="2026")


def _all_text() -> str:
    """Every row of every table as text: where a trace of the person would show up."""
    quote = connection.ops.quote_name
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


@pytest.fixture
def closed_case(walk, users, client, settings, tmp_path, django_capture_on_commit_callbacks):
    """A minor's case, with an attachment, read once by the case director, searched for by name,
    in a partner export while it ran, closed 2026-03-02."""
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tick=False):
        dossier = DossierFactory(
            subject__first_name=FIRST,
            subject__last_name=LAST,
            subject__birth_date=BIRTH,
            subject__street=STREET,
            subject__postcode=POSTCODE,
        )
        signal = SignalFactory(dossier=dossier, concern=CONCERN, registered_by=users["map"])
        attachment = SignalAttachment(signal=signal, original_name=f"{LAST}.pdf")
        attachment.file.save(f"{LAST}.pdf", ContentFile(b"%PDF-1.4 fictief"), save=True)
    director = users["regisseur"]
    with time_machine.travel(datetime.datetime(2026, 1, 12, 9, tzinfo=datetime.UTC), tick=False):
        walk(S.IN_EXECUTION, dossier=dossier)
        partner = OrganisationFactory(name="Fictieve Partner")
        item = item_added(
            dossier,
            director,
            intervention=InterventionFactory(special_kind=SpecialKind.SPECIALIST_POOL),
            implementer_organisation=partner,
            goal=GOAL,
        )
        plan_item_update(item=item, by=director, data={"status": PlanItemStatus.RUNNING})
        profile = PartnerExportProfile.objects.create(
            organisation=partner, columns=["dossier", "subject_name", "birth_date", "goal"]
        )
        with django_capture_on_commit_callbacks(execute=True):
            partner_export_start(profile=profile, by=users["secretaris"])
        client.force_login(director)
        assert client.get(reverse("dossiers:index"), {"q": LAST}).status_code == 200
    with time_machine.travel(datetime.datetime(2026, 2, 9, 9, tzinfo=datetime.UTC), tick=False):
        uvo_held(dossier, director)
        evaluation_record(
            dossier=dossier,
            by=director,
            evaluated_on=datetime.date(2026, 2, 9),
            judgement="goals_met",
            items=[{"plan_item": item, "goal_attainment": GoalAttainment.ACHIEVED}],
        )
        plan_item_update(item=item, by=director, data={"status": PlanItemStatus.DONE})
    with time_machine.travel(CLOSED_AT, tick=False):
        walk(S.CLOSED, dossier=dossier)
        client.force_login(users["regisseur"])
        assert client.get(reverse("dossiers:inspect", args=[dossier.pk])).status_code == 200
    return dossier, attachment


def test_a_case_past_retention_leaves_no_trace_and_the_monitor_keeps_its_figures(
    closed_case, django_capture_on_commit_callbacks
):
    dossier, attachment = closed_case
    file_path, person = attachment.file.path, str(dossier.subject)
    with time_machine.travel(datetime.datetime(2026, 12, 31, 12, tzinfo=datetime.UTC)):
        before = [(t.key, t.rows) for t in monitor_tables(period=YEAR_2026)]
    assert LAST in _all_text()

    with (
        time_machine.travel(datetime.datetime(2031, 3, 3, 4, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert retention_run(today=datetime.date(2031, 3, 3)) == 1
        after = [(t.key, t.rows) for t in monitor_tables(period=YEAR_2026)]

    text = _all_text()
    for trace in (FIRST, LAST, BIRTH.isoformat(), CONCERN, person):
        assert trace not in text, trace
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert not Subject.objects.filter(pk=dossier.subject_id).exists()
    assert not os.path.exists(file_path)
    entry = DeletionLogEntry.objects.get()
    assert entry.dossier_reference == dossier.reference
    assert entry.final_state == S.CLOSED
    assert (entry.ended_on, entry.retention_until) == (
        datetime.date(2026, 3, 2),
        datetime.date(2031, 3, 2),
    )
    assert entry.files == 2  # the attachment and the partner export
    assert entry.rows["dossiers.Signal"] == 1
    # the append-only history goes with its case (on PostgreSQL past its delete trigger)
    assert entry.rows["dossiers.DossierStatusChange"] > 1
    assert not DossierStatusChange.objects.filter(dossier_id=dossier.pk).exists()
    assert entry.rows["monitor.PartnerExportJob"] == 1
    assert not PartnerExportJob.objects.exists()
    log = AccessLogEntry.objects.get(dossier_id_snapshot=dossier.pk)
    assert (log.dossier_reference, log.subject_name) == (dossier.reference, "")
    assert MonitorFact.objects.count() == 1
    assert after == before
    # the case feeds every plan figure, so a fact the deletion forgot would change them
    for key in PLAN_FIGURES:
        assert any(n for _label, n in dict(before)[key]), key


def test_nothing_is_deleted_before_the_period_ends_and_a_second_run_deletes_nothing(closed_case):
    dossier, _ = closed_case
    active = DossierFactory()
    assert retention_run(today=datetime.date(2031, 3, 2)) == 0  # the last day it is kept
    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert retention_run(today=datetime.date(2031, 3, 3)) == 1
    assert retention_run(today=datetime.date(2031, 3, 3)) == 0
    assert list(Dossier.objects.values_list("pk", flat=True)) == [active.pk]
    assert DeletionLogEntry.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL")
def test_after_retention_the_database_guards_the_history_and_log_again(closed_case, walk):
    """The retention service lifts the triggers for its own statements only."""
    dossier, _ = closed_case
    other = walk(S.INCLUDED)
    assert retention_run(today=datetime.date(2031, 3, 3)) == 1
    assert AccessLogEntry.objects.filter(dossier_id_snapshot=dossier.pk).exists()
    for statement in (
        "DELETE FROM dossiers_dossierstatuschange",
        "UPDATE dossiers_accesslogentry SET subject_name = ''",
        "DELETE FROM dossiers_accesslogentry",
    ):
        with pytest.raises(DatabaseError, match="pgtrigger"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement)
    assert other.history.count() > 1


def test_the_periods_are_programme_settings(walk):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)):
        not_included = walk(S.NOT_INCLUDED)
        triaged = walk(S.TRIAGE_CLOSED)
    settings = ProgrammeSettings.load()
    settings.retention_months_not_included = 6
    settings.save()
    assert retention_run(today=datetime.date(2026, 7, 5)) == 0
    assert retention_run(today=datetime.date(2026, 7, 6)) == 2
    references = set(DeletionLogEntry.objects.values_list("dossier_reference", flat=True))
    assert references == {not_included.reference, triaged.reference}


def test_a_person_with_another_dossier_is_kept(closed_case, walk):
    dossier, _ = closed_case
    other = walk(S.IN_EXECUTION, dossier=DossierFactory(subject=dossier.subject))
    assert retention_run(today=datetime.date(2031, 3, 3)) == 1
    assert Subject.objects.filter(pk=dossier.subject_id).exists()
    assert Dossier.objects.filter(pk=other.pk).exists()


def test_administrators_read_the_deletion_log(client, users, closed_case):
    dossier, _ = closed_case
    retention_run(today=datetime.date(2031, 3, 3))
    client.force_login(users["beheer"])
    page = client.get(reverse("deletion_log:index")).content.decode()
    assert dossier.reference in page and LAST not in page
    client.force_login(users["regisseur"])
    assert client.get(reverse("deletion_log:index")).status_code in (302, 403)


NEEDLES = (
    FIRST,
    LAST,
    STREET,
    POSTCODE,
    BIRTH.isoformat(),
    BIRTH.strftime("%d-%m-%Y"),
    "14 maart 2009",
    "14-3-2009",
    GOAL,
)


def _found(text: str, where: str) -> list[str]:
    lowered = text.lower()
    return [f"{where}: {needle}" for needle in NEEDLES if needle.lower() in lowered]


def _as_text(value) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "ignore")
    return str(value)


def _database_traces() -> list[str]:
    """Every column of every table (text, JSON, binary included), by raw SQL over the schema."""
    quote, found = connection.ops.quote_name, []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            selected = ", ".join(quote(column) for column in columns)
            cursor.execute(f"SELECT {selected} FROM {quote(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is not None:
                        found += _found(_as_text(value), f"{table}.{column}")
    return found


def _file_texts(path: Path) -> list[str]:
    """The file's bytes as text, and what an xlsx (zipped XML) or a PDF holds inside."""
    data = path.read_bytes()
    texts = [data.decode("utf-8", "ignore")]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            texts += [archive.read(name).decode("utf-8", "ignore") for name in archive.namelist()]
    if data.startswith(b"%PDF"):
        try:
            texts += [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]
        except pypdf.errors.PdfReadError:
            pass  # not a real PDF (a fictional attachment): its bytes were searched above
    return texts


def _media_traces(root: Path) -> list[str]:
    return [
        trace
        for path in sorted(root.rglob("*"))
        if path.is_file()
        for text in _file_texts(path)
        for trace in _found(text, str(path.relative_to(root)))
    ]


def test_after_retention_no_table_column_or_file_holds_the_person(
    closed_case, settings, django_capture_on_commit_callbacks
):
    dossier, _attachment = closed_case
    media = Path(settings.MEDIA_ROOT)
    assert any(LAST in trace for trace in _database_traces())
    assert any("exports/partner/" in trace for trace in _media_traces(media))  # xlsx read
    searches = AccessLogEntry.objects.filter(path__startswith=reverse("dossiers:index"))
    assert searches.filter(path__contains="q=*").exists()  # the search, not the term

    with (
        time_machine.travel(datetime.datetime(2031, 3, 3, 4, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert retention_run(today=datetime.date(2031, 3, 3)) == 1

    assert _database_traces() == []
    assert _media_traces(media) == []
    assert DeletionLogEntry.objects.get().dossier_reference == dossier.reference
