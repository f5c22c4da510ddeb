"""The dossier's summary header: the same on the dossier page and on every step page."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.selectors.queues import next_due_label, next_step_label
from dossiers.workflow.states import DossierState as S

register = template.Library()

# The phases of the process picture, in order: where a state sits in the whole.
PHASES = (
    (_("Melding"), {S.REGISTERED, S.TRIAGE_CLOSED, S.REGULAR_TRACK}),
    (_("Duiding"), {S.PRE_ASSESSMENT, S.ON_HOLD}),
    (_("Besluit"), {S.AWAITING_DECISION, S.NOT_INCLUDED}),
    (_("Plan van aanpak"), {S.INCLUDED, S.PLAN_SUBMITTED, S.PLAN_ADVISED, S.PLAN_DEFINITIVE}),
    (_("Uitvoering"), {S.PLAN_ADOPTED, S.IN_EXECUTION}),
    (_("Afbouw en afsluiting"), {S.CLOSURE_PROPOSED, S.CLOSURE_ADVISED, S.WINDING_DOWN}),
    (_("Afgesloten"), {S.CLOSED, S.ARCHIVED}),
)


@register.inclusion_tag("includes/dossier_header_content.html", takes_context=True)
def dossier_header(context, dossier, steps=None, step_url_name=None, deadline_kind=""):
    """Number, person, age (minor or not), state and phase, case director, next deadline and,
    on the dossier page, the next-step buttons. Reads only what is already loaded, except on a
    step page (``deadline_kind``): that step's own stored deadline."""
    today = timezone.localdate()
    subject = dossier.subject
    age = subject.age_on(today) if subject and subject.birth_date else None
    phase_number, phase = next(
        ((n, label) for n, (label, states) in enumerate(PHASES, 1) if dossier.state in states),
        (None, ""),
    )
    return {
        "dossier": dossier,
        "subject": subject,
        "age": age,
        "minor": age is not None and age < 18,
        "phase": phase,
        "phase_number": phase_number,
        "phase_count": len(PHASES),
        "next_due_on": dossier.next_due_on,
        "next_due_what": next_due_label(dossier.next_due_kind),
        "overdue": bool(dossier.next_due_on) and dossier.next_due_on < today,
        "today": today,
        "next_step": next_step_label(dossier.state),
        "step_deadline": _step_deadline(dossier, deadline_kind) if deadline_kind else None,
        "steps": steps,
        "step_url_name": step_url_name,
        "request": context.get("request"),
    }


def _step_deadline(dossier, kind: str):
    """The step's own deadline, unless it is the next deadline the header already shows."""
    from dossiers.models import DossierDeadline

    deadline = DossierDeadline.objects.filter(dossier=dossier, kind=kind).order_by("due_on").first()
    shown = (dossier.next_due_kind, dossier.next_due_on)
    return None if deadline is None or (deadline.kind, deadline.due_on) == shown else deadline
