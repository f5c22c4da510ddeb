"""Issue 17: Wagtail's keyboard-shortcuts dialog is rendered once per variant and kept
(adminkit/shortcuts.py); each page still shows the keys of its own platform and the user's
own setting."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from adminkit import shortcuts

pytestmark = pytest.mark.django_db
MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36"
LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"


def _dialog(client, agent: str) -> str:
    page = client.get(reverse("wagtailadmin_home"), HTTP_USER_AGENT=agent).content.decode()
    found = re.search(r'<div[^>]*id="keyboard-shortcuts-dialog".*?</table>', page, re.S)
    assert found, "no shortcuts dialog on the page"
    return found.group(0)


@pytest.fixture
def renders(monkeypatch):
    """Counts how often the dialog's template is rendered."""
    calls = []
    original = shortcuts.render_to_string

    def counting(name, context):
        calls.append(name)
        return original(name, context)

    monkeypatch.setattr(shortcuts, "render_to_string", counting)
    monkeypatch.setattr(shortcuts, "_rendered", {})
    return calls


def test_the_dialog_is_rendered_once_per_platform_with_its_own_keys(users, client, renders):
    client.force_login(users["regisseur"])
    mac = _dialog(client, MAC)
    assert "<kbd>⌘ + s</kbd>" in mac and "Ctrl + s" not in mac
    assert _dialog(client, MAC) == mac
    linux = _dialog(client, LINUX)
    assert "<kbd>Ctrl + s</kbd>" in linux and "⌘" not in linux
    assert _dialog(client, LINUX) == linux
    assert len(renders) == 2  # one variant each, kept for the next page
    assert "Sneltoetsen" in mac  # Dutch, as every page


def test_a_user_who_turned_shortcuts_off_sees_the_notice(users, client, renders):
    on, off = users["regisseur"], users["politie"]
    profile = UserProfile.get_for_user(off)
    profile.keyboard_shortcuts = False
    profile.save()
    client.force_login(on)
    assert "help-block help-warning" not in _dialog(client, LINUX)
    client.force_login(off)
    assert "help-block help-warning" in _dialog(client, LINUX)
    assert len(renders) == 2
