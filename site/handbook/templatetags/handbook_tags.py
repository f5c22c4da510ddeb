"""Contextual help: link any screen or form field to a chapter or section of the handbook.

    {% load handbook_tags %}
    <a href="{% handbook_link "risk-groups" %}">...</a>
    {% handbook_help "risk-groups" _("Wat betekent risicogroep 3?") %}

A key that does not (or no longer) exist renders nothing rather than breaking the screen.
"""

from django import template

from handbook.selectors import handbook_chapters, handbook_section, handbook_url

register = template.Library()


@register.simple_tag(takes_context=True)
def handbook_link(context, key):
    """The handbook URL (page + ``#anchor``) for ``key``, or an empty string."""
    return handbook_url(key=key, request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def handbook_start_url(context):
    """The URL of the handbook's start page (its table of contents), or an empty string."""
    chapters = handbook_chapters(request=context.get("request"))
    return next((chapter.url for chapter in chapters if chapter.key == "handreiking"), "")


@register.inclusion_tag("handbook/includes/help_link.html", takes_context=True)
def handbook_help(context, key, label=None):
    """A small "help" link that opens the handbook section in a new tab."""
    section = handbook_section(key=key, request=context.get("request"))
    return {"section": section, "label": label or (section.title if section else "")}
