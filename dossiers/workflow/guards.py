"""Guards: functions that say, in Dutch, why an allowed step is not possible yet.

A guard takes ``(dossier, by, data)`` and returns a list of reasons (empty: fine).
Later features register their guards here against a (source, target) pair.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from dossiers import access
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


def needs_complete_assessment(dossier, by, data) -> list[str]:
    """Urgent (spoed) signals may go on incomplete; the case director completes them later."""
    if dossier.urgent:
        return []
    from dossiers.services.assessment import assessment_missing

    return assessment_missing(dossier=dossier)


GUARDS: dict[tuple[S, S], list[Guard]] = {
    (S.REGISTERED, S.TRIAGE_CLOSED): [needs_close_reason],
    (S.REGISTERED, S.REGULAR_TRACK): [needs_destination],
    (S.PRE_ASSESSMENT, S.AWAITING_DECISION): [needs_subject, needs_complete_assessment],
    (S.AWAITING_DECISION, S.INCLUDED): [needs_subject, needs_case_director],
    (S.AWAITING_DECISION, S.NOT_INCLUDED): [needs_note, needs_destination],
    (S.AWAITING_DECISION, S.ON_HOLD): [needs_missing_information],
}


def reasons_against(dossier, source, target, by, data) -> list[str]:
    """All reasons the guards of this step give against taking it now."""
    reasons: list[str] = []
    for guard in GUARDS.get((source, target), []):
        reasons.extend(guard(dossier, by, data))
    return reasons
