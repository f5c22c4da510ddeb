"""A fixed, hand-counted data set for the monitor, built through the real state machine."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import Dossier, Signal
from dossiers.workflow.states import DossierState
from reports.periods import Period
from tests.factories.dossiers import DossierFactory

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
