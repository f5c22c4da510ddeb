"""The objects' own pages (listings, inspect, edit) for the case director: shown and logged."""

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.execution.services import contact_save, journal_entry_add
from dossiers.models import (
    AccessLogEntry,
    CaseMeeting,
    ClosureProposal,
    Contact,
    Evaluation,
    JournalEntry,
    Judgement,
    PlanItem,
)
from dossiers.services.closure import evaluation_record
from dossiers.workflow.states import DossierState as S
from tests.factories.plan import closure_ready

pytestmark = pytest.mark.django_db


def test_every_object_page_renders_for_the_case_director(client, users, walk):
    director = users["regisseur"]
    dossier = walk(S.IN_EXECUTION)
    journal_entry_add(
        dossier=dossier, by=director, kind="other", occurred_on=timezone.localdate(), text="Regel"
    )
    contact_save(
        dossier=dossier, by=director, data={"name": "Tante", "kind": "private", "role": "T"}
    )
    item = PlanItem.objects.get(dossier=dossier)
    evaluation_record(
        dossier=dossier,
        by=director,
        evaluated_on=timezone.localdate(),
        judgement=Judgement.ADJUST,
        items=[{"plan_item": item, "result": "Half", "goal_attainment": "partly"}],
    )
    closure_ready(dossier, director)
    objects = {
        "plan_items": item,
        "journal_entries": JournalEntry.objects.get(dossier=dossier),
        "contacts": Contact.objects.get(dossier=dossier),
        "case_meetings": CaseMeeting.objects.get(dossier=dossier),
        "evaluations": Evaluation.objects.get(dossier=dossier),
        "closure_proposals": ClosureProposal.objects.get(dossier=dossier),
    }
    client.force_login(director)
    for namespace, obj in objects.items():
        listing = client.get(reverse(f"{namespace}:index"))
        assert listing.status_code == 200, namespace
        assert dossier.reference in listing.content.decode(), namespace
        before = AccessLogEntry.objects.count()
        inspect = client.get(reverse(f"{namespace}:inspect", args=[obj.pk]))
        assert inspect.status_code == 200, namespace
        assert AccessLogEntry.objects.count() == before + 1, namespace
    evaluation = client.get(reverse("evaluations:inspect", args=[objects["evaluations"].pk]))
    assert "Doel deels bereikt" in evaluation.content.decode()
    for namespace in ("plan_items", "contacts"):
        edit = client.get(reverse(f"{namespace}:edit", args=[objects[namespace].pk]))
        assert edit.status_code == 200, namespace
    for namespace in ("journal_entries", "evaluations", "closure_proposals", "case_meetings"):
        edit = client.get(reverse(f"{namespace}:edit", args=[objects[namespace].pk]))
        assert edit.status_code in (302, 403), namespace  # never edited by hand
    for namespace in objects:  # adding happens on the dossier's pages, through the services
        assert client.get(reverse(f"{namespace}:add")).status_code in (302, 403), namespace
