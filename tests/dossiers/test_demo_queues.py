"""The demo data looks like a running programme (issue 13): every role that has a queue finds
something in it, the next agendas are filled, and most deadlines are not overdue."""

import pytest
from django.utils import timezone

from dossiers.demo import demo_data_create
from dossiers.models import AgendaItem, DossierDeadline, MeetingKind, User
from dossiers.selectors.queues import work_queues_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# demo user -> the queues (keys) that must not be empty, written by hand
EXPECTED = {
    "map": {"signals"},
    "voorportaal": {"pre_assessment"},
    "regieoverleg": {"decisions"},
    "secretaris": {"meetings", "accord"},
    "regisseur": {"deadlines"},
    "itatr": {"advisory"},
    "privacy": {"access_review"},
}


@pytest.fixture
def demo(db):
    return demo_data_create(dossiers=60, seed=2016)


@pytest.mark.parametrize("username", EXPECTED)
def test_every_role_finds_work_in_its_queue(demo, username):
    user = User.objects.get(username=username)
    queues = {q.key: q for q in work_queues_for(user=user, on=timezone.localdate())}
    for key in EXPECTED[username]:
        assert key in queues, (username, sorted(queues))
        assert queues[key].count > 0 and queues[key].rows, (username, key)


def test_the_next_agendas_hold_what_is_due(demo):
    kinds = set(AgendaItem.objects.values_list("meeting__series__kind", flat=True))
    assert kinds == {MeetingKind.ADVISORY, MeetingKind.STEERING}


def test_most_deadlines_are_not_overdue(demo):
    today = timezone.localdate()
    deadlines = DossierDeadline.objects.all()
    overdue = deadlines.filter(due_on__lt=today).count()
    assert deadlines.count() > 0
    assert overdue / deadlines.count() < 0.5
