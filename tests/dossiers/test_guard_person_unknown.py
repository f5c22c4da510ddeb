"""A case without a recorded person never reaches the Regieoverleg, and is never included.

The handbook's process needs a person on the list (a "subject"); a signal may come in without
one (ADR 0003), but the two steps that put a person in the approach refuse until it is known.
"""

import pytest

from dossiers.models import Dossier
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.workflow.services import transition_reasons
from dossiers.workflow.states import DossierState as S
from tests.conftest import prepare_step, step_input

pytestmark = pytest.mark.django_db

PERSON_UNKNOWN = "De persoon is nog niet vastgelegd."


def _without_person(dossier):
    Dossier.objects.filter(pk=dossier.pk).update(subject=None)
    dossier.refresh_from_db()
    return dossier


def test_the_voorportaal_cannot_advise_on_a_case_without_a_person(walk, users):
    dossier = walk(S.PRE_ASSESSMENT)
    prepare_step(users, dossier, S.AWAITING_DECISION, users["regisseur"])
    _without_person(dossier)

    with pytest.raises(TransitionNotAllowed) as refused:
        dossier_transition(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])

    assert PERSON_UNKNOWN in refused.value.reasons
    dossier.refresh_from_db()
    assert dossier.state == S.PRE_ASSESSMENT


def test_urgency_does_not_lift_the_person_guard(walk, users):
    """Spoed lets an incomplete assessment through, never an unknown person."""
    dossier = walk(S.PRE_ASSESSMENT)
    Dossier.objects.filter(pk=dossier.pk).update(urgent=True)
    _without_person(dossier)

    reasons = transition_reasons(dossier=dossier, to=S.AWAITING_DECISION, by=users["voorportaal"])

    assert reasons == [PERSON_UNKNOWN]


def test_the_regieoverleg_cannot_include_a_case_without_a_person(walk, users):
    dossier = _without_person(walk(S.AWAITING_DECISION))

    with pytest.raises(TransitionNotAllowed) as refused:
        dossier_transition(
            dossier=dossier,
            to=S.INCLUDED,
            by=users["secretaris"],
            note="besluit",
            **step_input(S.INCLUDED, users["regisseur"]),
        )

    assert refused.value.reasons == [PERSON_UNKNOWN]
    dossier.refresh_from_db()
    assert (dossier.state, dossier.case_director) == (S.AWAITING_DECISION, None)


def test_with_the_person_recorded_the_same_inclusion_goes_through(walk, users):
    """The counterpart: the refusal above is the person guard, not something else."""
    dossier = walk(S.AWAITING_DECISION)
    dossier_transition(
        dossier=dossier,
        to=S.INCLUDED,
        by=users["secretaris"],
        note="besluit",
        **step_input(S.INCLUDED, users["regisseur"]),
    )
    dossier.refresh_from_db()
    assert dossier.state == S.INCLUDED
