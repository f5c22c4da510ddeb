"""The redirects app is wired: a redirect the programme team records for a moved handbook
address answers instead of a 404."""

import pytest
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_a_recorded_redirect_answers_the_old_address(client):
    assert client.get("/oude-handreiking/").status_code == 404
    Redirect.objects.create(old_path="/oude-handreiking", redirect_link="/handreiking/")
    response = client.get("/oude-handreiking/")
    assert (response.status_code, response["Location"]) == (301, "/handreiking/")
