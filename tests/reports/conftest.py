"""A fixed, hand-counted data set for the monitor, built through the real state machine."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from dossiers.execution.plan_services import plan_item_update
from dossiers.models import Dossier, PlanItemStatus, Signal
from dossiers.services.closure import evaluation_record
from dossiers.workflow.states import DossierState
from reports.periods import Period
from snippets.models import InterventionDomain
from snippets.models.intervention import SpecialKind
from tests.factories.dossiers import DossierFactory
from tests.factories.plan import item_added, uvo_held
from tests.factories.snippets import InterventionFactory

OLD = datetime.date(2020, 1, 15)


def _signal(dossier, *, source_type, received_on, by):
    Signal.objects.create(
        dossier=dossier,
        received_on=received_on,
        channel="email",
        source_type=source_type,
        concern="Fictieve zorg",
        registered_by=by,
        person_first_name="Geheime",
        person_last_name="Persoonsnaam",
    )


@pytest.fixture
def monitor_data(walk, users):
    """5 triage-closed female minors (teacher), 1 not included + 1 advised adult male (parent),
    1 old registered dossier (teacher signal in 2020): see the expected counts in the tests."""
    today = timezone.localdate()
    for _ in range(5):
        dossier = DossierFactory(
            subject__gender="f",
            subject__birth_date=datetime.date(today.year - 12, 1, 1),
            subject__last_name="Geheimnaam",
        )
        walk(DossierState.TRIAGE_CLOSED, dossier=dossier)
        _signal(dossier, source_type="teacher", received_on=today, by=users["map"])
    for state in (DossierState.NOT_INCLUDED, DossierState.PLAN_ADVISED):
        dossier = walk(state)
        _signal(dossier, source_type="parent", received_on=today, by=users["map"])
    old = DossierFactory()
    Dossier.objects.filter(pk=old.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2020, 1, 15, 12))
    )
    _signal(old, source_type="teacher", received_on=OLD, by=users["map"])
    return Period(start=today, end=today, label="vandaag")


Q2_2026 = Period(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), label="Q2 2026")


def _on(year, month, day_):
    return time_machine.travel(
        datetime.datetime(year, month, day_, 10, tzinfo=datetime.UTC), tick=False
    )


@pytest.fixture
def plan_monitor_data(walk, users):
    """Six dossiers in execution since 2026-03-02 (plan adopted, first UVO that day, risk group
    4); hand-counted for the second quarter of 2026 in ``test_plan_figures.py``:

    - items started in Q2: a passport measure (justice) in dossiers 1-5, a GGD screening
      (care) in dossiers 1-2; not counted: debt help planned in Q2 but never started
      (dossier 6), debt help started in July (dossier 6);
    - UVOs (every 56 days, so due 2026-04-27): dossier 1 on 04-20 and 06-10 (in time), dossier
      2 on 04-28 (late); at 06-30 every dossier but 1 is past its UVO term (5);
    - evaluations (84 days after adoption: due 05-25): dossier 1 on 05-20, dossier 3 on 05-25
      (in time), dossier 2 on 05-26 (late); at 06-30 dossiers 4-6 are past their term (3);
      goal attainment: passport partly (1), not achieved (2), achieved (3); GGD achieved (1, 2);
    - closed items: GGD of dossier 1 done on 06-01 (achieved), passport of dossier 4 stopped on
      06-02 (not achieved).
    """
    director = users["regisseur"]
    passport = InterventionFactory(
        name="Fictieve paspoortmaatregel",
        domain=InterventionDomain.JUSTICE,
        special_kind=SpecialKind.PASSPORT,
    )
    ggd = InterventionFactory(
        name="Fictieve GGD-screening",
        domain=InterventionDomain.CARE,
        special_kind=SpecialKind.GGD_SCREENING,
    )
    debt = InterventionFactory(name="Fictieve schuldhulp", domain=InterventionDomain.INCOME)
    with _on(2026, 3, 2):
        dossiers = [walk(DossierState.IN_EXECUTION) for _ in range(6)]

    def started(dossier, intervention, start):
        item = item_added(dossier, director, intervention=intervention, planned_start=start)
        return plan_item_update(item=item, by=director, data={"status": PlanItemStatus.RUNNING})

    with _on(2026, 3, 20):
        passports = [started(d, passport, datetime.date(2026, 4, 6)) for d in dossiers[:5]]
        ggds = [started(d, ggd, datetime.date(2026, 4, 10)) for d in dossiers[:2]]
        item_added(
            dossiers[5], director, intervention=debt, planned_start=datetime.date(2026, 4, 15)
        )
        started(dossiers[5], debt, datetime.date(2026, 7, 1))
    for dossier, on in ((0, (2026, 4, 20)), (1, (2026, 4, 28)), (0, (2026, 6, 10))):
        with _on(*on):
            uvo_held(dossiers[dossier], director)
    evaluations = [
        (0, (2026, 5, 20), [(passports[0], "partly"), (ggds[0], "achieved")]),
        (2, (2026, 5, 25), [(passports[2], "achieved")]),
        (1, (2026, 5, 26), [(passports[1], "not_achieved"), (ggds[1], "achieved")]),
    ]
    for index, on, rows in evaluations:
        with _on(*on):
            evaluation_record(
                dossier=dossiers[index],
                by=director,
                evaluated_on=datetime.date(*on),
                judgement="on_track",
                items=[{"plan_item": item, "goal_attainment": a} for item, a in rows],
            )
    with _on(2026, 6, 1):
        plan_item_update(item=ggds[0], by=director, data={"status": PlanItemStatus.DONE})
    with _on(2026, 6, 2):
        plan_item_update(
            item=passports[3],
            by=director,
            data={"status": PlanItemStatus.STOPPED, "goal_attainment": "not_achieved"},
        )
    return Q2_2026
