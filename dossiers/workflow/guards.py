"""Guards: functions that say, in Dutch, why an allowed step is not possible yet.

A guard takes ``(dossier, by, data)`` and returns a list of reasons (empty: fine). The guards
that read only the dossier's own records are in ``GUARDS`` below; the ones that call a service
or selector are added by ``dossiers.workflow.wiring`` (``register_guard``) when the app is
ready, because the services import the workflow.
"""

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import (
    CaseMeeting,
    ClosureKind,
    ClosureProposal,
    PlanItem,
    PlanItemStatus,
    PlanVersion,
)
from dossiers.models import PlanVersionKind as V
from dossiers.workflow.effects import advice_text
from dossiers.workflow.states import DossierState as S

Guard = Callable[..., list[str]]


def needs_subject(dossier, by, data) -> list[str]:
    if dossier.subject_id is None:
        return [_("De persoon is nog niet vastgelegd.")]
    return []


def needs_case_director(dossier, by, data) -> list[str]:
    if data.get("preview"):
        return []
    director = data.get("case_director") or dossier.case_director
    if director is None:
        return [_("Bij opnemen moet een regisseur worden aangewezen.")]
    if not access.has_permission(director, "dossiers.direct_dossier"):
        return [_("De gekozen gebruiker is geen regisseur.")]
    if director.organisation_id is None:
        return [_("De regisseur hoort bij geen organisatie.")]
    return []


def needs_note(dossier, by, data) -> list[str]:
    if data.get("preview"):
        return []
    if not (data.get("note") or "").strip():
        return [_("Geef een toelichting (reden en bestemming).")]
    return []


def needs_close_reason(dossier, by, data) -> list[str]:
    if data.get("preview") or data.get("close_reason"):
        return []
    return [_("Kies de reden van afdoening (coaching/advies, anoniem of geen zorg).")]


def needs_destination(dossier, by, data) -> list[str]:
    if data.get("preview") or (data.get("destination") or "").strip():
        return []
    return [_("Vermeld aan wie de melding wordt overgedragen.")]


def needs_missing_information(dossier, by, data) -> list[str]:
    if data.get("preview") or (data.get("missing_information") or "").strip():
        return []
    return [_("Vermeld welke informatie nog ontbreekt.")]


def needs_first_uvo(dossier, by, data) -> list[str]:
    """The handbook: the first UVO is held before the concept plan goes to the ITAT-R."""
    held = CaseMeeting.objects.filter(dossier=dossier, held_on__lte=timezone.localdate())
    if held.exists():
        return []
    return [_("Het eerste UVO is nog niet gehouden; dat gaat vóór het plan naar het ITAT-R.")]


def needs_plan_items(dossier, by, data) -> list[str]:
    items = PlanItem.objects.filter(dossier=dossier).exclude(status=PlanItemStatus.STOPPED)
    if items.exists():
        return []
    return [_("Het plan van aanpak bevat nog geen (lopende of geplande) interventies.")]


def needs_advice_text(dossier, by, data) -> list[str]:
    if data.get("preview") or advice_text(data):
        return []
    return [_("Leg het advies van het ITAT-R vast.")]


def needs_advisory_advice(dossier, by, data) -> list[str]:
    """No adoption without the ITAT-R's advice on the plan as last submitted."""
    versions = PlanVersion.objects.filter(dossier=dossier)
    submitted = (
        versions.filter(kind__in=[V.SUBMITTED, V.ESCALATED])
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    if submitted is not None and versions.filter(kind=V.ADVICE, number__gt=submitted).exists():
        return []
    return [_("Zonder vastgelegd advies van het ITAT-R kan het plan niet worden vastgesteld.")]


def needs_open_closure_proposal(dossier, by, data) -> list[str]:
    open_proposals = ClosureProposal.objects.filter(dossier=dossier, decision="", advice="")
    if dossier.state == S.WINDING_DOWN:
        open_proposals = open_proposals.filter(kind=ClosureKind.CLOSE)
    if open_proposals.exists():
        return []
    if dossier.state == S.WINDING_DOWN:
        return [_("Stel eerst een afsluitvoorstel op (behaalde doelen, overwegingen).")]
    return [_("Stel eerst een afbouw- of afsluitvoorstel op (behaalde doelen, overwegingen).")]


def needs_advised_closure_proposal(dossier, by, data) -> list[str]:
    """The Regieoverleg decides only on a proposal the ITAT-R has advised on."""
    if ClosureProposal.objects.filter(dossier=dossier, decision="").exclude(advice="").exists():
        return []
    return [
        _(
            "Er ligt geen afbouw- of afsluitvoorstel met advies van het ITAT-R; zonder "
            "voorstel kan het Regieoverleg niet besluiten."
        )
    ]


GUARDS: dict[tuple[S, S], list[Guard]] = {
    (S.REGISTERED, S.TRIAGE_CLOSED): [needs_close_reason],
    (S.REGISTERED, S.REGULAR_TRACK): [needs_destination],
    (S.PRE_ASSESSMENT, S.AWAITING_DECISION): [needs_subject],
    (S.AWAITING_DECISION, S.INCLUDED): [needs_subject, needs_case_director],
    (S.AWAITING_DECISION, S.NOT_INCLUDED): [needs_note, needs_destination],
    (S.AWAITING_DECISION, S.ON_HOLD): [needs_missing_information],
    (S.INCLUDED, S.PLAN_SUBMITTED): [needs_first_uvo, needs_plan_items],
    (S.IN_EXECUTION, S.PLAN_SUBMITTED): [needs_plan_items],
    (S.PLAN_SUBMITTED, S.PLAN_ADVISED): [needs_advice_text],
    (S.PLAN_ADVISED, S.PLAN_DEFINITIVE): [needs_plan_items],
    (S.PLAN_DEFINITIVE, S.PLAN_ADOPTED): [needs_plan_items, needs_advisory_advice],
    (S.IN_EXECUTION, S.CLOSURE_PROPOSED): [needs_open_closure_proposal],
    (S.WINDING_DOWN, S.CLOSURE_PROPOSED): [needs_open_closure_proposal],
    (S.CLOSURE_PROPOSED, S.CLOSURE_ADVISED): [needs_advice_text],
    (S.CLOSURE_ADVISED, S.WINDING_DOWN): [needs_advised_closure_proposal],
    (S.CLOSURE_ADVISED, S.CLOSED): [needs_advised_closure_proposal],
    (S.CLOSURE_ADVISED, S.IN_EXECUTION): [needs_advised_closure_proposal],
}


def decision_date_possible(dossier, by, data) -> list[str]:
    """A decision date (the clocks run from it) is neither after today nor before the dossier
    existed; checked on every step that carries one."""
    day = data.get("decided_on")
    if not day:
        return []
    if day > timezone.localdate():
        return [_("De besluitdatum kan niet in de toekomst liggen.")]
    if dossier.created_at and day < timezone.localdate(dossier.created_at):
        return [
            _("De besluitdatum ligt vóór de registratie van het dossier (%(date)s).")
            % {"date": f"{timezone.localdate(dossier.created_at):%d-%m-%Y}"}
        ]
    return []


def register_guard(source: S, target: S, guard: Guard) -> None:
    """Add ``guard`` after the step's own guards (once: registering twice changes nothing)."""
    guards = GUARDS.setdefault((source, target), [])
    if guard not in guards:
        guards.append(guard)


def reasons_against(dossier, source, target, by, data) -> list[str]:
    """All reasons the guards of this step give against taking it now."""
    reasons: list[str] = list(decision_date_possible(dossier, by, data))
    for guard in GUARDS.get((source, target), []):
        reasons.extend(guard(dossier, by, data))
    return reasons
