"""Other approaches' lists: dry run, errors per row, apply, idempotent re-import, removal,
and the duplicate check on intake and forwarding that finds the imported people."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import AccessLogEntry, Signal
from dossiers.selectors import other_approach_matches
from dossiers.workflow.states import DossierState as S
from reports.importers.other_approach_lists import (
    SHEET,
    _columns,
    other_approach_list_apply,
    other_approach_list_plan,
)
from snippets.models import OtherApproach, OtherApproachListEntry
from tests.imports.helpers import xlsx

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(2003, 5, 17)


@pytest.fixture
def top600(db):
    return OtherApproach.objects.create(name="Top600 Test", contact="020-1111111", live=True)


def _file(rows, **kwargs):
    return xlsx(SHEET, [c.header for c in _columns()], rows, **kwargs)


def _apply(content, user):
    plan = other_approach_list_plan(content=content)
    assert plan.is_clean, plan.errors
    return plan, other_approach_list_apply(plan=plan, by=user)


GOOD = [
    ["Top600 Test", "T-1", "Fenna", "Fictiefstra", BIRTH],
    ["Top600 Test", "T-2", "Bram", "Bedachtsma", "02-03-2001"],
]


def test_list_imports_and_reimport_changes_nothing(users, top600):
    plan, written = _apply(_file(GOOD), users["voorportaal"])
    assert [(r.row, r.action) for r in plan.rows] == [(2, "create"), (3, "create")]
    assert written == 2
    bram = OtherApproachListEntry.objects.get(reference="T-2")
    assert (bram.first_name, bram.birth_date) == ("Bram", datetime.date(2001, 3, 2))
    assert bram.imported_by == users["voorportaal"]
    stamp = bram.imported_at
    again, written = _apply(_file(GOOD), users["voorportaal"])
    assert {r.action for r in again.rows} == {"unchanged"}
    assert written == 0
    bram.refresh_from_db()
    assert bram.imported_at == stamp


def test_a_new_list_updates_and_removes_people_no_longer_listed(users, top600):
    _apply(_file(GOOD), users["voorportaal"])
    plan, written = _apply(
        _file([["Top600 Test", "T-1", "Fenna", "Fictiefstra-de Wit", BIRTH]]), users["voorportaal"]
    )
    assert [r.action for r in plan.rows] == ["update", "delete"]
    assert written == 2
    assert list(OtherApproachListEntry.objects.values_list("reference", "last_name")) == [
        ("T-1", "Fictiefstra-de Wit")
    ]


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        (
            [["Onbekende aanpak", "T-1", "A", "B", BIRTH]],
            (2, "Andere aanpak", "Onbekende andere aanpak 'Onbekende aanpak'."),
        ),
        (
            [["Top600 Test", "T-1", "A", "B", "2003/05/17"]],
            (
                2,
                "Geboortedatum",
                "Ongeldige datum '2003/05/17'; gebruik een datumcel of dd-mm-jjjj.",
            ),
        ),
        ([["Top600 Test", "", "A", "B", BIRTH]], (2, "Referentie", "Verplicht veld is leeg.")),
        ([GOOD[0], GOOD[0]], (3, "Referentie", "Dubbele referentie; ook in rij 2.")),
        (
            [["Top600 Test", "T-1", '=HYPERLINK("x")', "B", BIRTH]],
            (2, "Voornaam", "Formules zijn niet toegestaan."),
        ),
    ],
)
def test_bad_rows_are_listed_and_nothing_is_planned(users, top600, rows, error):
    plan = other_approach_list_plan(content=_file([*rows, GOOD[1]]))
    assert error in plan.errors
    assert not plan.is_clean
    assert OtherApproachListEntry.objects.count() == 0


def test_selector_matches_fuzzy_name_exact_birth_date_for_allowed_roles(users, top600):
    _apply(_file(GOOD), users["voorportaal"])
    found = other_approach_matches(
        user=users["map"], first_name="Fenna", last_name="Fictiefsra", birth_date=BIRTH
    )
    assert [(m.other_approach, m.reference, m.contact) for m in found] == [
        ("Top600 Test", "T-1", "020-1111111")
    ]
    other_day = other_approach_matches(
        user=users["map"],
        first_name="Fenna",
        last_name="Fictiefstra",
        birth_date=BIRTH.replace(day=18),
    )
    assert other_day == []
    for role in ("regisseur", "programmateam", "regieoverleg"):
        assert (
            other_approach_matches(
                user=users[role], first_name="Fenna", last_name="Fictiefstra", birth_date=BIRTH
            )
            == []
        )


def test_intake_sees_the_list_match_before_registering(client, users, top600):
    _apply(_file(GOOD), users["voorportaal"])
    client.force_login(users["map"])
    form = {
        "received_on": timezone.localdate().isoformat(),
        "channel": "phone",
        "source_type": "teacher",
        "urgency": "normal",
        "reporter_name": "Docent Fictief",
        "person_first_name": "Fenna",
        "person_last_name": "Fictiefstra",
        "person_birth_date": BIRTH.isoformat(),
        "concern": "Fictieve zorg.",
    }
    response = client.post(reverse("signals:add"), form)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bekend bij een andere aanpak" in content
    assert "Top600 Test: Fenna Fictiefstra (kenmerk T-1)" in content
    assert not Signal.objects.exists()
    assert AccessLogEntry.objects.filter(object_description__contains="T-1").count() == 1
    confirmed = client.post(reverse("signals:add"), {**form, "link_to": "new"})
    assert confirmed.status_code == 302
    assert Signal.objects.count() == 1


def test_forwarding_shows_list_matches(client, users, walk, top600):
    _apply(_file(GOOD), users["voorportaal"])
    dossier = walk(S.REGISTERED)
    subject = dossier.subject
    subject.first_name, subject.last_name, subject.birth_date = (
        "Bram",
        "Bedachtsma",
        datetime.date(2001, 3, 2),
    )
    subject.save()
    client.force_login(users["map"])
    response = client.get(reverse("dossiers:step", args=[dossier.pk]) + f"?to={S.PRE_ASSESSMENT}")
    content = response.content.decode()
    assert "Dubbelcheck bij doorzetten" in content
    assert "Top600 Test: Bram Bedachtsma (kenmerk T-2)" in content
    triage = client.get(reverse("dossiers:step", args=[dossier.pk]) + f"?to={S.TRIAGE_CLOSED}")
    assert "Dubbelcheck bij doorzetten" not in triage.content.decode()


def test_list_entries_listing_only_for_duplicate_check_roles(client, users, top600):
    _apply(_file(GOOD), users["voorportaal"])
    url = reverse("other_approach_list:index")
    for role in ("map", "voorportaal", "politie"):
        client.force_login(users[role])
        response = client.get(url)
        assert response.status_code == 200, role
        assert "Fictiefstra" in response.content.decode()
    assert AccessLogEntry.objects.filter(row_count=2).count() == 3
    for role in ("regisseur", "programmateam", "itatr", "beheer"):
        client.force_login(users[role])
        assert client.get(url).status_code in (302, 403), role


def test_forwarding_shows_other_cases_of_the_person_within_scope(client, users, walk):
    from dossiers.models import Subject

    same = {"first_name": "Rafi", "last_name": "Bedenksma", "birth_date": BIRTH}
    dossier = walk(S.REGISTERED)
    visible = walk(S.REGULAR_TRACK)
    hidden = walk(S.IN_EXECUTION)
    Subject.objects.filter(
        pk__in=[dossier.subject_id, visible.subject_id, hidden.subject_id]
    ).update(**same)
    client.force_login(users["map"])
    url = reverse("dossiers:step", args=[dossier.pk]) + f"?to={S.PRE_ASSESSMENT}"
    content = client.get(url).content.decode()
    assert visible.reference in content
    assert hidden.reference not in content
    assert "Er is nog 1 dossier van mogelijk dezelfde persoon" in content


def test_apply_is_one_transaction(users, top600, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reports import services
    from reports.models import ImportStatus

    job = services.import_job_create(
        kind="andere-aanpakken",
        upload=SimpleUploadedFile("lijst.xlsx", _file(GOOD)),
        by=users["voorportaal"],
    )
    assert job.can_apply
    real = OtherApproachListEntry.objects.update_or_create
    calls = []

    def fail_on_second_row(**kwargs):
        calls.append(kwargs["reference"])
        if len(calls) == 2:
            raise RuntimeError("schijf vol")
        return real(**kwargs)

    monkeypatch.setattr(OtherApproachListEntry.objects, "update_or_create", fail_on_second_row)
    services.import_job_apply_start(job=job, by=users["voorportaal"])
    job.refresh_from_db()
    assert calls == ["T-1", "T-2"]
    assert (job.status, job.message) == (ImportStatus.FAILED, "schijf vol")
    assert OtherApproachListEntry.objects.count() == 0  # the first row was rolled back


def test_dry_run_refuses_future_birth_dates_and_overlong_names(top600):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    rows = [
        ["Top600 Test", "T-1", "Fenna", "Fictiefstra", tomorrow],
        ["Top600 Test", "T-2", "F" * 101, "Fictiefstra", BIRTH],
    ]
    plan = other_approach_list_plan(content=_file(rows))
    columns = {(row, column) for row, column, _message in plan.errors}
    assert (2, "Geboortedatum") in columns and (3, "Voornaam") in columns
    assert not plan.rows


def test_text_dates_are_read_day_first(top600):
    plan = other_approach_list_plan(
        content=_file([["Top600 Test", "T-1", "Fenna", "Fictiefstra", "3-4-2001"]])
    )
    assert plan.is_clean, plan.errors
    assert plan.rows[0].values["birth_date"] == datetime.date(2001, 4, 3)  # 3 April


def test_a_list_for_an_approach_no_longer_published_is_refused_by_the_dry_run(users, top600):
    """The template offers only published approaches; a retired one is refused in the dry run,
    so a clean dry run still means a clean apply."""
    OtherApproach.objects.create(name="Oude aanpak", contact="020-2222222", live=False)
    plan = other_approach_list_plan(content=_file([["Oude aanpak", "O-1", "A", "B", BIRTH]]))
    assert (
        2,
        "Andere aanpak",
        "De andere aanpak 'Oude aanpak' is niet (meer) gepubliceerd; kies een aanpak uit de "
        "lijst van het sjabloon.",
    ) in plan.errors
    assert not plan.is_clean
