"""Shared fixtures: one user per role, and dossiers walked through the real state machine."""

import pytest

from dossiers.demo import path_to
from dossiers.services import dossier_transition
from dossiers.workflow.states import INTAKE_STATES, DossierState
from tests.factories.assessment import assessment_complete
from tests.factories.dossiers import (
    ROLE_KEYS,
    DossierFactory,
    OrganisationFactory,
    role_user,
)
from tests.factories.plan import closure_ready, plan_ready


def pytest_addoption(parser):
    parser.addoption(
        "--update-permission-matrix",
        action="store_true",
        default=False,
        help="Rewrite tests/permission_matrix/*.csv from the observed statuses (review them!).",
    )


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Reclassering Test", short_name="RT")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Jeugdbescherming Test", short_name="JT")


@pytest.fixture
def users(db, organisation):
    """One user per role, keyed as in ``ROLE_KEYS``; all in ``organisation``."""
    return {
        key: role_user(role, username=key, organisation=organisation)
        for key, role in ROLE_KEYS.items()
    }


@pytest.fixture
def other_director(db, other_organisation):
    return role_user(
        ROLE_KEYS["regisseur"], username="andere_regisseur", organisation=other_organisation
    )


@pytest.fixture
def walk(users):
    """Build a dossier in ``state`` by taking every step through ``dossier_transition``."""

    def _walk(state: str = DossierState.REGISTERED, *, case_director=None, dossier=None):
        director = case_director or users["regisseur"]
        return walk_dossier(users, state, director, dossier=dossier)

    return _walk


def walk_dossier(users, state, director, *, dossier=None):
    """Every step from registration to ``state`` through the real services, as each role."""
    dossier = dossier or DossierFactory()
    steps = path_to(state)
    sources = [source for source, _target in steps]
    if dossier.state in sources:  # a dossier part of the way there walks on from its state
        steps = steps[sources.index(dossier.state) :]
    for source, target in steps:
        actor = _actor_for(users, source, target, director)
        prepare_step(users, dossier, target, director)
        dossier_transition(
            dossier=dossier, to=target, by=actor, note="test", **step_input(target, director)
        )
    return dossier


def prepare_step(users, dossier, target, director) -> None:
    """Build what the guards of the step to ``target`` check, as the roles that do it."""
    if target == DossierState.AWAITING_DECISION:
        assessment_complete(dossier=dossier, by=users["voorportaal"])
    elif target == DossierState.PLAN_SUBMITTED:
        plan_ready(dossier, director)
    elif target == DossierState.CLOSURE_PROPOSED:
        closure_ready(dossier, director)


def step_input(target, director) -> dict:
    """What the step forms ask for: enough for every guard that checks input."""
    data = {
        "close_reason": "no_concern",
        "destination": "Wijkteam Noord",
        "missing_information": "Gegevens van school",
    }
    if target == DossierState.INCLUDED:
        data["case_director"] = director
    return data


def _actor_for(users, source, target, director):
    from dossiers.workflow.transitions import TRANSITION_MAP

    permission = TRANSITION_MAP[(source, target)].permission
    return {
        "triage_signal": users["map"],
        "assess_signal": users["voorportaal"],
        "decide_steering": users["secretaris"],
        "record_advisory_advice": users["secretaris"],
        "accord_plan": users["secretaris"],
        "archive_dossier": users["map"] if source in INTAKE_STATES else users["secretaris"],
        "direct_dossier": director,
    }[permission]
