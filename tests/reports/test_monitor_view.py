"""The monitor page and download: 302 -> 403 -> 200, suppression, no names, xlsx = screen."""

import datetime
import io
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dossiers.models import (
    AccessAction,
    AccessLogEntry,
    ActionPlan,
    CaseMeeting,
    DossierStatusChange,
    Evaluation,
    EvaluationItem,
    PlanItem,
)
from dossiers.workflow.states import DossierState
from reports.selectors import monitor_tables
from tests.factories.dossiers import DossierFactory
from tests.factories.snippets import InterventionFactory

pytestmark = pytest.mark.django_db


def _query(period):
    return {"kind": "custom", "start": period.start.isoformat(), "end": period.end.isoformat()}


def _screen_rows(html):
    return re.findall(r"<tr><td>(.*?)</td><td data-count>(.*?)</td></tr>", html)


def test_monitor_access_by_role(client, users):
    # anonymous: to the login page
    assert client.get(reverse("monitor:index")).status_code == 302
    # a case director holds no monitor permission: Wagtail sends them to the dashboard
    client.force_login(users["regisseur"])
    for name in ("monitor:index", "monitor:download"):
        response = client.get(reverse(name))
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not AccessLogEntry.objects.exists()
    # the programme team and the steering members see it
    for key in ("programmateam", "regieoverleg"):
        client.force_login(users[key])
        assert client.get(reverse("monitor:index")).status_code == 200


def test_monitor_shows_suppressed_figures_and_no_names(client, users, monitor_data):
    client.force_login(users["programmateam"])
    response = client.get(reverse("monitor:index"), _query(monitor_data))
    html = response.content.decode()
    rows = _screen_rows(html)
    assert ("Docent of school", "5") in rows
    assert ("Ouder of familielid", "&lt;5") in rows
    assert ("Niet opgenomen", "&lt;5") in rows
    assert "<svg" in html and "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    for secret in ("Geheimnaam", "Persoonsnaam", "Geheime"):
        assert secret not in html


def test_download_matches_screen_and_writes_one_access_log_row(client, users, monitor_data):
    client.force_login(users["programmateam"])
    screen = _screen_rows(
        client.get(reverse("monitor:index"), _query(monitor_data)).content.decode()
    )
    response = client.get(reverse("monitor:download"), _query(monitor_data))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Monitor"]
    cells = [(r[0], r[1]) for r in sheet.iter_rows(values_only=True) if len(r) > 1]
    data_rows = []
    collecting = False
    for label, value in cells:
        if (label, value) == ("Categorie", "Aantal"):
            collecting = True
        elif label is None:
            collecting = False
        elif collecting:
            data_rows.append((label, "&lt;5" if value == "<5" else str(value)))
    assert data_rows == screen
    assert ("Ouder of familielid", "&lt;5") in data_rows
    tables = monitor_tables(period=monitor_data)
    assert len(workbook.chartsheets) == len([t for t in tables if t.rows])  # one per table
    entry = AccessLogEntry.objects.get()
    assert entry.action == AccessAction.EXPORT
    assert entry.row_count == len(screen)
    assert entry.username == "programmateam"


def test_invalid_period_shows_errors(client, users):
    client.force_login(users["programmateam"])
    response = client.get(reverse("monitor:index"), {"kind": "custom"})
    assert response.status_code == 200
    assert "Vul bij een eigen periode" in response.content.decode()
    assert client.get(reverse("monitor:download"), {"kind": "custom"}).status_code == 400


def _workbook_rows(content):
    sheet = load_workbook(io.BytesIO(content))["Monitor"]
    rows, collecting = [], False
    for row in sheet.iter_rows(values_only=True):
        label, value = (row + (None, None))[:2]
        if (label, value) == ("Categorie", "Aantal"):
            collecting = True
        elif label is None:
            collecting = False
        elif collecting:
            rows.append((label, "&lt;5" if value == "<5" else str(value)))
    return rows


@time_machine.travel(datetime.datetime(2026, 7, 15, 10, tzinfo=datetime.UTC), tick=False)
def test_plan_figures_are_suppressed_on_screen_and_in_the_xlsx_alike(
    client, users, plan_monitor_data
):
    client.force_login(users["programmateam"])
    html = client.get(reverse("monitor:index"), _query(plan_monitor_data)).content.decode()
    screen = _screen_rows(html)
    for row in (
        ("Straf", "5"),
        ("Zorg", "&lt;5"),
        ("Paspoortmaatregel", "5"),
        ("GGD-screening", "&lt;5"),
        ("Fictieve paspoortmaatregel", "5"),
        ("Fictieve GGD-screening", "&lt;5"),
        ("UVO op tijd gehouden", "&lt;5"),
        ("Dossiers met een verstreken UVO-termijn aan het eind van de periode", "5"),
        ("Evaluatie te laat", "&lt;5"),
        ("Fictieve GGD-screening: Doel bereikt", "&lt;5"),
    ):
        assert row in screen, row
    for key in ("interventions_domain", "uvo_deadline", "attainment_closure_risk_group"):
        assert f'id="{key}"' in html
    response = client.get(reverse("monitor:download"), _query(plan_monitor_data))
    rows = _workbook_rows(response.content)
    assert rows == screen
    assert ("Zorg", "&lt;5") in rows
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.chartsheets) == len(
        [t for t in monitor_tables(period=plan_monitor_data) if t.rows]
    )


def _dossiers_in_execution(n, *, intervention, by):
    """``n`` dossiers with a started and a closed item, two UVOs and an evaluation (bulk rows:
    only the query count of the page is measured here, the figures are tested elsewhere)."""
    adopted = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for _ in range(n):
        dossier = DossierFactory()
        DossierStatusChange.objects.create(
            dossier=dossier, to_state=DossierState.PLAN_ADOPTED, by=by, at=adopted
        )
        plan = ActionPlan.objects.create(dossier=dossier)
        items = [
            PlanItem.objects.create(
                plan=plan,
                dossier=dossier,
                intervention=intervention,
                considerations="Fictief",
                goal="Fictief",
                planned_start=datetime.date(2026, 4, 6),
                status=status,
                closed_on=closed_on,
                goal_attainment="achieved",
            )
            for status, closed_on in (("running", None), ("done", datetime.date(2026, 5, 1)))
        ]
        for held_on in (datetime.date(2026, 3, 2), datetime.date(2026, 4, 20)):
            CaseMeeting.objects.create(dossier=dossier, held_on=held_on, chaired_by=by)
        evaluation = Evaluation.objects.create(
            dossier=dossier,
            evaluated_on=datetime.date(2026, 5, 20),
            judgement="on_track",
            author=by,
        )
        EvaluationItem.objects.create(
            evaluation=evaluation, plan_item=items[0], goal_attainment="partly"
        )


def test_monitor_page_query_count_does_not_grow_with_the_dossiers(client, users):
    intervention = InterventionFactory(special_kind="passport")
    client.force_login(users["programmateam"])
    query = {"kind": "quarter", "year": 2026, "quarter": 2}
    client.get(reverse("monitor:index"), query)  # warm up: session, settings cache
    counts = []
    for n in (10, 90):
        _dossiers_in_execution(n, intervention=intervention, by=users["regisseur"])
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("monitor:index"), query).content.decode()
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    assert (intervention.name, "200") in _screen_rows(html)  # two items each
