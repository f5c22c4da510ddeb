"""The monitor page and download: 302 -> 403 -> 200, suppression, no names, xlsx = screen."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dossiers.models import AccessAction, AccessLogEntry
from reports.selectors import monitor_tables

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
