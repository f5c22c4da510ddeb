"""The guards and effects that call a service or selector, registered by ``DossiersConfig.ready()``.

The services write through the workflow (``dossier_transition``), so the workflow's own
modules (``guards``, ``effects``) import no service; the steps that need one (the assessment
is complete, the person is on no other approach's list, letters are proposed, a plan version
is frozen, the secretaries get a notice) get their guards and effects added here, after the
step's own ones, once every app is loaded.

Every rule here is a module-level function that runs when the step is taken: the effects take
what differs per step (the version kind, the date field, the mail's text) as keyword arguments,
bound in the tables ``GUARDS`` and ``EFFECTS`` with ``functools.partial``. ``register`` only
copies the tables into the workflow's, and is idempotent (the partials are built once, here).
"""

from functools import partial

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


# --- effects -------------------------------------------------------------------------------
# Called as ``effect(dossier, by=..., now=..., data=...)`` (``effects.apply_effects``), with the
# keyword arguments bound in ``EFFECTS`` below.


def propose_letters(dossier, **_kw):
    """The notification letters that are due on inclusion (handbook ch. 2): the MAP sends them."""
    letters_propose(dossier=dossier)


def notify_secretaries(dossier, *, subject, body, **_kw):
    """Mail the secretaries once the step is committed ("je geeft een seintje aan de
    secretaris", handbook ch. 6); the mail names the dossier number only (``%(ref)s``)."""
    secretaries_notify(
        dossier=dossier,
        subject=str(subject) % {"ref": dossier},
        body=str(body) % {"ref": dossier},
    )


def freeze_plan_version(dossier, *, by, now, data, kind, with_advice=False, **_kw):
    """Freeze a plan version of ``kind`` at a step of the plan's approval path; the step's note
    is its summary, and ``with_advice`` records the ITAT-R's advice given with the step."""
    plan_snapshot(
        dossier=dossier,
        by=by,
        kind=kind,
        summary=data.get("note") or "",
        advice=advice_text(data) if with_advice else "",
        now=now,
    )


def record_plan_date(dossier, *, now, data, field, **_kw):
    """Set the plan's ``field`` to the step's decision date, else to the day of the step."""
    plan = plan_get_or_create(dossier=dossier)
    setattr(plan, field, data.get("decided_on") or timezone.localdate(now))
    plan.save(update_fields=[field])


# --- the tables -----------------------------------------------------------------------------

PLAN_READY_NOTICE = partial(
    notify_secretaries,
    subject=gettext_lazy("Plan van aanpak %(ref)s gereed voor het ITAT-R"),
    body=gettext_lazy(
        "De regisseur heeft het plan van aanpak van dossier %(ref)s gereed gemeld "
        "voor het ITAT-R. Zet het op de agenda."
    ),
)
DEFINITIVE_NOTICE = partial(
    notify_secretaries,
    subject=gettext_lazy("Plan van aanpak %(ref)s definitief, gereed voor het Regieoverleg"),
    body=gettext_lazy(
        "De regisseur heeft het plan van aanpak van dossier %(ref)s definitief "
        "gemaakt. Zet het op de agenda van het Regieoverleg."
    ),
)
CLOSURE_NOTICE = partial(
    notify_secretaries,
    subject=gettext_lazy("Afbouw- of afsluitvoorstel %(ref)s ingediend"),
    body=gettext_lazy(
        "De regisseur heeft voor dossier %(ref)s een afbouw- of afsluitvoorstel ingediend. "
        "Zet het op de agenda van het ITAT-R."
    ),
)


#: (source, target, guard), added after the step's own guards in ``guards.GUARDS``
GUARDS = (
    (S.PRE_ASSESSMENT, S.AWAITING_DECISION, needs_complete_assessment),
    (S.AWAITING_DECISION, S.INCLUDED, needs_other_approach_confirmation),
)
#: (source, target, effect), added in this order after the step's own effects in
#: ``effects.EFFECTS``
EFFECTS = (
    (S.AWAITING_DECISION, S.INCLUDED, propose_letters),
    (S.INCLUDED, S.PLAN_SUBMITTED, partial(freeze_plan_version, kind=V.SUBMITTED)),
    (S.INCLUDED, S.PLAN_SUBMITTED, PLAN_READY_NOTICE),
    (S.PLAN_SUBMITTED, S.INCLUDED, partial(freeze_plan_version, kind=V.WITHDRAWN)),
    (
        S.PLAN_SUBMITTED,
        S.PLAN_ADVISED,
        partial(freeze_plan_version, kind=V.ADVICE, with_advice=True),
    ),
    (S.PLAN_ADVISED, S.PLAN_DEFINITIVE, partial(freeze_plan_version, kind=V.DEFINITIVE)),
    (S.PLAN_ADVISED, S.PLAN_DEFINITIVE, DEFINITIVE_NOTICE),
    (S.PLAN_DEFINITIVE, S.PLAN_ADVISED, partial(freeze_plan_version, kind=V.SENT_BACK)),
    (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, partial(record_plan_date, field="adopted_on")),
    (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED, partial(freeze_plan_version, kind=V.ADOPTED)),
    (S.PLAN_ADOPTED, S.IN_EXECUTION, partial(record_plan_date, field="accorded_on")),
    (S.PLAN_ADOPTED, S.IN_EXECUTION, partial(freeze_plan_version, kind=V.ACCORDED)),
    (S.IN_EXECUTION, S.PLAN_SUBMITTED, partial(freeze_plan_version, kind=V.ESCALATED)),
    (S.IN_EXECUTION, S.PLAN_SUBMITTED, PLAN_READY_NOTICE),
    (S.IN_EXECUTION, S.CLOSURE_PROPOSED, CLOSURE_NOTICE),
    (S.WINDING_DOWN, S.CLOSURE_PROPOSED, CLOSURE_NOTICE),
)


def register() -> None:
    """Add the guards and effects above to the workflow's tables (once)."""
    for source, target, guard in GUARDS:
        register_guard(source, target, guard)
    for source, target, effect in EFFECTS:
        register_effect(source, target, effect)
