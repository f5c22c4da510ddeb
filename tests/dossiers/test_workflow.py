"""The transition table: every allowed step is taken by its role and refused to every demo
role without its permission. Steps outside the table are sampled, not exhaustive: from every
state except archived into the four targets that matter most (pre-assessment, included, in
execution, closed), each refused with a reason even to a user holding every role."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from dossiers.demo import path_to
from dossiers.models import DossierStatusChange
from dossiers.services import TransitionNotAllowed, dossier_transition
from dossiers.workflow.states import DossierState as S
from dossiers.workflow.transitions import TRANSITION_MAP, TRANSITIONS
from tests.conftest import _actor_for, prepare_step, step_input

pytestmark = pytest.mark.django_db

ALLOWED = [pytest.param(t, id=f"{t.source}->{t.target}") for t in TRANSITIONS]
FORBIDDEN = [
    pytest.param(source, target, id=f"{source}->{target}")
    for source in S
    for target in S
    if (source, target) not in TRANSITION_MAP
    and source != S.ARCHIVED
    and target in {S.INCLUDED, S.CLOSED, S.IN_EXECUTION, S.PRE_ASSESSMENT}
]


@pytest.mark.parametrize("step", ALLOWED)
def test_every_allowed_step_by_its_role(step, walk, users):
    dossier = walk(step.source)
    actor = _actor_for(users, step.source, step.target, users["regisseur"])
    prepare_step(users, dossier, step.target, users["regisseur"])
    dossier_transition(
        dossier=dossier,
        to=step.target,
        by=actor,
        note="reden",
        **step_input(step.target, users["regisseur"]),
    )
    dossier.refresh_from_db()
    assert dossier.state == step.target
    last = dossier.history.order_by("-at", "-pk").first()
    assert (last.from_state, last.to_state, last.by) == (step.source, step.target, actor)


@pytest.mark.parametrize("step", ALLOWED)
def test_every_allowed_step_refused_to_roles_without_its_permission(step, walk, users):
    dossier = walk(step.source)
    for user in users.values():
        if user.has_perm(f"dossiers.{step.permission}"):
            continue
        with pytest.raises(TransitionNotAllowed):
            dossier_transition(dossier=dossier, to=step.target, by=user, note="reden")
    dossier.refresh_from_db()
    assert dossier.state == step.source


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_steps_outside_the_table_are_refused_with_a_reason(source, target, walk, users):
    dossier = walk(source)
    everyone = users["regisseur"]  # the dossier's director, given every role besides
    everyone.groups.add(*Group.objects.all())
    count = DossierStatusChange.objects.count()
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=target, by=everyone, note="x")
    assert "kan een dossier niet naar" in str(refusal.value)
    assert DossierStatusChange.objects.count() == count


def test_include_without_case_director_is_refused_in_dutch(walk, users):
    dossier = walk(S.AWAITING_DECISION)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.INCLUDED, by=users["secretaris"])
    assert refusal.value.reasons == ["Bij opnemen moet een regisseur worden aangewezen."]
    dossier.refresh_from_db()
    assert dossier.state == S.AWAITING_DECISION


def test_include_assigns_case_director_and_organisation(walk, users):
    dossier = walk(S.INCLUDED)
    assert dossier.case_director == users["regisseur"]
    assert dossier.case_director_organisation == users["regisseur"].organisation
    assert dossier.included_on is not None


def test_not_including_needs_a_reason(walk, users):
    dossier = walk(S.AWAITING_DECISION)
    with pytest.raises(TransitionNotAllowed) as refusal:
        dossier_transition(dossier=dossier, to=S.NOT_INCLUDED, by=users["secretaris"], note=" ")
    assert "Geef een toelichting (reden en bestemming)." in refusal.value.reasons
    assert "Vermeld aan wie de melding wordt overgedragen." in refusal.value.reasons


def test_history_cannot_be_edited_or_deleted(walk):
    dossier = walk(S.INCLUDED)
    change = dossier.history.first()
    change.note = "herschreven"
    with pytest.raises(PermissionDenied):
        change.save()
    with pytest.raises(PermissionDenied):
        change.delete()


def test_every_state_is_reachable_from_registration():
    for state in S:
        if state != S.REGISTERED:
            assert path_to(state), state
