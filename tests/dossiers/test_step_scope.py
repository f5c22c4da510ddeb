"""A step that takes the dossier out of the user's scope lands on the start page, not a 404;
step pages carry the dossier's summary header."""

import pytest
from django.urls import reverse

from dossiers.models import AccessLogEntry
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db


def test_step_out_of_scope_goes_to_the_start_page_with_the_message(client, users, walk):
    dossier = walk(S.REGISTERED)
    client.force_login(users["map"])
    step_url = reverse("dossiers:step", args=[dossier.pk])
    page = client.get(f"{step_url}?to={S.PRE_ASSESSMENT}").content.decode()
    assert 'class="dossier-header' in page and dossier.reference in page
    logged = AccessLogEntry.objects.filter(dossier_reference=dossier.reference, username="map")
    assert logged.exists()
    response = client.post(
        step_url, {"to": S.PRE_ASSESSMENT, "note": "Zorgen over uitlatingen"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert response.status_code == 200
    dossier.refresh_from_db()
    assert dossier.state == S.PRE_ASSESSMENT
    assert f"Dossier {dossier.reference} staat nu op" in response.content.decode()
