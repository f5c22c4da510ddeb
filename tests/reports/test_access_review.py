"""The monthly access review: per user the dossiers read, exports, and reads that stand out;
the privacy officer marks a month done (who and when kept); a job reminds while it is open."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from dossiers import roles
from dossiers.models import AccessAction, AccessLogEntry, Reminder
from dossiers.workflow.states import DossierState as S
from reports.access_review import access_review, open_months
from reports.access_review_services import access_review_remind
from reports.models import AccessReview
from tests.factories.dossiers import role_user

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOVEMBER = datetime.date(2026, 11, 1)
TODAY = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=AMS)  # a Monday


def read(username, dossier_id, at, *, action=AccessAction.VIEW, rows=None, reference=""):
    return AccessLogEntry.objects.create(
        at=at,
        username=username,
        dossier_id_snapshot=dossier_id,
        dossier_reference=reference or (f"2026-{dossier_id:05d}" if dossier_id else ""),
        subject_name="Fictieve Persoon",
        action=action,
        object_description="Dossier",
        row_count=rows,
    )


def office(day, hour=10):
    return datetime.datetime(2026, day.month, day.day, hour, 0, tzinfo=AMS)


@pytest.fixture
def history():
    """Three ordinary months for two users: three dossiers each, Tuesdays at 10:00."""
    for month in (8, 9, 10):
        for n in range(3):
            read("regisseur", 100 + n, datetime.datetime(2026, month, 4 + n, 10, tzinfo=AMS))
            read("secretaris", 200 + n, datetime.datetime(2026, month, 4 + n, 11, tzinfo=AMS))


@pytest.fixture
def officer(organisation):
    return role_user(roles.PRIVACY_OFFICER, username="privacy", organisation=organisation)


def test_an_unusual_read_pattern_is_flagged(history, walk):
    closed = walk(S.CLOSED)
    # November: the secretary as ever; the director reads 25 dossiers, one of them closed,
    # some late at night and on a Sunday, and exports a list of 120 rows.
    for n in range(3):
        read("secretaris", 200 + n, datetime.datetime(2026, 11, 3 + n, 11, tzinfo=AMS))
    for n in range(24):
        read("regisseur", 300 + n, datetime.datetime(2026, 11, 2 + n % 4, 14, tzinfo=AMS))
    read("regisseur", closed.pk, datetime.datetime(2026, 11, 10, 14, tzinfo=AMS))
    late = read("regisseur", 300, datetime.datetime(2026, 11, 11, 23, 30, tzinfo=AMS))
    sunday = read("regisseur", 301, datetime.datetime(2026, 11, 15, 12, 0, tzinfo=AMS))
    export = read(
        "regisseur",
        None,
        datetime.datetime(2026, 11, 12, 10, tzinfo=AMS),
        action=AccessAction.EXPORT,
        rows=120,
    )
    read("secretaris", 200, datetime.datetime(2026, 12, 1, 23, tzinfo=AMS))  # not November

    reviews = {review.username: review for review in access_review(NOVEMBER)}
    director, secretary = reviews["regisseur"], reviews["secretaris"]
    assert director.dossier_count == 25 and director.baseline == 3
    assert director.rise
    assert (director.exports, director.exported_rows) == (1, 120)
    reasons = {finding.entry.pk: finding.reasons for finding in director.findings}
    assert reasons[late.pk] == ["after_hours"]
    assert reasons[sunday.pk] == ["after_hours"]
    assert reasons[export.pk] == ["bulk"]
    closed_reads = [f for f in director.findings if "closed" in f.reasons]
    assert [f.entry.dossier_id_snapshot for f in closed_reads] == [closed.pk]
    assert len(director.findings) == 4
    assert director.stands_out
    assert not secretary.stands_out and secretary.dossier_count == 3 and not secretary.findings
    assert list(reviews) == ["regisseur", "secretaris"]  # the one standing out first


def test_a_steady_user_is_not_flagged_for_a_small_rise(history):
    for n in range(9):  # three times the usual, but only six more: no sudden rise
        read("secretaris", 200 + n, datetime.datetime(2026, 11, 3, 11, tzinfo=AMS))
    review = {r.username: r for r in access_review(NOVEMBER)}["secretaris"]
    assert review.dossier_count == 9 and not review.rise


def test_officer_reads_the_report_and_marks_the_month_done(client, history, officer, users):
    read("regisseur", 100, datetime.datetime(2026, 11, 11, 23, 30, tzinfo=AMS))
    url = reverse("access_review:month", args=[2026, 11])
    with time_machine.travel(TODAY, tick=False):
        client.force_login(users["beheer"])
        assert client.get(url).status_code in (302, 403)
        client.force_login(officer)
        index = client.get(reverse("access_review:index")).content.decode()
        assert 'data-month="2026-11"' in index and "Open" in index
        page = client.get(url).content.decode()
        assert 'data-user="regisseur" data-stands-out' in page
        assert "Buiten kantoortijd" in page
        assert "Fictieve Persoon" not in page
        response = client.post(url, {"note": "Nagevraagd bij de regisseur: piketdienst."})
        assert response.status_code == 302
        review = AccessReview.objects.get(month=NOVEMBER)
        assert review.reviewed_by == officer and review.reviewed_by_username == "privacy"
        assert review.reviewed_at == datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)
        assert "Afgerond door privacy" in client.get(url).content.decode()
        # Done once: a second POST changes nothing.
        client.post(url, {"note": "anders"})
        assert AccessReview.objects.get(month=NOVEMBER).note.startswith("Nagevraagd")
        # The running month cannot be marked done yet.
        client.post(reverse("access_review:month", args=[2026, 12]), {})
        assert not AccessReview.objects.filter(month=datetime.date(2026, 12, 1)).exists()


def test_open_months_are_reminded_weekly_until_done(history, officer, users):
    officer.email = "privacy@test.ipga.invalid"
    officer.save(update_fields=["email"])
    with time_machine.travel(TODAY, tick=False):
        assert open_months(TODAY.date()) == [
            datetime.date(2026, 11, 1),
            datetime.date(2026, 10, 1),
            datetime.date(2026, 9, 1),
            datetime.date(2026, 8, 1),
        ]
        assert access_review_remind(today=TODAY.date()) == 4
        assert len(mail.outbox) == 4
        assert mail.outbox[0].to == ["privacy@test.ipga.invalid"]
        assert "Toegangscontrole" in mail.outbox[0].subject
        # The same week again (a second run, a catch-up): nothing new.
        access_review_remind(today=TODAY.date() + datetime.timedelta(days=2))
        assert len(mail.outbox) == 4
    for month in (8, 9, 10):
        AccessReview.objects.create(
            month=datetime.date(2026, month, 1),
            reviewed_by=officer,
            reviewed_by_username="privacy",
            reviewed_at=TODAY,
        )
    next_week = TODAY + datetime.timedelta(days=7)
    with time_machine.travel(next_week, tick=False):
        assert access_review_remind(today=next_week.date()) == 1
    assert len(mail.outbox) == 5
    assert "november 2026" in mail.outbox[-1].subject
    keys = set(Reminder.objects.values_list("obligation_key", flat=True))
    assert "toegangscontrole:2026-11" in keys


def test_the_review_job_is_scheduled():
    from django_q.models import Schedule

    job = Schedule.objects.get(func="reports.tasks.access_review_remind")
    assert job.repeats == -1 and job.schedule_type == "D"


@pytest.mark.slow
def test_demo_data_has_a_user_who_stands_out():
    from dossiers.demo import demo_data_create

    with time_machine.travel(TODAY, tick=False):
        demo_data_create(dossiers=60, seed=2016)
        reviews = {r.username: r for r in access_review(NOVEMBER)}
    assert reviews["regisseur3"].rise
    assert any("after_hours" in f.reasons for f in reviews["regisseur3"].findings)
    assert any("closed" in f.reasons for f in reviews["regisseur3"].findings)
    assert any("bulk" in f.reasons for f in reviews["regisseur3"].findings)
    assert not [name for name, r in reviews.items() if r.rise and name != "regisseur3"]


def test_the_officers_start_page_lists_the_open_months(client, history, officer):
    AccessReview.objects.create(
        month=datetime.date(2026, 9, 1),
        reviewed_by=officer,
        reviewed_by_username="privacy",
        reviewed_at=TODAY,
    )
    with time_machine.travel(TODAY, tick=False):
        client.force_login(officer)
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200, response.get("Location")
    page = response.content.decode()
    assert "Toegangscontrole nog te doen" in page
    assert 'data-queue="access_review"' in page
    # November, October and August are open; September was done.
    for month, number in (("november", 11), ("oktober", 10), ("augustus", 8)):
        assert f"{month} 2026" in page
        assert reverse("access_review:month", args=[2026, number]) in page
    assert "september 2026" not in page
