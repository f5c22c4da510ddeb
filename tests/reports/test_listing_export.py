"""Listing exports read back by independent readers: python-calamine for xlsx, Python's csv
module (both separators) for CSV. Child lists hold the listing's rows, and the access log's
row count matches what the file holds."""

import csv
import datetime
import io
import re
import zipfile

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from dossiers.execution.services import contact_save, journal_entry_add
from dossiers.models import (
    AccessAction,
    AccessLogEntry,
    CaseMeeting,
    ClosureProposal,
    Contact,
    Evaluation,
    JournalEntry,
    PlanItem,
)
from dossiers.services.closure import evaluation_record
from dossiers.workflow.states import DossierState
from forms.models import FormResponse
from tests.factories.plan import closure_ready, item_added, uvo_held

pytestmark = pytest.mark.django_db

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def calamine_rows(content: bytes) -> tuple[str, list[list]]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    name = workbook.sheet_names[0]
    return name, workbook.get_sheet_by_name(name).to_python()


def formula_cells(content: bytes) -> list[str]:
    """Every ``<f>`` element in any worksheet: a formula, whatever a reader shows."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return [m for n in sheets for m in re.findall(rb"<f[ >]", archive.read(n))]


def csv_cells(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    cells = []
    for delimiter in (";", ","):
        cells += list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return cells


@pytest.fixture
def executed(walk, users):
    """A dossier in execution with rows in every child list, written through the services."""
    director = users["regisseur"]
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)):
        dossier = walk(DossierState.IN_EXECUTION)
        item_added(dossier, director, goal="=HYPERLINK(1)")
        uvo_held(dossier, director)
        for day in (1, 2):
            journal_entry_add(
                dossier=dossier,
                by=director,
                kind="note",
                occurred_on=datetime.date(2026, 3, day),
                text="Fictieve regel",
            )
        contact_save(
            dossier=dossier,
            by=director,
            data={
                "name": "-Regisseur;=1+1",
                "kind": "professional",
                "role": "Mentor",
                "active": True,
            },
        )
        evaluation_record(
            dossier=dossier,
            by=director,
            evaluated_on=datetime.date(2026, 3, 2),
            judgement="on_track",
        )
        closure_ready(dossier, director)
    return dossier


CHILD_LISTS = [
    ("plan_items:index", PlanItem, "Interventie"),
    ("journal_entries:index", JournalEntry, "Datum"),
    ("contacts:index", Contact, "Naam"),
    ("case_meetings:index", CaseMeeting, "Escalatie"),
    ("evaluations:index", Evaluation, "Oordeel"),
    ("closure_proposals:index", ClosureProposal, "Besluit"),
    ("form_responses:index", FormResponse, "Ingevuld op"),
]


@pytest.mark.parametrize(("name", "model", "header"), CHILD_LISTS)
def test_child_list_exports_hold_the_rows_and_log_their_count(
    client, users, executed, name, model, header
):
    expected = model.objects.filter(dossier=executed).count()
    assert expected >= 1
    client.force_login(users["regisseur"])
    response = client.get(reverse(name), {"export": "xlsx"})
    content = body(response)
    sheet_name, rows = calamine_rows(content)
    assert header in rows[0], rows[0]
    assert len(rows) - 1 == expected
    assert executed.reference in [cell for row in rows[1:] for cell in row]
    assert not formula_cells(content)
    log = AccessLogEntry.objects.filter(action=AccessAction.EXPORT).latest("pk")
    assert log.row_count == expected
    assert sheet_name != "Sheet1"


def test_export_is_in_dutch_with_typed_cells(client, users, executed):
    client.force_login(users["regisseur"])
    content = body(client.get(reverse("contacts:index"), {"export": "xlsx"}))
    name, rows = calamine_rows(content)
    assert name == "Contactpersonen"
    assert rows[0] == ["Naam", "Dossier", "Soort", "Rol", "Organisatie", "Actief"]
    assert rows[1][0] == "-Regisseur;=1+1"  # text, shown without an apostrophe
    assert rows[1][5] == "Ja"
    assert rows[1][2] == str(Contact(kind="professional").get_kind_display())
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F2"
    assert sheet.column_dimensions["A"].width > 10


def test_dates_are_date_cells_in_amsterdam_time(client, users, executed):
    client.force_login(users["regisseur"])
    _, journal = calamine_rows(
        body(client.get(reverse("journal_entries:index"), {"export": "xlsx"}))
    )
    assert {row[0] for row in journal[1:]} == {datetime.date(2026, 3, 1), datetime.date(2026, 3, 2)}
    submitted = ClosureProposal.objects.get(dossier=executed).submitted_at
    _, proposals = calamine_rows(
        body(client.get(reverse("closure_proposals:index"), {"export": "xlsx"}))
    )
    shown = proposals[1][2]
    assert isinstance(shown, datetime.datetime)
    assert shown == timezone.localtime(submitted).replace(tzinfo=None, microsecond=0)
    assert shown.hour == 11  # 10:00 UTC is 11:00 in Amsterdam in March


def test_csv_in_the_dutch_excel_dialect(client, users, executed):
    client.force_login(users["regisseur"])
    content = body(client.get(reverse("journal_entries:index"), {"export": "csv"}))
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    first = text.splitlines()[0]
    assert first == '"Datum";"Dossier";"Soort";"Auteur"'
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert {row[0] for row in rows[1:]} == {"01-03-2026", "02-03-2026"}
    comma = body(
        client.get(reverse("journal_entries:index"), {"export": "csv", "dialect": "comma"})
    ).decode()
    assert not comma.startswith("\ufeff")
    assert {row[0] for row in list(csv.reader(io.StringIO(comma)))[1:]} == {
        "2026-03-01",
        "2026-03-02",
    }


def test_csv_has_no_formula_cell_in_either_dialect(client, users, executed):
    client.force_login(users["regisseur"])
    for dialect in ("excel-nl", "comma"):
        content = body(client.get(reverse("contacts:index"), {"export": "csv", "dialect": dialect}))
        cells = [cell for row in csv_cells(content) for cell in row]
        assert not [cell for cell in cells if cell.lstrip("\t\r\n").startswith(DANGEROUS)]
        assert "'-Regisseur;'=1+1" in cells or dialect == "comma"


def test_listing_without_export_ignores_the_parameter(client, users):
    client.force_login(users["programmateam"])
    response = client.get(reverse("wagtailsnippets_catalogue_riskgroup:list"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
