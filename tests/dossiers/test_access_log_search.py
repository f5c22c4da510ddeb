"""ADR 0009: the access log records that a search happened and how many results it gave, never
the term typed (a name); codes such as the page or state are kept."""

import pytest
from django.urls import reverse

from dossiers.models import AccessLogEntry
from dossiers.services.access_log import logged_path
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "stored"),
    [
        ("/admin/dossiers/?q=Quibbleworth", "/admin/dossiers/?q=*"),
        ("/admin/dossiers/?q=Quib&state=closed&p=2", "/admin/dossiers/?q=*&state=closed&p=2"),
        (
            "/admin/x/?birth_date=2009-03-14&ordering=-created_at",
            "/admin/x/?birth_date=*&ordering=-created_at",
        ),
        ("/admin/x/?state=Jan+de+Vries", "/admin/x/?state=*"),
        ("/admin/dossiers/12/", "/admin/dossiers/12/"),
    ],
)
def test_query_values_that_could_hold_a_name_are_hidden(path, stored):
    assert logged_path(path) == stored


def test_a_search_is_logged_with_its_count_but_without_the_term(client, users, walk):
    walk(S.IN_EXECUTION, dossier=DossierFactory(subject__last_name="Quibbleworth"))
    client.force_login(users["regisseur"])
    response = client.get(reverse("dossiers:index"), {"q": "Quibbleworth"})
    assert response.status_code == 200
    entry = AccessLogEntry.objects.filter(path__startswith=reverse("dossiers:index")).latest("pk")
    assert entry.path == reverse("dossiers:index") + "?q=*"
    assert entry.row_count == 1
    assert not AccessLogEntry.objects.filter(path__icontains="Quibbleworth").exists()
