"""The monitor's figures equal the hand-counted figures of ``monitor_data``."""

import datetime

import pytest

from reports.periods import period_for
from reports.selectors import monitor_tables
from snippets.models import RiskGroup

pytestmark = pytest.mark.django_db


def _figures(period):
    return {table.key: dict(table.rows) for table in monitor_tables(period=period)}


def test_inflow_by_source_type(monitor_data):
    rows = _figures(monitor_data)["inflow_source"]
    assert rows["Docent of school"] == 5
    assert rows["Ouder of familielid"] == 2
    assert sum(rows.values()) == 7


def test_inflow_by_risk_group(monitor_data):
    rows = _figures(monitor_data)["inflow_risk_group"]
    assert rows[str(RiskGroup.objects.get(number=4))] == 2
    assert rows["Geen risicogroep vastgesteld"] == 5
    assert sum(rows.values()) == 7


def test_inflow_by_gender_and_age_at_registration(monitor_data):
    rows = _figures(monitor_data)["inflow_gender_age"]
    assert rows["Vrouw, minderjarig"] == 5
    assert rows["Man, meerderjarig"] == 2
    assert sum(rows.values()) == 7


def test_outflow_by_reason(monitor_data):
    rows = _figures(monitor_data)["outflow_reason"]
    assert rows == {
        "Afgedaan door MAP": 5,
        "Overgedragen aan regulier traject": 0,
        "Niet opgenomen": 1,
        "Afgesloten": 0,
    }


def test_dossiers_by_state_at_period_end(monitor_data):
    rows = {k: v for k, v in _figures(monitor_data)["state_at_end"].items() if v}
    assert rows == {
        "Gemeld, eerste beoordeling": 1,
        "Afgedaan door MAP": 5,
        "Niet opgenomen": 1,
        "Advies ITAT-R ontvangen": 1,
    }


def test_state_at_the_end_of_an_earlier_period_ignores_later_steps(monitor_data):
    period = period_for(kind="year", year=2020)
    figures = _figures(period)
    assert {k: v for k, v in figures["state_at_end"].items() if v} == {
        "Gemeld, eerste beoordeling": 1
    }
    assert figures["inflow_source"]["Docent of school"] == 1
    assert sum(figures["outflow_reason"].values()) == 0


def test_advisory_deadline_compliance(monitor_data):
    rows = _figures(monitor_data)["advisory_deadline"]
    assert list(rows.values()) == [1, 0, 0, 0]


@pytest.mark.parametrize(
    ("kwargs", "start", "end"),
    [
        ({"kind": "month", "year": 2024, "month": 2}, (2024, 2, 1), (2024, 2, 29)),
        ({"kind": "quarter", "year": 2025, "quarter": 4}, (2025, 10, 1), (2025, 12, 31)),
        ({"kind": "year", "year": 2025}, (2025, 1, 1), (2025, 12, 31)),
    ],
)
def test_periods(kwargs, start, end):
    period = period_for(**kwargs)
    assert (period.start, period.end) == (datetime.date(*start), datetime.date(*end))
