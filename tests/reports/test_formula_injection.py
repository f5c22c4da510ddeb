"""S8: no exported cell starts with a character a spreadsheet would evaluate."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from adminkit.cells import safe_cell
from tests.factories.dossiers import DossierFactory
from tests.factories.snippets import InterventionFactory

DANGEROUS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']


@pytest.mark.parametrize("value", DANGEROUS)
def test_dangerous_strings_are_prefixed(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Jan", "", " =x", 5, -3, 1.5, None, "a=b"])
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _cells(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]


@pytest.mark.django_db
def test_dossier_listing_xlsx_escapes_a_formula_name(client, users, walk):
    dossier = DossierFactory(subject__first_name="=cmd|' /C calc'!A0", subject__last_name="-x")
    walk(dossier=dossier)
    client.force_login(users["map"])
    response = client.get(reverse("dossiers:index"), {"export": "xlsx"})
    content = _content(response)
    cells = _cells(content)
    sheet = load_workbook(io.BytesIO(content)).active
    assert "=cmd|' /C calc'!A0 -x" in cells
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.django_db
def test_intervention_listing_csv_and_xlsx_escape(client, users):
    InterventionFactory(name="@SUM(1+1)")
    client.force_login(users["programmateam"])
    url = reverse("wagtailsnippets_catalogue_intervention:list")
    xlsx = client.get(url, {"export": "xlsx"})
    cells = _cells(b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content)
    assert "@SUM(1+1)" in cells
    csv = client.get(url, {"export": "csv"})
    assert "'@SUM(1+1)" in b"".join(csv.streaming_content).decode()
