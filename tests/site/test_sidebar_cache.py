"""Issue 17: the admin's sidebar is built once per user and kept (adminkit/sidebar.py), and a
changed role shows in the next page's menu, never another user's menu."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from wagtail.admin.templatetags import wagtailadmin_tags

from dossiers import roles

pytestmark = pytest.mark.django_db


def _menu_names(response) -> set[str]:
    """The names of the main menu's items in the packed sidebar of ``response``."""
    script = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert script, "no sidebar on the page"
    return set(
        re.findall(r'"name": "([a-z0-9-]+)"', json.loads(script.group(1)) and script.group(1))
    )


@pytest.fixture
def builds(monkeypatch):
    """Counts how often Wagtail's own sidebar is built."""
    calls = []
    original = wagtailadmin_tags.sidebar_props

    def counting(context):
        calls.append(context["request"].user.username)
        return original(context)

    monkeypatch.setattr(wagtailadmin_tags, "sidebar_props", counting)
    return calls


def test_the_sidebar_is_built_once_per_user(client, users, builds):
    client.force_login(users["regisseur"])
    first = client.get("/admin/dossiers/")
    second = client.get("/admin/dossiers/")
    assert builds == ["regisseur"]
    assert _menu_names(first) == _menu_names(second)
    assert "mijn-dossiers" in _menu_names(second)
    client.force_login(users["map"])
    assert "mijn-dossiers" not in _menu_names(client.get("/admin/"))
    assert builds == ["regisseur", "map"]


def test_a_role_given_or_taken_shows_on_the_next_page(client, users, builds):
    director = users["regisseur"]
    client.force_login(director)
    assert "monitor" not in _menu_names(client.get("/admin/"))
    director.groups.add(Group.objects.get(name=roles.STEERING_MEMBER))
    assert "monitor" in _menu_names(client.get("/admin/"))
    director.groups.remove(Group.objects.get(name=roles.STEERING_MEMBER))
    assert "monitor" not in _menu_names(client.get("/admin/"))
    assert len(builds) == 3


def test_a_permission_added_to_a_role_shows_on_the_next_page(client, users, builds):
    from django.contrib.auth.models import Permission

    client.force_login(users["regisseur"])
    assert "monitor" not in _menu_names(client.get("/admin/"))
    Group.objects.get(name=roles.CASE_DIRECTOR).permissions.add(
        Permission.objects.get(content_type__app_label="monitor", codename="view_monitor")
    )
    assert "monitor" in _menu_names(client.get("/admin/"))


def test_a_changed_name_shows_in_the_account_menu_on_the_next_page(client, users, builds):
    director = users["regisseur"]
    client.force_login(director)
    client.get("/admin/")
    director.first_name, director.last_name = "Fictieve", "Nieuwnaam"
    director.save()
    assert "Fictieve Nieuwnaam" in client.get("/admin/").content.decode()
    assert len(builds) == 2
