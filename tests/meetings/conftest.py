"""Fixtures for the meeting calendar, obligations and reminders: frozen time, real services."""

import datetime
import zoneinfo

import pytest
import time_machine

from dossiers.meetings.services import meetings_generate
from dossiers.services import dossier_transition
from tests.conftest import _actor_for, prepare_step, step_input

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMS)


@pytest.fixture
def clock():
    """Frozen time that a test moves forward by hand: ``clock.move_to(date)``."""
    with time_machine.travel(at(datetime.date(2027, 1, 4)), tick=False) as traveller:
        original = traveller.move_to

        def move_to(day):
            original(day if isinstance(day, datetime.datetime) else at(day))

        traveller.move_to = move_to
        yield traveller


@pytest.fixture
def calendar(db):
    """The migrated series with meetings generated through 2028."""
    meetings_generate(until=datetime.date(2028, 12, 31))


@pytest.fixture
def step(users):
    """Take one step as the role the transition table names (the case director for theirs)."""

    def _step(dossier, to):
        director = dossier.case_director or users["regisseur"]
        actor = _actor_for(users, dossier.state, to, director)
        prepare_step(users, dossier, to, director)
        dossier_transition(
            dossier=dossier, to=to, by=actor, note="test", **step_input(to, director)
        )
        dossier.refresh_from_db()
        return dossier

    return _step
