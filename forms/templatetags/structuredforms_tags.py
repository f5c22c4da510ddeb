"""Template tags of structured forms: a response's answers read from its pinned version."""

from django import template

from forms.rendering import answer_rows

register = template.Library()


@register.simple_tag
def response_rows(response):
    """The questions of the response's own version with the answers given, for display."""
    return answer_rows(response)
