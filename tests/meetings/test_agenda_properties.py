"""Property tests: the agenda forms for any input (no 500)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossiers.meetings.agenda import agenda_item_add
from dossiers.models import AgendaDecision, AgendaItem, AgendaItemKind, Meeting, MeetingKind
from dossiers.workflow.states import DossierState as S

ANY = st.one_of(st.text(max_size=30), st.integers().map(str), st.sampled_from(["", "up", "1"]))


@pytest.fixture
def setup(calendar, clock, users, walk):
    meeting = Meeting.objects.get(
        series__kind=MeetingKind.STEERING, date="2026-12-23"
    )  # held: decisions open
    dossier = walk(S.AWAITING_DECISION)
    item = agenda_item_add(
        meeting=meeting, dossier=dossier, kind="decision", by=users["secretaris"]
    )
    client = Client(raise_request_exception=False)
    client.force_login(users["secretaris"])
    return meeting, item, client


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reference=ANY, kind=ANY, dossier=ANY, decision=ANY, note=ANY, director=ANY)
def test_agenda_forms_never_fail_with_500(
    setup, reference, kind, dossier, decision, note, director
):
    meeting, item, client = setup
    add = client.post(
        reverse("agendas:add", args=[meeting.pk]),
        {"reference": reference, "kind": kind, "dossier": dossier},
    )
    assert add.status_code == 302
    decide = client.post(
        reverse("agenda_items:decide", args=[item.pk]),
        {"decision": decision, "note": note, "case_director": director, "destination": note},
    )
    assert decide.status_code in (200, 302)
    move = client.post(reverse("agenda_items:move", args=[item.pk]), {"direction": kind})
    assert move.status_code == 302
    # Whatever came in, the agenda stays well-formed: the item is still on it, nothing junk
    # was stored as a kind or a decision, and no two items share a slot.
    items = list(AgendaItem.objects.filter(meeting=meeting))
    assert item.pk in {each.pk for each in items}
    assert all(each.kind in AgendaItemKind.values for each in items)
    assert all(each.decision in ("", *AgendaDecision.values) for each in items)
    positions = [each.position for each in items]
    assert len(positions) == len(set(positions))
