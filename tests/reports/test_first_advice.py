# ruff: noqa: F811
"""Issue 17: the day of a dossier's first ITAT-R advice is kept on the dossier by the step
(``advised_on``), as the inclusion's is; the monitor's advice term reads it. A plan sent back
and advised again keeps its first day."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from dossiers.models import Dossier
from dossiers.workflow.states import DossierState as S
from tests.meetings.conftest import clock, step  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_first_advice_day_stays_when_the_plan_is_advised_again(clock, walk, step):
    clock.move_to(D(2027, 2, 1))
    dossier = walk(S.PLAN_SUBMITTED)
    assert dossier.advised_on is None
    clock.move_to(D(2027, 2, 10))
    step(dossier, S.PLAN_ADVISED)
    assert dossier.advised_on == D(2027, 2, 10)
    clock.move_to(D(2027, 2, 20))
    step(dossier, S.PLAN_DEFINITIVE)
    clock.move_to(D(2027, 3, 3))
    step(dossier, S.PLAN_ADVISED)  # sent back by the steering meeting, advised once more
    assert Dossier.objects.get(pk=dossier.pk).advised_on == D(2027, 2, 10)


def test_the_data_migration_fills_the_first_advice_from_the_history(clock, walk, step):
    clock.move_to(D(2027, 2, 1))
    advised, waiting = walk(S.PLAN_ADVISED), walk(S.PLAN_SUBMITTED)
    Dossier.objects.update(advised_on=None)
    migration = "0175_dossier_first_advice"
    historical = MigrationLoader(connection).project_state(("dossiers", migration)).apps
    module = __import__(f"dossiers.migrations.{migration}", fromlist=["fill_first_advice"])
    module.fill_first_advice(historical, None)
    days = dict(Dossier.objects.values_list("pk", "advised_on"))
    assert days == {advised.pk: D(2027, 2, 1), waiting.pk: None}
