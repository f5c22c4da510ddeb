"""Wagtail's keyboard-shortcuts dialog, rendered once per variant instead of on every page.

Every admin page carries the dialog: a template of about forty rows that took some 3 ms a page
(issue 17). What it shows depends only on the language, the user's "shortcuts on" setting and
the platform's key names (from the browser's User-Agent), and these few variants are kept in
the process, rendered by Wagtail's own tag and template. ``shortcuts_install`` (called once
from ``DossiersConfig.ready()``, before any template is compiled) registers the tag in
Wagtail's tag library under Wagtail's name, as ``adminkit.sidebar`` does.
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
_rendered: dict[tuple, str] = {}


def _variant(data: dict) -> tuple:
    """Everything the dialog shows, as text: the key of one rendered variant."""
    sections = tuple(
        (slug, str(title), tuple((str(label), keys) for label, keys in filter(None, rows)))
        for (slug, title), rows in data["shortcuts"].items()
    )
    return (get_language(), bool(data["keyboard_shortcuts_enabled"]), sections)


def keyboard_shortcuts_dialog(context):
    data = wagtail_tags.keyboard_shortcuts_dialog(context)
    key = _variant(data)
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = render_to_string(TEMPLATE, data)
    return html


def shortcuts_install() -> None:
    wagtail_tags.register.simple_tag(
        keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog"
    )
