"""Who may see which dossier, written out by hand from docs/roles.md ("Who sees which
dossiers"), never read from ``dossiers/access.py``: the walkers compare the app against this
table, so a scope change needs two edits that agree (the code and this table).

A row is (states the role sees, the relation it needs to the dossier). Relations:
- ``ANY``: whoever the case director is;
- ``OWN``: the user is the dossier's case director;
- ``ORGANISATION``: the case director belongs to the user's organisation.
"""

ANY, OWN, ORGANISATION = "any", "own", "organisation"

INTAKE = frozenset({"registered", "triage_closed", "regular_track"})
VOORPORTAAL = frozenset({"pre_assessment", "awaiting_decision", "on_hold"})
STEERING = frozenset(
    {
        "awaiting_decision",
        "on_hold",
        "not_included",
        "included",
        "plan_submitted",
        "plan_advised",
        "plan_definitive",
        "plan_adopted",
        "in_execution",
        "closure_proposed",
        "closure_advised",
        "winding_down",
        "closed",
    }
)
# Every state but "archived": archived dossiers are in nobody's scope.
UNTIL_ARCHIVED = INTAKE | VOORPORTAAL | STEERING

# role key (tests.factories.dossiers.ROLE_KEYS) -> rows
DOSSIER_SCOPE: dict[str, list[tuple[frozenset, str]]] = {
    "map": [(INTAKE, ANY)],
    "politie": [(INTAKE, ANY)],
    "voorportaal": [(VOORPORTAAL, ANY)],
    "regieoverleg": [(STEERING, ANY)],
    "secretaris": [(STEERING, ANY)],
    "regisseur": [(UNTIL_ARCHIVED, OWN)],
    "itatr": [(UNTIL_ARCHIVED, ORGANISATION)],
    "programmateam": [],
    "beheer": [],
}

# The letter views reach further, on purpose (docs/roles.md): the MAP makes and registers the
# letters of every included dossier from "opgenomen" up to "in afbouw".
LETTER_STATES = frozenset(
    {
        "included",
        "plan_submitted",
        "plan_advised",
        "plan_definitive",
        "plan_adopted",
        "in_execution",
        "closure_proposed",
        "closure_advised",
        "winding_down",
    }
)
LETTER_SCOPE: dict[str, list[tuple[frozenset, str]]] = {"map": [(LETTER_STATES, ANY)]}


def relation(user, dossier) -> set[str]:
    """The relations ``user`` has to ``dossier``."""
    found = {ANY}
    director = dossier.case_director
    if director is not None and director.pk == user.pk:
        found.add(OWN)
    if director is not None and user.organisation_id is not None:
        if director.organisation_id == user.organisation_id:
            found.add(ORGANISATION)
    return found


def sees(role: str, user, dossier, *, letters: bool = False) -> bool:
    """Whether the table lets ``role`` (as ``user``) see ``dossier`` (or its letters)."""
    rows = list(DOSSIER_SCOPE[role])
    if letters:
        rows += LETTER_SCOPE.get(role, [])
        if dossier.included_on is None:
            rows = list(DOSSIER_SCOPE[role])
    held = relation(user, dossier)
    return any(dossier.state in states and need in held for states, need in rows)
