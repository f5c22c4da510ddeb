"""An intervention cannot be done before it starts; an end before its start is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dossiers.execution.plan_services import plan_item_update
from dossiers.workflow.states import DossierState as S
from tests.factories.plan import item_added

pytestmark = pytest.mark.django_db


def test_done_before_the_planned_start_and_end_before_start_are_refused(users, walk):
    director = users["regisseur"]
    dossier = walk(S.INCLUDED)
    later = timezone.localdate() + datetime.timedelta(days=30)
    item = item_added(dossier, director, planned_start=later)
    with pytest.raises(ValidationError) as refused:
        plan_item_update(item=item, by=director, data={"status": "done"})
    assert "vóór de geplande start" in str(refused.value)
    item.refresh_from_db()
    assert item.status == "planned" and item.closed_on is None
    with pytest.raises(ValidationError):
        plan_item_update(
            item=item, by=director, data={"planned_end": later - datetime.timedelta(days=1)}
        )
    done = plan_item_update(item=item, by=director, data={"planned_start": timezone.localdate()})
    assert plan_item_update(item=done, by=director, data={"status": "done"}).closed_on
