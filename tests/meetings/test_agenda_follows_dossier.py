"""Agenda and dossier stay in step: a decision taken on the dossier resolves its agenda item."""

import datetime

from dossiers.meetings.agenda import agenda_item_add
from dossiers.models import AgendaItemKind, Meeting, MeetingKind
from dossiers.services import dossier_transition
from dossiers.workflow.states import DossierState as S

D = datetime.date


def test_decision_on_the_dossier_resolves_the_agenda_item(calendar, clock, users, walk):
    clock.move_to(D(2027, 1, 4))
    dossier = walk(S.AWAITING_DECISION)
    meeting = Meeting.objects.filter(series__kind=MeetingKind.STEERING, date__gte=D(2027, 1, 4))
    meeting = meeting.order_by("date").first()
    item = agenda_item_add(
        meeting=meeting, dossier=dossier, kind=AgendaItemKind.DECISION, by=users["secretaris"]
    )
    other = walk(S.AWAITING_DECISION)
    untouched = agenda_item_add(
        meeting=meeting, dossier=other, kind=AgendaItemKind.DECISION, by=users["secretaris"]
    )
    dossier_transition(
        dossier=dossier,
        to=S.NOT_INCLUDED,
        by=users["secretaris"],
        note="Geen zorgen over radicalisering",
        destination="Wijkteam Noord",
    )
    item.refresh_from_db()
    untouched.refresh_from_db()
    assert item.decision == "not_include" and item.decided_by == users["secretaris"]
    assert untouched.decision == ""
