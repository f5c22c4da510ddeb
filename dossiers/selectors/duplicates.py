"""The duplicate check: is this person already a subject, in an open signal, or on a list?

Fuzzy on the name, exact on the birth date: the birth date narrows the candidates in the
database (indexed), the name comparison runs in Python over that handful of rows.
"""

import datetime
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from dossiers.models import Signal, Subject
from dossiers.workflow.states import DossierState

NAME_THRESHOLD = 0.8
OPEN_SIGNAL_STATES = (
    DossierState.REGISTERED,
    DossierState.PRE_ASSESSMENT,
    DossierState.AWAITING_DECISION,
    DossierState.ON_HOLD,
)
_PARTICLES = {
    "van",
    "der",
    "den",
    "de",
    "het",
    "ten",
    "ter",
    "te",
    "la",
    "le",
    "el",
    "al",
    "bin",
    "ben",
}


@dataclass(frozen=True)
class Candidate:
    kind: str  # "subject", "signal"
    dossier_id: int
    dossier_reference: str
    state_label: str
    name: str
    birth_date: datetime.date | None
    score: float


def normalise_name(name: str) -> str:
    """Lower case, no accents, no particles (van, de, el...), single spaces."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w for w in ascii_name.lower().replace("-", " ").split() if w not in _PARTICLES]
    return " ".join(words)


def name_similarity(a: str, b: str) -> float:
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return 0.0
    return max(
        SequenceMatcher(None, a, b).ratio(),
        SequenceMatcher(None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))).ratio(),
    )


def _subject_candidates(full_name: str, subjects) -> dict[int, Candidate]:
    found: dict[int, Candidate] = {}
    for subject in subjects.prefetch_related("dossiers"):
        score = name_similarity(full_name, str(subject))
        if score < NAME_THRESHOLD:
            continue
        for dossier in subject.dossiers.all():
            if dossier.state != DossierState.ARCHIVED:
                found[dossier.pk] = Candidate(
                    "subject",
                    dossier.pk,
                    dossier.reference,
                    dossier.get_state_display(),
                    str(subject),
                    subject.birth_date,
                    round(score, 2),
                )
    return found


def _signal_candidates(full_name: str, signals) -> dict[int, Candidate]:
    found: dict[int, Candidate] = {}
    open_signals = signals.filter(dossier__state__in=OPEN_SIGNAL_STATES).select_related("dossier")
    for signal in open_signals:
        score = name_similarity(full_name, signal.person_name)
        if score >= NAME_THRESHOLD:
            found[signal.dossier_id] = Candidate(
                "signal",
                signal.dossier_id,
                signal.dossier.reference,
                signal.dossier.get_state_display(),
                signal.person_name,
                signal.person_birth_date,
                round(score, 2),
            )
    return found


def duplicate_candidates(
    *, first_name: str, last_name: str, birth_date: datetime.date | None
) -> list[Candidate]:
    """Known subjects and open signals that may be the same person, best match first."""
    full_name = f"{first_name} {last_name}".strip()
    if not full_name:
        return []
    if birth_date:
        subjects = Subject.objects.filter(birth_date=birth_date)
        signals = Signal.objects.filter(person_birth_date=birth_date)
    else:
        subjects = Subject.objects.filter(last_name__iexact=last_name.strip())
        signals = Signal.objects.filter(person_last_name__iexact=last_name.strip())
    candidates = _signal_candidates(full_name, signals)
    candidates.update(_subject_candidates(full_name, subjects))
    return sorted(candidates.values(), key=lambda c: (-c.score, c.dossier_reference))


@dataclass(frozen=True)
class ListMatch:
    """A person on another approach's list who may be the same person."""

    other_approach: str
    contact: str
    reference: str
    name: str
    birth_date: datetime.date
    score: float


LIST_PERMISSION = "catalogue.view_otherapproachlistentry"


def other_approach_matches(
    *, user, first_name: str, last_name: str, birth_date: datetime.date | None
) -> list[ListMatch]:
    """People on other approaches' lists with the exact birth date and a similar name.

    Only for roles that may see those lists (intake, pre-assessment desk, administrators);
    without a birth date there is no match (the lists always carry one).
    """
    from dossiers import access

    if not access.has_permission(user, LIST_PERMISSION):
        return []
    return list_matches(first_name=first_name, last_name=last_name, birth_date=birth_date)


def list_matches(
    *, first_name: str, last_name: str, birth_date: datetime.date | None
) -> list[ListMatch]:
    """The matching itself, without a user: the decision guard and the agenda item use it."""
    from snippets.models import OtherApproachListEntry

    full_name = f"{first_name} {last_name}".strip()
    if not full_name or not birth_date:
        return []
    entries = OtherApproachListEntry.objects.filter(birth_date=birth_date).select_related(
        "other_approach"
    )
    matches = []
    for entry in entries:
        score = name_similarity(full_name, str(entry))
        if score >= NAME_THRESHOLD:
            matches.append(
                ListMatch(
                    entry.other_approach.name,
                    entry.other_approach.contact,
                    entry.reference,
                    str(entry),
                    entry.birth_date,
                    round(score, 2),
                )
            )
    return sorted(matches, key=lambda m: (-m.score, m.other_approach, m.reference))


def dossier_list_matches(dossier) -> list[ListMatch]:
    """Matches of the dossier's person (the subject, else the latest signal's person) in the
    imported lists of other approaches: shown on the assessment and the agenda item, and a
    decision to include needs an explicit confirmation while there is one."""
    if dossier.subject_id:
        person = dossier.subject
        return list_matches(
            first_name=person.first_name, last_name=person.last_name, birth_date=person.birth_date
        )
    signal = dossier.signals.order_by("-received_on", "-pk").first()
    if signal is None:
        return []
    return list_matches(
        first_name=signal.person_first_name,
        last_name=signal.person_last_name,
        birth_date=signal.person_birth_date,
    )
