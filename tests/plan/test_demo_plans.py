"""Demo data agrees with the plan's guards: every demo dossier can take its next steps."""

import pytest

from dossiers.demo import demo_data_create
from dossiers.models import Dossier, PlanVersion, User
from dossiers.workflow.services import transition_reasons
from dossiers.workflow.states import DossierState as S

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NEXT_STEPS = {
    S.PLAN_DEFINITIVE: (S.PLAN_ADOPTED, "secretaris"),
    S.CLOSURE_ADVISED: (S.CLOSED, "secretaris"),
    S.IN_EXECUTION: (S.PLAN_SUBMITTED, None),
    S.PLAN_ADVISED: (S.PLAN_DEFINITIVE, None),
}


def test_demo_dossiers_can_take_their_next_steps():
    demo_data_create(dossiers=40, seed=7)
    secretary = User.objects.get(username="secretaris")
    for state, (target, actor) in NEXT_STEPS.items():
        dossiers = Dossier.objects.filter(state=state)
        assert dossiers.exists(), state
        for dossier in dossiers:
            by = secretary if actor else dossier.case_director
            assert transition_reasons(dossier=dossier, to=target, by=by) == [], dossier
    adopted = Dossier.objects.filter(state=S.IN_EXECUTION).first()
    kinds = set(PlanVersion.objects.filter(dossier=adopted).values_list("kind", flat=True))
    assert {"submitted", "advice", "adopted", "accorded"} <= kinds
