"""Issue 17: Wagtail's keyboard-shortcuts dialog and icons are rendered once per variant and
kept (adminkit/chrome.py); each page still shows the keys of its own platform, the user's own
setting, and each icon as Wagtail's template writes it."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from wagtail.users.models import UserProfile

from adminkit import chrome

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
    original = chrome.render_to_string

    def counting(name, context):
        calls.append(name)
        return original(name, context)

    monkeypatch.setattr(chrome, "render_to_string", counting)
    monkeypatch.setattr(chrome, "_rendered", {})
    return calls


def test_the_dialog_is_rendered_once_per_platform_with_its_own_keys(users, client, renders):
    client.force_login(users["regisseur"])
    mac = _dialog(client, MAC)
    assert "<kbd>⌘ + s</kbd>" in mac and "Ctrl + s" not in mac
    assert _dialog(client, MAC) == mac
    linux = _dialog(client, LINUX)
    assert "<kbd>Ctrl + s</kbd>" in linux and "⌘" not in linux
    assert _dialog(client, LINUX) == linux
    assert renders.count(chrome.SHORTCUTS) == 2  # one variant each, kept for the next page
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
    assert renders.count(chrome.SHORTCUTS) == 2


def _icon(markup: str) -> str:
    return Template("{% load wagtailadmin_tags %}" + markup).render(Context({}))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '{% icon name="arrow-left" %}',
            '<svg class="icon icon-arrow-left icon" aria-hidden="true">'
            '<use href="#icon-arrow-left"></use></svg>',
        ),
        (
            '{% icon name="warning" classname="messages-icon" wrapped=True %}',
            '<span class="icon-wrapper"><svg class="icon icon-warning messages-icon" '
            'aria-hidden="true"><use href="#icon-warning"></use></svg></span>',
        ),
    ],
)
def test_an_icon_is_written_as_wagtails_template_writes_it(markup, expected, renders):
    assert _icon(markup) == expected
    assert _icon(markup) == expected


def test_an_icon_is_rendered_once_per_variant_and_a_titled_one_every_time(renders):
    for _ in range(3):
        _icon('{% icon name="arrow-left" %}{% icon name="arrow-left" classname="x" %}')
        _icon('{% icon name="lock" title="Vergrendeld" %}')
    assert renders.count(chrome.ICON) == 2 + 3
