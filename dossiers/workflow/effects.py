"""Effects of a step on the dossier's own fields, applied inside the step's transaction.

Side effects outside the database (mail, jobs) are queued with ``transaction.on_commit``.
The plan's approval path freezes a plan version at every step; the ITAT-R's advice and the
Regieoverleg's decision on a closure proposal are written here, from the step's input.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers.workflow.states import DossierState as S


def _appoint_case_director(dossier, *, data, now, **_kw):
    director = data.get("case_director") or dossier.case_director
    dossier.case_director = director
    dossier.case_director_organisation_id = director.organisation_id
    # The letter clock runs from the decision's own date, never from the day it is recorded.
    dossier.included_on = data.get("decided_on") or timezone.localdate(now)


def _propose_letters(dossier, **_kw):
    """The notification letters that are due on inclusion (handbook ch. 2): the MAP sends them."""
    from dossiers.letters.services import letters_propose

    letters_propose(dossier=dossier)


def _close(dossier, *, now, **_kw):
    """Closing ends active work and starts the retention clock (``closed_on``)."""
    dossier.closed_on = timezone.localdate(now)


def advice_text(data) -> str:
    """The ITAT-R's advice given with a step: the ``advice`` input, else the note."""
    return (data.get("advice") or data.get("note") or "").strip()


def _secretary_notice(subject, body):
    """Mail the secretaries once the step is committed ("je geeft een seintje aan de
    secretaris", handbook ch. 6); the mail names the dossier number only."""

    def effect(dossier, **_kw):
        from dossiers.execution.plan_services import secretaries_notify

        secretaries_notify(
            dossier=dossier,
            subject=str(subject) % {"ref": dossier},
            body=str(body) % {"ref": dossier},
        )

    return effect


def _plan_version(kind, *, advice=False, notify=False):
    def effect(dossier, *, by, now, data, **_kw):
        from dossiers.execution.plan_services import plan_snapshot, secretaries_notify

        plan_snapshot(
            dossier=dossier,
            by=by,
            kind=kind,
            summary=(data.get("note") or "")[:300],
            advice=advice_text(data) if advice else "",
            now=now,
        )
        if notify:
            secretaries_notify(
                dossier=dossier,
                subject=_("Plan van aanpak %(ref)s gereed voor het ITAT-R") % {"ref": dossier},
                body=_(
                    "De regisseur heeft het plan van aanpak van dossier %(ref)s gereed gemeld "
                    "voor het ITAT-R. Zet het op de agenda."
                )
                % {"ref": dossier},
            )

    return effect


def _plan_dates(field):
    def effect(dossier, *, now, data, **_kw):
        from dossiers.execution.plan_services import plan_get_or_create

        plan = plan_get_or_create(dossier=dossier)
        setattr(plan, field, data.get("decided_on") or timezone.localdate(now))
        plan.save(update_fields=[field])

    return effect


def _closure_advice(dossier, *, now, data, **_kw):
    from dossiers.models import ClosureProposal

    proposal = ClosureProposal.objects.filter(dossier=dossier, decision="", advice="").first()
    if proposal is not None:
        proposal.advice = advice_text(data)
        proposal.advised_at = now
        proposal.save(update_fields=["advice", "advised_at"])


def _closure_decision(decision):
    def effect(dossier, *, by, now, data, **_kw):
        from dossiers.models import ClosureProposal

        proposal = ClosureProposal.objects.filter(dossier=dossier, decision="").first()
        if proposal is not None:
            proposal.decision = decision
            proposal.decided_on = data.get("decided_on") or timezone.localdate(now)
            proposal.decided_by = by
            proposal.save(update_fields=["decision", "decided_on", "decided_by"])

    return effect


CLOSURE_NOTICE = _secretary_notice(
    gettext_lazy("Afbouw- of afsluitvoorstel %(ref)s ingediend"),
    gettext_lazy(
        "De regisseur heeft voor dossier %(ref)s een afbouw- of afsluitvoorstel ingediend. "
        "Zet het op de agenda van het ITAT-R."
    ),
)


def _effects():
    from dossiers.models import ClosureDecision
    from dossiers.models import PlanVersionKind as V

    return {
        (S.AWAITING_DECISION, S.INCLUDED): [_appoint_case_director, _propose_letters],
        (S.INCLUDED, S.PLAN_SUBMITTED): [_plan_version(V.SUBMITTED, notify=True)],
        (S.PLAN_SUBMITTED, S.INCLUDED): [_plan_version(V.WITHDRAWN)],
        (S.PLAN_SUBMITTED, S.PLAN_ADVISED): [_plan_version(V.ADVICE, advice=True)],
        (S.PLAN_ADVISED, S.PLAN_DEFINITIVE): [
            _plan_version(V.DEFINITIVE),
            _secretary_notice(
                gettext_lazy("Plan van aanpak %(ref)s definitief, gereed voor het Regieoverleg"),
                gettext_lazy(
                    "De regisseur heeft het plan van aanpak van dossier %(ref)s definitief "
                    "gemaakt. Zet het op de agenda van het Regieoverleg."
                ),
            ),
        ],
        (S.PLAN_DEFINITIVE, S.PLAN_ADVISED): [_plan_version(V.SENT_BACK)],
        (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED): [
            _plan_dates("adopted_on"),
            _plan_version(V.ADOPTED),
        ],
        (S.PLAN_ADOPTED, S.IN_EXECUTION): [_plan_dates("accorded_on"), _plan_version(V.ACCORDED)],
        (S.IN_EXECUTION, S.PLAN_SUBMITTED): [_plan_version(V.ESCALATED, notify=True)],
        (S.IN_EXECUTION, S.CLOSURE_PROPOSED): [CLOSURE_NOTICE],
        (S.WINDING_DOWN, S.CLOSURE_PROPOSED): [CLOSURE_NOTICE],
        (S.CLOSURE_PROPOSED, S.CLOSURE_ADVISED): [_closure_advice],
        (S.CLOSURE_ADVISED, S.WINDING_DOWN): [_closure_decision(ClosureDecision.WIND_DOWN)],
        (S.CLOSURE_ADVISED, S.CLOSED): [_closure_decision(ClosureDecision.CLOSE), _close],
        (S.CLOSURE_ADVISED, S.IN_EXECUTION): [_closure_decision(ClosureDecision.CONTINUE)],
    }


def apply_effects(dossier, *, source, target, by, now, data) -> None:
    for effect in _effects().get((source, target), []):
        effect(dossier, by=by, now=now, data=data)
