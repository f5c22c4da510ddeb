"""Issue 17: the monitor's queries do not grow with the number of dossiers, and the age band
it now computes in SQL equals ``reports.facts.age_band`` on every boundary."""

import collections
import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dossiers.models import CaseMeeting, Dossier, DossierStatusChange, Evaluation, Gender
from dossiers.services.terms import terms_refresh
from dossiers.workflow.states import DossierState as S
from reports.facts import age_band
from reports.models import MonitorFact
from reports.periods import Period
from reports.selectors import inflow_by_gender_and_age, monitor_tables
from tests.factories.dossiers import DossierFactory
from tests.meetings.test_scan_queries import bulk_dossiers

pytestmark = pytest.mark.django_db

Q2_2027 = Period(start=datetime.date(2027, 4, 1), end=datetime.date(2027, 6, 30), label="Q2")
FACT = {
    "created_on": "2027-04-02",
    "signals": [["2027-04-02", "teacher"]],
    "risk_groups": [],
    "gender": "f",
    "age_band": "minor",
    "included_on": "2027-04-03",
    "advised_on": None,
    "history": [["2027-04-03", "included"], ["2027-04-20", "in_execution"]],
    "uvos_on": ["2027-04-21", "2027-06-01"],
    "evaluations_on": ["2027-05-01"],
}


def _add_dossiers(count: int, director, first: int) -> None:
    """``count`` dossiers adopted on 2027-04-01 with two UVOs and an evaluation in Q2 2027: each
    reaches every per-dossier lookup of the UVO and evaluation terms."""
    bulk_dossiers(count, director, first=first)
    dossiers = list(Dossier.objects.order_by("pk")[first : first + count])
    CaseMeeting.objects.bulk_create(
        CaseMeeting(dossier=d, held_on=datetime.date(2027, month, 10), chaired_by=director)
        for d in dossiers
        for month in (4, 5)
    )
    Evaluation.objects.bulk_create(
        Evaluation(dossier=d, evaluated_on=datetime.date(2027, 5, 20), author=director)
        for d in dossiers
    )
    moved = timezone.make_aware(datetime.datetime(2027, 4, 2, 9))
    DossierStatusChange.objects.bulk_create(
        DossierStatusChange(dossier=d, from_state=S.PLAN_ADOPTED, to_state=S.IN_EXECUTION, at=moved)
        for d in dossiers
    )
    terms_refresh(dossier_ids=[d.pk for d in dossiers])  # bulk inserts send no signals


def _monitor_queries() -> tuple[int, dict]:
    with time_machine.travel(datetime.datetime(2027, 7, 15, 10, tzinfo=datetime.UTC), tick=False):
        monitor_tables(period=Q2_2027)  # warm per-process caches (settings, content types)
        with CaptureQueriesContext(connection) as queries:
            tables = monitor_tables(period=Q2_2027)
    return len(queries.captured_queries), {t.key: dict(t.rows) for t in tables}


def test_monitor_queries_are_the_same_for_5_and_50_dossiers(users):
    MonitorFact.objects.create(created_on=datetime.date(2027, 8, 1), data=FACT)
    _add_dossiers(5, users["regisseur"], first=0)
    small, figures = _monitor_queries()
    assert list(figures["uvo_deadline"].values()) == [1 + 5, 0, 0]
    assert list(figures["evaluation_deadline"].values()) == [5, 0, 0]
    _add_dossiers(45, users["regisseur"], first=5)
    large, figures = _monitor_queries()
    assert list(figures["uvo_deadline"].values()) == [1 + 50, 0, 0]
    assert large == small


# Registered on these local days and times; born on the days around the 18th birthday.
REGISTERED = [
    datetime.datetime(2024, 2, 29, 0, 10),  # a leap day, just after local midnight
    datetime.datetime(2025, 2, 28, 23, 50),  # just before local midnight (the next day in UTC)
    datetime.datetime(2025, 3, 1, 12, 0),
    datetime.datetime(2026, 6, 15, 0, 30),  # summer time
]


def _births(on: datetime.date) -> list[datetime.date]:
    """Every day from three days before the month of the 18th birthday to a month after, and
    the leap days around the registrations."""
    first = datetime.date(on.year - 18, on.month, 1) - datetime.timedelta(days=3)
    days = {first + datetime.timedelta(days=n) for n in range(38)}
    leap = {datetime.date(2006, 2, 28), datetime.date(2006, 3, 1), datetime.date(2008, 2, 29)}
    return sorted(days | leap)


@pytest.mark.parametrize(
    "period",
    [
        Period(start=datetime.date(2024, 1, 1), end=datetime.date(2026, 12, 31), label="all"),
        Period(start=datetime.date(2025, 2, 28), end=datetime.date(2025, 3, 1), label="two days"),
        Period(start=datetime.date(2024, 2, 29), end=datetime.date(2024, 2, 29), label="leap day"),
    ],
)
def test_age_band_in_sql_equals_age_band(period):
    expected = collections.Counter()
    for registered in REGISTERED:
        moment = timezone.make_aware(registered)
        for born in _births(registered.date()):
            dossier = DossierFactory(subject__gender="f", subject__birth_date=born)
            Dossier.objects.filter(pk=dossier.pk).update(created_at=moment)
            if period.start <= registered.date() <= period.end:
                expected[age_band(born, registered.date())] += 1
    unknown = DossierFactory(subject__gender="m", subject__birth_date=None)
    Dossier.objects.filter(pk=unknown.pk).update(created_at=timezone.make_aware(REGISTERED[2]))
    rows = dict(inflow_by_gender_and_age(period=period).rows)
    female = str(dict(Gender.choices)[Gender.FEMALE])
    assert rows[f"{female}, minderjarig"] == expected["minor"]
    assert rows[f"{female}, meerderjarig"] == expected["adult"]
    assert expected["minor"] and expected["adult"]
    in_period = period.start <= REGISTERED[2].date() <= period.end
    male = str(dict(Gender.choices)[Gender.MALE])
    assert rows[f"{male}, leeftijd onbekend"] == int(in_period)
