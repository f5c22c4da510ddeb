"""Stored deadlines and the start page's work queues: one bounded query per queue."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossiers.execution.services import case_meeting_record
from dossiers.models import Dossier, DossierDeadline, ProgrammeSettings
from dossiers.obligations import dossier_obligations
from dossiers.selectors.queues import ROWS, work_queues_for
from dossiers.services.deadlines import deadlines_refresh
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import DossierFactory

D = datetime.date


def _stored(dossier):
    return sorted(
        DossierDeadline.objects.filter(dossier=dossier).values_list("kind", "due_on"),
    )


def _engine(dossier):
    return sorted((o.kind, o.due_on) for o in dossier_obligations(dossier=dossier))


def test_steps_and_fulfilments_keep_the_stored_deadlines_equal_to_the_engine(
    clock, calendar, walk, users
):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    assert {k for k, _d in _stored(dossier)} == {"letter", "concept_plan", "uvo"}
    assert _stored(dossier) == _engine(dossier)
    dossier.refresh_from_db()
    concept = DossierDeadline.objects.get(dossier=dossier, kind="concept_plan")
    # the case director's own next deadline (the letter is the MAP's)
    assert (dossier.next_due_on, dossier.next_due_kind) == (concept.due_on, "concept_plan")
    assert concept.responsible_user == users["regisseur"]

    # a UVO held fulfils the first-UVO obligation: the stored copy follows at once
    clock.move_to(D(2027, 4, 1))
    case_meeting_record(dossier=dossier, by=users["regisseur"], held_on=D(2027, 4, 1))
    assert _stored(dossier) == _engine(dossier)
    uvo = DossierDeadline.objects.get(dossier=dossier, kind="uvo")
    assert uvo.due_on > D(2027, 4, 1)

    # a changed setting moves the stored due date too
    settings = ProgrammeSettings.load()
    settings.uvo_interval_days += 10
    settings.save()
    assert DossierDeadline.objects.get(dossier=dossier, kind="uvo").due_on == uvo.due_on + (
        datetime.timedelta(days=10)
    )

    # leaving the active states clears them; the command rebuilds everything the same
    DossierDeadline.objects.all().delete()
    Dossier.objects.update(next_due_on=None, next_due_kind="")
    deadlines_refresh()
    assert _stored(dossier) == _engine(dossier)


def test_each_role_sees_its_own_queues(clock, calendar, walk, users, other_director):
    clock.move_to(D(2027, 3, 25))
    registered = walk(S.REGISTERED)
    in_assessment = walk(S.PRE_ASSESSMENT)
    awaiting = walk(S.AWAITING_DECISION)
    included = walk(S.INCLUDED)  # concept plan due 20 May 2027 (the ITAT-R's cut-off)
    clock.move_to(D(2027, 5, 1))
    today = D(2027, 5, 1)

    def queues(user):
        return {q.key: q for q in work_queues_for(user=user, on=today)}

    map_queues = queues(users["map"])
    assert [r.label for r in map_queues["signals"].rows] == [registered.reference]
    assert [r.label for r in map_queues["letters"].rows] == [included.reference]
    assert [r.label for r in queues(users["voorportaal"])["pre_assessment"].rows] == [
        in_assessment.reference
    ]
    assert [r.label for r in queues(users["regieoverleg"])["decisions"].rows] == [
        awaiting.reference
    ]
    secretary = queues(users["secretaris"])
    assert {"meetings", "undecided", "accord", "decisions"} <= set(secretary)
    mine = queues(users["regisseur"])["deadlines"]
    assert [r.label for r in mine.rows] == [included.reference] and mine.count == 1
    assert mine.rows[0].overdue is False
    assert "mine=true" in mine.all_url and "due=four_weeks" in mine.all_url
    assert queues(other_director)["deadlines"].count == 0
    # administrators get no dossier queues, only the accounts that need attention
    assert set(queues(users["beheer"])) == {"no_second_factor", "locked", "inactive"}


def test_start_page_query_count_is_flat_and_rows_are_bounded(clock, calendar, walk, users, client):
    clock.move_to(D(2027, 3, 25))
    walk(S.INCLUDED)

    def count():
        client.get(reverse("wagtailadmin_home"))  # warm up the session and the user's profile
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    for _n in range(2):
        walk(S.INCLUDED, dossier=DossierFactory())
    clock.move_to(D(2027, 5, 1))  # every concept plan is due within four weeks
    client.force_login(users["regisseur"])
    few = count()
    clock.move_to(D(2027, 3, 25))
    for _n in range(ROWS + 1):
        walk(S.INCLUDED, dossier=DossierFactory())
    clock.move_to(D(2027, 5, 1))
    client.force_login(users["regisseur"])
    many = count()
    assert many == few
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"alle {ROWS + 4} tonen" in page
    assert page.count('class="work-queue__overdue"') == 0


def test_listing_filters_on_the_next_deadline_with_dutch_chips(
    clock, calendar, walk, users, client
):
    clock.move_to(D(2027, 3, 25))
    dossier = walk(S.INCLUDED)
    clock.move_to(D(2027, 5, 1))
    client.force_login(users["regisseur"])
    url = reverse("dossiers:index")
    page = client.get(f"{url}?mine=true&due=four_weeks&ordering=next_due_on").content.decode()
    assert dossier.reference in page and "Volgende stap" in page
    assert "True" not in page and "Ja" in page
    clock.move_to(D(2027, 6, 1))
    client.force_login(users["regisseur"])
    page = client.get(f"{url}?due=overdue").content.decode()
    assert dossier.reference in page and "te laat" in page
    clock.move_to(D(2027, 3, 26))
    client.force_login(users["regisseur"])
    assert dossier.reference not in client.get(f"{url}?due=overdue").content.decode()
