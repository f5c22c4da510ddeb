"""One row with several problems gets every error, not only the first; nothing is written."""

import pytest

from reports.importers.signals import HEADERS as SIGNAL_HEADERS
from reports.importers.signals import SHEET as SIGNAL_SHEET
from reports.importers.signals import signal_import_plan
from reports.imports import HEADERS, SHEET, intervention_import_plan
from tests.imports.helpers import xlsx

pytestmark = pytest.mark.django_db


def test_every_error_of_a_row_is_listed(organisation):
    rows = [
        ["Traject", "", "Zorg", "Onbekend", "acht", "", "misschien"],
        ["=1+1", "x", "Onzin", "", None, "", "ja"],
    ]
    plan = intervention_import_plan(content=xlsx(SHEET, HEADERS, rows))
    assert plan.errors == [
        (2, "Omschrijving", "Verplicht veld is leeg."),
        (2, "Duur (weken)", "Geef een geheel aantal weken."),
        (2, "In gebruik", "Vul 'ja' of 'nee' in."),
        (2, "Organisaties", "Onbekende organisatie 'Onbekend'."),
        (3, "Naam", "Formules zijn niet toegestaan."),
        (3, "Domein", "Onbekende waarde 'Onzin'."),
    ]
    assert plan.rows == []


def test_signal_row_with_a_formula_and_a_bad_date_gets_both_errors(users):
    row = dict.fromkeys(SIGNAL_HEADERS, "")
    row.update(
        {
            "Kenmerk oud systeem": "OUD-9",
            "Ontvangen op": "2024-13-45",
            "Kanaal": "=A1",
            "Soort melder": "Anoniem",
            "Zorg": "Fictief",
            "Status": "Gemeld, eerste beoordeling",
        }
    )
    plan = signal_import_plan(content=xlsx(SIGNAL_SHEET, SIGNAL_HEADERS, [list(row.values())]))
    assert (2, "Kanaal", "Formules zijn niet toegestaan.") in plan.errors
    assert (
        2,
        "Ontvangen op",
        "Ongeldige datum '2024-13-45'; gebruik een datumcel of dd-mm-jjjj.",
    ) in plan.errors
    assert plan.rows == []
