"""Effects of a step on the dossier's own fields, applied inside the step's transaction.

The effects that call a service are registered by ``dossiers.workflow.wiring`` when the app
is ready (the services import the workflow).

Side effects outside the database (mail, jobs) are queued with ``transaction.on_commit``.
The ITAT-R's advice and the Regieoverleg's decision on a closure proposal are written here,
from the step's input; the plan versions frozen along the plan's approval path are written in
``wiring``.
"""

from django.utils import timezone

from dossiers.models import ClosureDecision, ClosureProposal
from dossiers.workflow.states import DossierState as S


def _appoint_case_director(dossier, *, data, now, **_kw):
    director = data.get("case_director") or dossier.case_director
    dossier.case_director = director
    dossier.case_director_organisation_id = director.organisation_id
    # The letter clock runs from the decision's own date, never from the day it is recorded.
    dossier.included_on = data.get("decided_on") or timezone.localdate(now)


def _close(dossier, *, now, **_kw):
    """Closing ends active work and starts the retention clock (``closed_on``)."""
    dossier.closed_on = timezone.localdate(now)


def _first_advice(dossier, *, now, **_kw):
    """The first advice on the plan starts nothing new, but the monitor counts its day."""
    if dossier.advised_on is None:
        dossier.advised_on = timezone.localdate(now)


def advice_text(data) -> str:
    """The ITAT-R's advice given with a step: the ``advice`` input, else the note."""
    return (data.get("advice") or data.get("note") or "").strip()


def _closure_advice(dossier, *, now, data, **_kw):
    proposal = ClosureProposal.objects.filter(dossier=dossier, decision="", advice="").first()
    if proposal is not None:
        proposal.advice = advice_text(data)
        proposal.advised_at = now
        proposal.save(update_fields=["advice", "advised_at"])


def _closure_decision(decision):
    def effect(dossier, *, by, now, data, **_kw):
        proposal = ClosureProposal.objects.filter(dossier=dossier, decision="").first()
        if proposal is not None:
            proposal.decision = decision
            proposal.decided_on = data.get("decided_on") or timezone.localdate(now)
            proposal.decided_by = by
            proposal.save(update_fields=["decision", "decided_on", "decided_by"])

    return effect


#: the effects that write only the dossier's own records; those that call a service (plan
#: versions, letters, mail to the secretaries) are added by ``dossiers.workflow.wiring``
EFFECTS: dict[tuple[S, S], list] = {
    (S.AWAITING_DECISION, S.INCLUDED): [_appoint_case_director],
    (S.PLAN_SUBMITTED, S.PLAN_ADVISED): [_first_advice],
    (S.PLAN_DEFINITIVE, S.PLAN_ADVISED): [_first_advice],
    (S.CLOSURE_PROPOSED, S.CLOSURE_ADVISED): [_closure_advice],
    (S.CLOSURE_ADVISED, S.WINDING_DOWN): [_closure_decision(ClosureDecision.WIND_DOWN)],
    (S.CLOSURE_ADVISED, S.CLOSED): [_closure_decision(ClosureDecision.CLOSE), _close],
    (S.CLOSURE_ADVISED, S.IN_EXECUTION): [_closure_decision(ClosureDecision.CONTINUE)],
}


def register_effect(source: S, target: S, effect) -> None:
    """Add ``effect`` after the step's own effects (once: registering twice changes nothing)."""
    effects = EFFECTS.setdefault((source, target), [])
    if effect not in effects:
        effects.append(effect)


def apply_effects(dossier, *, source, target, by, now, data) -> None:
    for effect in EFFECTS.get((source, target), []):
        effect(dossier, by=by, now=now, data=data)
