"""The guards and effects that call a service or selector, registered by ``DossiersConfig.ready()``.

The services write through the workflow (``dossier_transition``), so the workflow's own
modules (``guards``, ``effects``) import no service; the steps that need one (the assessment
is complete, the person is on no other approach's list, letters are proposed, a plan version
is frozen, the secretaries get a notice) get their guards and effects added here, after the
step's own ones, once every app is loaded. ``register`` is idempotent.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers.execution.plan_services import plan_get_or_create, plan_snapshot, secretaries_notify
from dossiers.letters.services import letters_propose
from dossiers.models import PlanVersionKind as V
from dossiers.selectors.duplicates import dossier_list_matches
from dossiers.services.assessment import assessment_missing
from dossiers.workflow.effects import advice_text, register_effect
from dossiers.workflow.guards import register_guard
from dossiers.workflow.states import DossierState as S

# --- guards ---------------------------------------------------------------------------------


def needs_complete_assessment(dossier, by, data) -> list[str]:
    """Urgent (spoed) signals may go on incomplete; the case director completes them later."""
    if dossier.urgent:
        return []
    return assessment_missing(dossier=dossier)


def needs_other_approach_confirmation(dossier, by, data) -> list[str]:
    """A person found on another approach's list is included only with explicit confirmation
    (handbook ch. 2: nobody is handled in two places)."""
    if data.get("preview") or data.get("other_approach_confirmed"):
        return []
    matches = dossier_list_matches(dossier)
    if not matches:
        return []
    approaches = ", ".join(sorted({m.other_approach for m in matches}))
    return [
        _(
            "Deze persoon staat mogelijk op de lijst van een andere aanpak (%(approaches)s). "
            "Bevestig dat opnemen in deze aanpak toch de bedoeling is."
        )
        % {"approaches": approaches}
    ]


# --- effects --------------------------------------------------------------------------------


def _propose_letters(dossier, **_kw):
    """The notification letters that are due on inclusion (handbook ch. 2): the MAP sends them."""
    letters_propose(dossier=dossier)


def _secretary_notice(subject, body):
    """Mail the secretaries once the step is committed ("je geeft een seintje aan de
    secretaris", handbook ch. 6); the mail names the dossier number only."""

    def effect(dossier, **_kw):
        secretaries_notify(
            dossier=dossier,
            subject=str(subject) % {"ref": dossier},
            body=str(body) % {"ref": dossier},
        )

    return effect


def _plan_version(kind, *, advice=False, notify=False):
    """Freeze a plan version at a step of the plan's approval path."""

    def effect(dossier, *, by, now, data, **_kw):
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
        plan = plan_get_or_create(dossier=dossier)
        setattr(plan, field, data.get("decided_on") or timezone.localdate(now))
        plan.save(update_fields=[field])

    return effect


CLOSURE_NOTICE = _secretary_notice(
    gettext_lazy("Afbouw- of afsluitvoorstel %(ref)s ingediend"),
    gettext_lazy(
        "De regisseur heeft voor dossier %(ref)s een afbouw- of afsluitvoorstel ingediend. "
        "Zet het op de agenda van het ITAT-R."
    ),
)
DEFINITIVE_NOTICE = _secretary_notice(
    gettext_lazy("Plan van aanpak %(ref)s definitief, gereed voor het Regieoverleg"),
    gettext_lazy(
        "De regisseur heeft het plan van aanpak van dossier %(ref)s definitief "
        "gemaakt. Zet het op de agenda van het Regieoverleg."
    ),
)

#: (source, target, guard), added after the step's own guards in ``guards.GUARDS``
GUARDS = (
    (S.PRE_ASSESSMENT, S.AWAITING_DECISION, needs_complete_assessment),
    (S.AWAITING_DECISION, S.INCLUDED, needs_other_approach_confirmation),
)
#: (source, target, effects in order), added after the step's own effects in ``effects.EFFECTS``
EFFECTS = (
    (S.AWAITING_DECISION, S.INCLUDED, [_propose_letters]),
    (S.INCLUDED, S.PLAN_SUBMITTED, [_plan_version(V.SUBMITTED, notify=True)]),
    (S.PLAN_SUBMITTED, S.INCLUDED, [_plan_version(V.WITHDRAWN)]),
    (S.PLAN_SUBMITTED, S.PLAN_ADVISED, [_plan_version(V.ADVICE, advice=True)]),
    (S.PLAN_ADVISED, S.PLAN_DEFINITIVE, [_plan_version(V.DEFINITIVE), DEFINITIVE_NOTICE]),
    (S.PLAN_DEFINITIVE, S.PLAN_ADVISED, [_plan_version(V.SENT_BACK)]),
    (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, [_plan_dates("adopted_on"), _plan_version(V.ADOPTED)]),
    (S.PLAN_ADOPTED, S.IN_EXECUTION, [_plan_dates("accorded_on"), _plan_version(V.ACCORDED)]),
    (S.IN_EXECUTION, S.PLAN_SUBMITTED, [_plan_version(V.ESCALATED, notify=True)]),
    (S.IN_EXECUTION, S.CLOSURE_PROPOSED, [CLOSURE_NOTICE]),
    (S.WINDING_DOWN, S.CLOSURE_PROPOSED, [CLOSURE_NOTICE]),
)


def register() -> None:
    """Add the guards and effects above to the workflow's tables (once)."""
    for source, target, guard in GUARDS:
        register_guard(source, target, guard)
    for source, target, effects in EFFECTS:
        for effect in effects:
            register_effect(source, target, effect)
