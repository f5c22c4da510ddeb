"""The process picture is drawn from the transition table, with the current state highlighted."""

import pytest
from django.urls import reverse

from dossiers.workflow.diagram import process_svg
from dossiers.workflow.states import DossierState as S
from dossiers.workflow.transitions import TRANSITIONS


def test_every_state_and_transition_is_drawn():
    svg = str(process_svg())
    for state in S:
        assert f'data-state="{state.value}"' in svg
    assert svg.count("<path d=") == len(TRANSITIONS) + 2  # + two arrowhead markers


def test_current_and_next_states_are_highlighted():
    svg = str(process_svg(current=S.PLAN_ADVISED, next_states=frozenset({S.PLAN_DEFINITIVE})))
    assert 'class="state state-current" data-state="plan_advised"' in svg
    assert 'class="state state-next" data-state="plan_definitive"' in svg
    assert svg.count("state-current") == 1


@pytest.mark.django_db
def test_dossier_page_shows_the_picture_with_its_state(client, users, walk):
    dossier = walk(S.PLAN_ADVISED)
    client.force_login(users["regisseur"])
    content = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert 'class="state state-current" data-state="plan_advised"' in content
    assert 'class="state state-next" data-state="plan_definitive"' in content
