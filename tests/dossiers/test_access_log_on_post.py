"""An edit page that comes back with errors shows the person's data again: that is a read, and
the access log must say so (not only on GET)."""

import pytest
from django.urls import reverse

from dossiers.execution.services import contact_save
from dossiers.models import AccessLogEntry
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def test_an_edit_page_rerendered_after_an_invalid_post_writes_the_access_log(client, walk, users):
    director = users["regisseur"]
    dossier = walk(S.IN_EXECUTION)
    contact = contact_save(
        dossier=dossier,
        by=director,
        data={"name": "Tante Kees", "kind": "private", "role": "Tante"},
    )
    client.force_login(director)
    path = reverse("contacts:edit", args=[contact.pk])
    before = AccessLogEntry.objects.filter(dossier_id_snapshot=dossier.pk).count()

    response = client.post(path, {"name": "", "kind": "private", "role": "Tante"})

    assert response.status_code == 200  # the form again, with its error
    assert "Tante" in response.content.decode()
    rows = AccessLogEntry.objects.filter(dossier_id_snapshot=dossier.pk)
    assert rows.count() == before + 1
    contact.refresh_from_db()
    assert contact.name == "Tante Kees"  # nothing saved
