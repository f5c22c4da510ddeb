# ruff: noqa: F811
"""The monitor's advice term is the obligations engine's own rule: the ITAT-R the system
scheduled for the dossier, holidays skipped (no separate 8-week rule)."""

import datetime

import pytest

from dossiers.models import ObligationKind
from dossiers.obligations import dossier_obligations
from dossiers.workflow.states import DossierState as S
from reports.periods import Period
from reports.selectors import advisory_deadline_compliance
from tests.meetings.conftest import calendar, clock, step  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
D = datetime.date
INCLUDED = D(2027, 3, 25)  # + 35 days = 29 April; the ITAT-R of 6 May is Ascension Day
SCHEDULED = D(2027, 5, 27)  # so the system schedules the next one, 63 days after inclusion
YEAR = Period(start=D(2027, 1, 1), end=D(2027, 12, 31), label="2027")


def _figures():
    return list(dict(advisory_deadline_compliance(period=YEAR).rows).values())


def test_advice_at_the_itatr_after_a_skipped_holiday_is_in_time(
    clock,
    calendar,
    walk,
    step,
):
    clock.move_to(INCLUDED)
    on_time, late = walk(S.INCLUDED), walk(S.INCLUDED)
    concept = {o.kind: o for o in dossier_obligations(dossier=on_time)}[ObligationKind.CONCEPT_PLAN]
    assert concept.meeting.date == SCHEDULED
    clock.move_to(SCHEDULED - datetime.timedelta(days=7))
    for dossier in (on_time, late):
        walk(S.PLAN_SUBMITTED, dossier=dossier)
    clock.move_to(SCHEDULED)
    step(on_time, S.PLAN_ADVISED)  # 63 days: "late" by an 8-week rule, in time by the engine
    assert _figures() == [1, 0, 0, 1]  # in time, late, overdue, pending
    clock.move_to(SCHEDULED + datetime.timedelta(days=21))
    step(late, S.PLAN_ADVISED)  # the next ITAT-R after the scheduled one
    assert _figures() == [1, 1, 0, 0]
