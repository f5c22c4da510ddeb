"""Parts of Wagtail's page chrome rendered once per variant instead of on every page (issue 17).

- The keyboard-shortcuts dialog is on every admin page: a template of about forty rows that
  took some 3 ms a page. What it shows depends only on the language, the user's "shortcuts on"
  setting and the platform's key names (from the browser's User-Agent).
- An icon (``{% icon %}``) is a small template rendered about 25 times a listing page. Without
  a screen-reader title it depends only on its name, class and wrapping.

These variants are kept in the process, each rendered once by Wagtail's own tag and template.
``chrome_install`` (called once from ``DossiersConfig.ready()``, before any template is
compiled) registers both tags in Wagtail's tag library under Wagtail's names, as
``adminkit.sidebar`` does.
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

SHORTCUTS = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
ICON = "wagtailadmin/shared/icon.html"
_rendered: dict[tuple, str] = {}


def _variant(data: dict) -> tuple:
    """Everything the dialog shows, as text: the key of one rendered variant."""
    sections = tuple(
        (slug, str(title), tuple((str(label), keys) for label, keys in filter(None, rows)))
        for (slug, title), rows in data["shortcuts"].items()
    )
    return (SHORTCUTS, get_language(), bool(data["keyboard_shortcuts_enabled"]), sections)


def keyboard_shortcuts_dialog(context):
    data = wagtail_tags.keyboard_shortcuts_dialog(context)
    key = _variant(data)
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = render_to_string(SHORTCUTS, data)
    return html


def icon(name=None, classname=None, title=None, wrapped=False):
    data = wagtail_tags.icon(name=name, classname=classname, title=title, wrapped=wrapped)
    if title:  # a title can be any text: rendered every time, never kept
        return render_to_string(ICON, data)
    key = (ICON, data["name"], data["classname"], bool(wrapped))
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = render_to_string(ICON, data)
    return html


def chrome_install() -> None:
    register = wagtail_tags.register
    register.simple_tag(
        keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog"
    )
    register.simple_tag(icon, name="icon")
