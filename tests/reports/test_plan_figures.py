"""The monitor's plan figures (interventions, UVO and evaluation terms, goal attainment) equal
the hand-counted figures of ``plan_monitor_data`` (second quarter of 2026)."""

import datetime

import pytest
import time_machine

from reports.models import MonitorFact
from reports.selectors import monitor_tables
from snippets.models import Intervention, RiskGroup

pytestmark = pytest.mark.django_db

AFTER_Q2 = datetime.datetime(2026, 7, 15, 10, tzinfo=datetime.UTC)
PASSPORT, GGD = "Fictieve paspoortmaatregel", "Fictieve GGD-screening"
OLD_FACT = {  # what a fact held before the plan figures existed
    "created_on": "2026-01-05",
    "signals": [["2026-01-05", "teacher"]],
    "risk_groups": [],
    "gender": "f",
    "age_band": "minor",
    "included_on": "2026-01-20",
    "advised_on": None,
    "history": [["2026-01-20", "included"], ["2026-04-02", "in_execution"]],
}


def _figures(period):
    with time_machine.travel(AFTER_Q2, tick=False):
        return {table.key: dict(table.rows) for table in monitor_tables(period=period)}


def _nonzero(rows):
    return {label: n for label, n in rows.items() if n}


def test_interventions_started_by_domain_and_item(plan_monitor_data):
    figures = _figures(plan_monitor_data)
    assert _nonzero(figures["interventions_domain"]) == {"Straf": 5, "Zorg": 2}
    assert figures["interventions_domain"]["Sociaal domein: inkomen en schulden"] == 0
    assert figures["interventions_item"] == {GGD: 2, PASSPORT: 5}


def test_special_interventions(plan_monitor_data):
    assert _figures(plan_monitor_data)["special_interventions"] == {
        "Paspoortmaatregel": 5,
        "GGD-screening": 2,
        "Pool specialisten": 0,
    }


def test_uvo_term_during_execution(plan_monitor_data):
    assert list(_figures(plan_monitor_data)["uvo_deadline"].values()) == [2, 1, 5]


def test_evaluation_term(plan_monitor_data):
    assert list(_figures(plan_monitor_data)["evaluation_deadline"].values()) == [2, 1, 3]


def test_a_longer_evaluation_interval_moves_the_figures(plan_monitor_data):
    from dossiers.models import ProgrammeSettings

    settings = ProgrammeSettings.load()
    settings.evaluation_interval_days = 85  # due 05-26: all three in time
    settings.save()
    assert list(_figures(plan_monitor_data)["evaluation_deadline"].values()) == [3, 0, 3]


def test_goal_attainment_at_evaluation(plan_monitor_data):
    figures = _figures(plan_monitor_data)
    assert _nonzero(figures["attainment_evaluation_item"]) == {
        f"{GGD}: Doel bereikt": 2,
        f"{PASSPORT}: Doel niet bereikt": 1,
        f"{PASSPORT}: Doel deels bereikt": 1,
        f"{PASSPORT}: Doel bereikt": 1,
    }
    group = str(RiskGroup.objects.get(number=4))
    assert _nonzero(figures["attainment_evaluation_risk_group"]) == {
        f"{group}: Doel niet bereikt": 1,
        f"{group}: Doel deels bereikt": 1,
        f"{group}: Doel bereikt": 3,
    }


def test_goal_attainment_at_closure(plan_monitor_data):
    figures = _figures(plan_monitor_data)
    assert _nonzero(figures["attainment_closure_item"]) == {
        f"{GGD}: Doel bereikt": 1,
        f"{PASSPORT}: Doel niet bereikt": 1,
    }
    group = str(RiskGroup.objects.get(number=4))
    assert _nonzero(figures["attainment_closure_risk_group"]) == {
        f"{group}: Doel niet bereikt": 1,
        f"{group}: Doel bereikt": 1,
    }


def test_nothing_of_the_quarter_counts_in_the_first_quarter(plan_monitor_data):
    q1 = plan_monitor_data.__class__(
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31), label="Q1"
    )
    figures = _figures(q1)
    for key in (
        "interventions_domain",
        "special_interventions",
        "attainment_evaluation_risk_group",
        "attainment_closure_risk_group",
    ):
        assert not _nonzero(figures[key]), key
    # 03-31: every UVO term (04-27) and evaluation term (05-25) still runs
    assert list(figures["uvo_deadline"].values()) == [0, 0, 0]
    assert list(figures["evaluation_deadline"].values()) == [0, 0, 0]


def test_a_fact_stored_before_the_plan_figures_counts_as_no_plan(plan_monitor_data):
    """Facts written before these figures existed lack their keys: they add nothing to them."""
    before = _figures(plan_monitor_data)
    MonitorFact.objects.create(
        created_on=datetime.date(2026, 5, 1),
        data=OLD_FACT,
    )
    after = _figures(plan_monitor_data)
    for key in ("interventions_domain", "evaluation_deadline", "attainment_closure_item"):
        assert after[key] == before[key], key


def test_a_deleted_cases_item_counts_under_its_catalogue_items_current_domain(plan_monitor_data):
    passport = Intervention.objects.get(name=PASSPORT)
    item = {
        "start": "2026-04-07",
        "status": "running",
        "intervention": passport.pk,
        "domain": "care",  # as it stood when the case was deleted; the catalogue moved it since
        "special_kind": "",
        "closed_on": None,
        "goal_attainment": "",
    }
    MonitorFact.objects.create(
        created_on=datetime.date(2026, 7, 1),
        data={**OLD_FACT, "plan_items": [item, {**item, "intervention": 0}]},
    )
    figures = _figures(plan_monitor_data)
    assert _nonzero(figures["interventions_domain"]) == {"Straf": 6, "Zorg": 3}
    assert figures["special_interventions"]["Paspoortmaatregel"] == 6
    assert figures["interventions_item"]["Interventie 0 (niet meer in de catalogus)"] == 1
