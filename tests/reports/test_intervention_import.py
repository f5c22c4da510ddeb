"""R1/S9: a bad workbook writes 0 rows and names every error; re-import changes nothing."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from reports.imports import HEADERS, SHEET, intervention_import_plan, intervention_template
from reports.services import intervention_import_apply
from snippets.models import Intervention
from tests.factories.dossiers import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD = [
    ["Mentortraject", "Een vaste mentor", "Zorg", "RT", 12, "", "ja"],
    ["Schuldhulp", "Hulp bij schulden", "income", "", None, "", "nee"],
]


def _xlsx(rows, *, header=HEADERS, extra_sheet=None, merge=False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells("A1:B1")
    if extra_sheet:
        workbook.create_sheet(extra_sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def organisation_rt(db):
    return OrganisationFactory(name="Reclassering Test", short_name="RT")


def test_template_has_headers_and_validation_sheet():
    workbook = load_workbook(io.BytesIO(intervention_template()))
    assert [c.value for c in workbook[SHEET][1]][: len(HEADERS)] == HEADERS
    assert "Keuzelijsten" in workbook.sheetnames
    assert workbook[SHEET].data_validations.dataValidation


def test_clean_file_dry_run_apply_and_idempotent_reimport(users, organisation_rt):
    seeded = Intervention.objects.count()
    content = _xlsx(GOOD)
    plan = intervention_import_plan(content=content)
    assert plan.errors == []
    assert [(r.row, r.action) for r in plan.rows] == [(2, "create"), (3, "create")]
    assert Intervention.objects.count() == seeded  # a dry run writes nothing
    assert intervention_import_apply(plan=plan, by=users["programmateam"]) == 2
    mentor = Intervention.objects.get(name="Mentortraject")
    assert (mentor.domain, mentor.typical_duration_weeks, mentor.live) == ("care", 12, True)
    assert list(mentor.organisations.all()) == [organisation_rt]
    assert Intervention.objects.get(name="Schuldhulp").active is False
    again = intervention_import_plan(content=content)
    assert {r.action for r in again.rows} == {"unchanged"}
    assert intervention_import_apply(plan=again, by=users["programmateam"]) == 0
    assert Intervention.objects.count() == seeded + 2


BAD = {
    "missing_required": (
        _xlsx([["Mentortraject", "", "Zorg", "", None, "", "ja"]]),
        (2, "Omschrijving", "Verplicht veld is leeg."),
    ),
    "unknown_organisation": (
        _xlsx([["Mentortraject", "x", "Zorg", "Onbekend", None, "", "ja"]]),
        (2, "Organisaties", "Onbekende organisatie 'Onbekend'."),
    ),
    "weeks_as_text": (
        _xlsx([["Mentortraject", "x", "Zorg", "", "twaalf", "", "ja"]]),
        (2, "Duur (weken)", "Geef een geheel aantal weken."),
    ),
    "duplicate_key": (
        _xlsx([GOOD[0], GOOD[0]]),
        (3, "Naam", "Dubbele naam; ook in rij 2."),
    ),
    "formula_cell": (
        _xlsx([["=1+1", "x", "Zorg", "", None, "", "ja"]]),
        (2, "Naam", "Formules zijn niet toegestaan."),
    ),
    "extra_sheet": (_xlsx(GOOD, extra_sheet="Geheim"), (0, "", "Onbekend werkblad 'Geheim'.")),
    "merged_header": (_xlsx(GOOD, merge=True), (1, "", None)),
    "not_xlsx": (b"%PDF-1.4 not a workbook", (0, "", "Dit is geen Excel-bestand (.xlsx).")),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_workbook_reports_the_error_and_writes_nothing(users, organisation_rt, case):
    seeded = Intervention.objects.count()
    content, (row, column, message) = BAD[case]
    plan = intervention_import_plan(content=content)
    assert (row, column) in [(r, c) for r, c, _m in plan.errors]
    if message:
        assert (row, column, message) in plan.errors
    with pytest.raises(Exception):  # noqa: B017
        intervention_import_apply(plan=plan, by=users["programmateam"])
    assert Intervention.objects.count() == seeded


def test_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * (60 * 1024 * 1024))
    plan = intervention_import_plan(content=buffer.getvalue())
    assert plan.errors == [(0, "", "Het bestand is uitgepakt te groot (mogelijk een zip-bom).")]
