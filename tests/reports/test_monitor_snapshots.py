"""Issue 17: the monitor's figures over all dossiers at the end of a past day come from the
snapshot the nightly job took of that day; a period still running reads the present state.

Hand-counted on ``plan_monitor_data`` (second quarter of 2026, see its docstring): at the end
of 2026-06-30 six dossiers are in execution, five past their UVO term, three past their
evaluation term.
"""

import datetime

import pytest
import time_machine
from django_q.models import Schedule

from dossiers.models import CaseMeeting
from dossiers.workflow.states import DossierState
from reports.models import MonitorSnapshot
from reports.periods import Period
from reports.selectors import monitor_tables
from reports.snapshot_services import monitor_snapshot_days, monitor_snapshots_take
from tests.factories.plan import uvo_held

pytestmark = pytest.mark.django_db

JULY_15 = datetime.datetime(2026, 7, 15, 10, tzinfo=datetime.UTC)


def _figures(period, at=JULY_15):
    with time_machine.travel(at, tick=False):
        return {table.key: dict(table.rows) for table in monitor_tables(period=period)}


def _late_uvo_on_june_20(users):
    """A UVO recorded afterwards with an earlier date: dossier 2 (last UVO 04-28) held one on
    06-20, so at 06-30 its term has not passed and the UVO itself was in time (due 06-23)."""
    dossier = CaseMeeting.objects.get(held_on=datetime.date(2026, 4, 28)).dossier
    with time_machine.travel(JULY_15, tick=False):
        uvo_held(dossier, users["regisseur"], on=datetime.date(2026, 6, 20))


def test_the_job_takes_yesterday_and_every_month_end_since_the_first_dossier(plan_monitor_data):
    today = datetime.date(2026, 7, 15)
    assert monitor_snapshot_days(today=today) == [
        datetime.date(2026, 7, 14),
        datetime.date(2026, 6, 30),
        datetime.date(2026, 5, 31),
        datetime.date(2026, 4, 30),
        datetime.date(2026, 3, 31),
    ]
    with time_machine.travel(JULY_15, tick=False):
        assert monitor_snapshots_take(today=today, limit=2) == 2
        assert monitor_snapshot_days(today=today) == [
            datetime.date(2026, 5, 31),
            datetime.date(2026, 4, 30),
            datetime.date(2026, 3, 31),
        ]
        assert monitor_snapshots_take(today=today) == 3
        assert monitor_snapshot_days(today=today) == []
        assert monitor_snapshots_take(today=today) == 0
    june_30 = MonitorSnapshot.objects.get(day=datetime.date(2026, 6, 30)).figures
    assert june_30["states"] == {DossierState.IN_EXECUTION: 6}
    assert (june_30["uvo_overdue"], june_30["evaluation_overdue"]) == (5, 3)


def test_a_past_period_keeps_the_figures_its_last_day_ended_with(plan_monitor_data, users):
    with time_machine.travel(JULY_15, tick=False):
        monitor_snapshots_take(today=datetime.date(2026, 7, 15))
    _late_uvo_on_june_20(users)
    figures = _figures(plan_monitor_data)
    # the late UVO counts among the period's UVOs (in time), but the end of June stands: five
    # dossiers were past their UVO term when the day was over
    assert list(figures["uvo_deadline"].values()) == [3, 1, 5]
    assert figures["state_at_end"][str(DossierState.IN_EXECUTION.label)] == 6


def test_a_past_day_without_a_snapshot_is_worked_out_from_the_history(plan_monitor_data, users):
    _late_uvo_on_june_20(users)
    figures = _figures(plan_monitor_data)
    assert list(figures["uvo_deadline"].values()) == [3, 1, 4]
    assert list(figures["evaluation_deadline"].values()) == [2, 1, 3]
    assert figures["state_at_end"][str(DossierState.IN_EXECUTION.label)] == 6


def test_a_running_period_counts_the_present_state(plan_monitor_data):
    """On 2026-06-30 the quarter is still running: the same hand count, from the present."""
    figures = _figures(
        plan_monitor_data, at=datetime.datetime(2026, 6, 30, 16, tzinfo=datetime.UTC)
    )
    assert list(figures["uvo_deadline"].values()) == [2, 1, 5]
    assert list(figures["evaluation_deadline"].values()) == [2, 1, 3]
    assert {k: v for k, v in figures["state_at_end"].items() if v} == {
        str(DossierState.IN_EXECUTION.label): 6
    }


@pytest.mark.parametrize(("day", "overdue"), [(25, (4, 0)), (26, (4, 3))])
def test_a_running_period_counts_a_term_due_today_as_not_yet_passed(
    plan_monitor_data, day, overdue
):
    """In May, while it runs: dossiers 3-6 are past their UVO term (due 04-27) on both days;
    dossiers 4-6 have their first evaluation due on 05-25, passed only from 05-26."""
    may = Period(start=datetime.date(2026, 5, 1), end=datetime.date(2026, 5, 31), label="mei")
    figures = _figures(may, at=datetime.datetime(2026, 5, day, 16, tzinfo=datetime.UTC))
    uvo, evaluation = figures["uvo_deadline"], figures["evaluation_deadline"]
    assert (list(uvo.values())[2], list(evaluation.values())[2]) == overdue


def test_the_job_is_scheduled_daily():
    job = Schedule.objects.get(func="reports.tasks.monitor_snapshots_take")
    assert (job.schedule_type, job.repeats) == (Schedule.DAILY, -1)
