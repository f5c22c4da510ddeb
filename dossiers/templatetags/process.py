from django import template

from dossiers.selectors import dossier_steps_for
from dossiers.workflow.diagram import process_svg

register = template.Library()


@register.simple_tag
def process_diagram(dossier=None, user=None):
    """The process picture; with a dossier, its state and the user's next steps highlighted."""
    if dossier is None:
        return process_svg()
    steps = dossier_steps_for(dossier=dossier, user=user) if user is not None else []
    return process_svg(
        current=dossier.state,
        next_states=frozenset(s.transition.target for s in steps if s.possible),
    )
