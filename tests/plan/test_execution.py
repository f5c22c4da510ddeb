"""The logbook, contacts and UVOs: written by the case director, read along by the advisor."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from dossiers.execution.services import journal_entry_add
from dossiers.meetings.services import meetings_generate
from dossiers.models import CaseMeeting, Contact, JournalEntry, MeetingAgreement, ObligationKind
from dossiers.obligations import dossier_obligations
from dossiers.workflow.states import DossierState as S
from snippets.models import Organisation
from tests.factories.step_forms import step_post

pytestmark = pytest.mark.django_db
REFUSED = (302, 403)


def test_logbook_lines_are_never_edited_and_corrections_stay_visible(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    url = reverse("dossiers:journal", args=[dossier.pk])
    response = client.post(
        url,
        {"kind": "subject_contact", "occurred_on": "2026-01-05", "text": "Gesprek thuis, rustig."},
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(dossier=dossier)
    assert (entry.author, entry.kind) == (users["regisseur"], "subject_contact")

    entry.text = "Stil herschreven"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()

    response = client.post(
        url,
        {
            "kind": "subject_contact",
            "occurred_on": "2026-01-05",
            "text": "Correctie: gesprek was op school.",
            "corrects": entry.pk,
        },
    )
    assert response.status_code == 302
    correction = JournalEntry.objects.exclude(pk=entry.pk).get()
    assert correction.corrects == entry
    page = client.get(url).content.decode()
    assert "Gesprek thuis, rustig." in page and "Correctie: gesprek was op school." in page
    assert "Gecorrigeerd door" in page and "Correctie op de regel van" in page

    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"kind": "other", "occurred_on": future, "text": "Later"})
    assert "Deze datum ligt in de toekomst." in response.content.decode()
    assert JournalEntry.objects.count() == 2


def test_the_advisory_member_reads_the_logbook_but_cannot_write(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    journal_entry_add(
        dossier=dossier,
        by=users["regisseur"],
        kind="incident",
        occurred_on=timezone.localdate(),
        text="Fictief incident",
    )
    client.force_login(users["itatr"])
    url = reverse("dossiers:journal", args=[dossier.pk])
    page = client.get(url).content.decode()
    assert "Fictief incident" in page and "Nieuwe logboekregel" not in page
    response = client.post(url, {"kind": "other", "occurred_on": "2026-01-05", "text": "x"})
    assert response.status_code in REFUSED
    assert JournalEntry.objects.count() == 1
    client.force_login(users["secretaris"])  # decides on the plan; no need to read the logbook
    assert client.get(url).status_code in REFUSED


def test_contacts_are_added_and_changed(client, users, walk):
    dossier = walk(S.INCLUDED)
    client.force_login(users["regisseur"])
    response = client.post(
        reverse("dossiers:contact_add", args=[dossier.pk]),
        {
            "name": "Fatima Fictief",
            "kind": "private",
            "role": "Moeder",
            "details": "06-00000000",
            "sharing_note": "Geen informatie over het strafdossier delen.",
            "active": "on",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get(dossier=dossier)
    response = client.post(
        reverse("contacts:edit", args=[contact.pk]),
        {
            "name": "Fatima Fictief",
            "kind": "private",
            "role": "Moeder (voogd)",
            "sharing_note": "Geen informatie over het strafdossier delen.",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.role, contact.active) == ("Moeder (voogd)", False)
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Moeder (voogd)" in page and "Geen informatie over het strafdossier delen." in page


def _uvo_payload(dossier, **facts):
    return step_post(
        "uvo-verslag",
        **{
            "held_on": timezone.localdate().isoformat(),
            "participant_organisations": [str(Organisation.objects.get(short_name="Politie").pk)],
            "agreements": [
                {
                    "description": "Aanmelden bij de leerplichtambtenaar",
                    "owner": "Leerplicht",
                    "due_on": "2026-02-01",
                },
                {"description": "Huisbezoek plannen", "owner": "Regisseur", "due_on": "2026-02-15"},
            ],
            "escalation": "nee",
            **facts,
        },
    )


def test_a_uvo_with_agreements_that_stay_until_done(client, users, walk):
    meetings_generate(until=timezone.localdate() + datetime.timedelta(days=200))
    dossier = walk(S.INCLUDED)
    assert ObligationKind.UVO in {o.kind for o in dossier_obligations(dossier=dossier)}
    client.force_login(users["regisseur"])
    response = client.post(reverse("dossiers:uvo_add", args=[dossier.pk]), _uvo_payload(dossier))
    assert response.status_code == 302, response.content.decode()[-3000:]
    meeting = CaseMeeting.objects.get(dossier=dossier)
    assert meeting.report.version.definition.slug == "uvo-verslag"
    assert list(meeting.participant_organisations.values_list("short_name", flat=True)) == [
        "Politie"
    ]
    assert MeetingAgreement.objects.filter(dossier=dossier).count() == 2
    # The first UVO is done: only the next one (in 8 weeks) remains.
    uvo = [o for o in dossier_obligations(dossier=dossier) if o.kind == ObligationKind.UVO]
    assert [o.due_on for o in uvo] == [meeting.held_on + datetime.timedelta(days=56)]

    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Aanmelden bij de leerplichtambtenaar" in page and "Huisbezoek plannen" in page
    first = MeetingAgreement.objects.get(owner="Leerplicht")
    response = client.post(
        reverse("case_meetings:agreement_done", args=[meeting.pk]), {"agreement": first.pk}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.done_on == timezone.localdate() and first.done_by == users["regisseur"]
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "Aanmelden bij de leerplichtambtenaar" not in page and "Huisbezoek plannen" in page
    inspect = client.get(reverse("case_meetings:inspect", args=[meeting.pk])).content.decode()
    assert "Aanmelden bij de leerplichtambtenaar" in inspect  # kept in the UVO's record


def test_a_uvo_with_escalation_needs_an_explanation(client, users, walk):
    dossier = walk(S.IN_EXECUTION)
    before = CaseMeeting.objects.count()
    client.force_login(users["regisseur"])
    url = reverse("dossiers:uvo_add", args=[dossier.pk])
    response = client.post(url, _uvo_payload(dossier, escalation="ja"))
    assert "Licht toe waarom de uitvoering stagneert." in response.content.decode()
    assert CaseMeeting.objects.count() == before
    payload = _uvo_payload(dossier, escalation="ja", escalation_note="Partner komt niet")
    assert client.post(url, payload).status_code == 302
    page = client.get(reverse("dossiers:inspect", args=[dossier.pk])).content.decode()
    assert "meldt stagnatie (escalatie)" in page and "Partner komt niet" in page


def test_who_sees_what_on_the_dossier_page(client, users, walk):
    from dossiers.execution.services import contact_save

    dossier = walk(S.IN_EXECUTION)
    director = users["regisseur"]
    journal_entry_add(
        dossier=dossier,
        by=director,
        kind="network_contact",
        occurred_on=timezone.localdate(),
        text="Gesprek met de oom",
    )
    contact_save(
        dossier=dossier, by=director, data={"name": "Oom Fictief", "kind": "private", "role": "Oom"}
    )
    url = reverse("dossiers:inspect", args=[dossier.pk])

    client.force_login(users["secretaris"])  # decides on the plan: plan yes, logbook no
    page = client.get(url).content.decode()
    assert "Plan van aanpak" in page and "Versiegeschiedenis en vergelijken" in page
    assert "Gesprek met de oom" not in page and "Oom Fictief" not in page

    client.force_login(users["itatr"])  # reads along with the case director, writes nothing
    page = client.get(url).content.decode()
    assert "Gesprek met de oom" in page and "Oom Fictief" in page
    assert "Logboekregel schrijven" not in page and "Interventie uit de catalogus" not in page

    client.force_login(director)
    page = client.get(url).content.decode()
    assert "Logboekregel schrijven" in page and "Interventie uit de catalogus" in page


@pytest.mark.parametrize(
    "url_name", ["journal", "uvo_add", "contact_add", "evaluation_add", "closure_add", "versions"]
)
def test_every_page_about_a_dossier_writes_one_access_log_row(client, users, walk, url_name):
    from dossiers.models import AccessLogEntry

    dossier = walk(S.IN_EXECUTION)
    client.force_login(users["regisseur"])
    response = client.get(reverse(f"dossiers:{url_name}", args=[dossier.pk]))
    assert response.status_code == 200
    row = AccessLogEntry.objects.get()
    assert (row.username, row.dossier_reference) == ("regisseur", dossier.reference)
    assert str(dossier) in row.object_description
