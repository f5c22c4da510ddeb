"""The case director's dossier page costs the same number of queries at 10 and 1,000 rows
(quality P1): logbook lines, plan items, contacts, agreements and plan versions; the plan,
the contacts and the open agreements are paged, each on its own page number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers.models import (
    ActionPlan,
    Contact,
    JournalEntry,
    MeetingAgreement,
    PlanItem,
    PlanVersion,
)
from dossiers.selectors.dossier_page import DossierPage, dossier_page
from dossiers.workflow.states import DossierState as S

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _fill(dossier, director, rows: int) -> None:
    today = timezone.localdate()
    plan = ActionPlan.objects.get(dossier=dossier)
    first = PlanItem.objects.filter(dossier=dossier).first()
    meeting = dossier.case_meetings.first()
    JournalEntry.objects.bulk_create(
        JournalEntry(
            dossier=dossier,
            kind="other",
            occurred_on=today - datetime.timedelta(days=i % 300),
            text=f"Fictieve regel {i}",
            author=director,
        )
        for i in range(rows)
    )
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            dossier=dossier,
            intervention=first.intervention,
            intervention_revision=first.intervention_revision,
            implementer_organisation=director.organisation,
            considerations="Fictief",
            goal=f"Doel {i}",
            planned_start=today,
            added_by=director,
        )
        for i in range(rows)
    )
    Contact.objects.bulk_create(
        Contact(dossier=dossier, name=f"Fictief contact {i:04}", kind="private", role="Buur")
        for i in range(rows)
    )
    MeetingAgreement.objects.bulk_create(
        MeetingAgreement(
            case_meeting=meeting,
            dossier=dossier,
            description=f"Fictieve afspraak {i:04}",
            owner="X",
            due_on=today,
        )
        for i in range(rows)
    )
    last = PlanVersion.objects.filter(dossier=dossier).order_by("-number").first().number
    PlanVersion.objects.bulk_create(
        PlanVersion(
            plan=plan, dossier=dossier, number=last + 1 + i, kind="changed", at=timezone.now()
        )
        for i in range(rows)
    )


def _queries(client, dossier) -> int:
    url = reverse("dossiers:inspect", args=[dossier.pk])
    client.get(url)  # warm up the session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_dossier_page_queries_are_constant_in_rows(client, users, walk):
    director = users["regisseur"]
    small, large = walk(S.IN_EXECUTION), walk(S.IN_EXECUTION)
    _fill(small, director, 10)
    _fill(large, director, 1000)
    client.force_login(director)
    at_10, at_1000 = _queries(client, small), _queries(client, large)
    assert at_10 == at_1000, f"{at_10} queries at 10 rows, {at_1000} at 1,000"
    page = client.get(reverse("dossiers:inspect", args=[large.pk])).content.decode()
    assert "Het hele logboek (1001 regels)" not in page  # walk adds none: exactly 1000
    assert "Het hele logboek (1000 regels)" in page
    assert page.count("Fictieve regel") == 10  # the latest lines; the rest is paged
    # Contacts and open agreements are paged too: one page of each, the rest a click away.
    assert page.count("Fictief contact ") == 25 and page.count("Fictieve afspraak ") == 25
    assert "Fictief contact 999" not in page and "Fictieve afspraak 999" not in page


def test_dossier_page_leads_with_the_summary_and_pages_the_plan(client, users, walk):
    director = users["regisseur"]
    dossier = walk(S.IN_EXECUTION)
    _fill(dossier, director, 60)
    client.force_login(director)
    url = reverse("dossiers:inspect", args=[dossier.pk])
    page = client.get(url).content.decode()
    header = page.index('class="dossier-header')
    assert header < page.index('id="tab-overzicht"') < page.index('id="tab-plan"')
    assert "Volgende termijn" in page[header:] and "Volgende stap" in page[header:]
    assert "Afbouw- of afsluitvoorstel indienen" in page[header : page.index("w-tabs")]
    assert page.count("Doel ") <= 25 and "Pagina 1 van 3" in page and "Doel 59" not in page
    last = client.get(f"{url}?plan_pagina=3").content.decode()
    assert "Pagina 3 van 3" in last and "Doel 59" in last


def test_contacts_and_open_agreements_are_paged_each_on_its_own(client, users, walk):
    director = users["regisseur"]
    dossier = walk(S.IN_EXECUTION)
    _fill(dossier, director, 60)
    client.force_login(director)
    url = reverse("dossiers:inspect", args=[dossier.pk])
    page = client.get(url).content.decode()
    assert "Fictief contact 0000" in page and "Fictief contact 0025" not in page
    assert "Fictieve afspraak 0000" in page and "Fictieve afspraak 0025" not in page
    assert 'href="?contacten_pagina=2#tab-uitvoering"' in page
    assert 'href="?afspraken_pagina=2#tab-uitvoering"' in page
    # Paging one list keeps the other lists' pages (and their links carry that along).
    last = client.get(f"{url}?contacten_pagina=3&afspraken_pagina=2").content.decode()
    assert "Fictief contact 0059" in last and "Fictief contact 0000" not in last
    assert "Fictieve afspraak 0025" in last and "Fictieve afspraak 0059" not in last
    assert "Pagina 3 van 3" in last and "Pagina 2 van 3" in last
    assert 'href="?contacten_pagina=3&amp;afspraken_pagina=3#tab-uitvoering"' in last
    assert 'href="?contacten_pagina=2&amp;afspraken_pagina=2#tab-uitvoering"' in last


def test_the_dossier_page_is_one_selector_returning_a_dataclass(users, other_director, walk):
    """``dossier_page`` reads the whole page; what the user may do follows who asks."""
    dossier = walk(S.IN_EXECUTION)
    today = timezone.localdate()
    for_director = dossier_page(dossier=dossier, user=users["regisseur"], today=today)
    assert isinstance(for_director, DossierPage)
    assert for_director.subject == dossier.subject
    assert for_director.may_direct and for_director.may_evaluate and for_director.may_propose
    assert for_director.as_context()["space"] is for_director.space
    for_other = dossier_page(dossier=dossier, user=other_director, today=today)
    assert not (for_other.may_direct or for_other.may_evaluate or for_other.may_propose)
