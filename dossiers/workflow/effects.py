"""Effects of a step on the dossier's own fields, applied inside the step's transaction.

Side effects outside the database (mail, jobs) are queued with ``transaction.on_commit``.
"""

from django.utils import timezone

from dossiers.workflow.states import DossierState as S


def _appoint_case_director(dossier, *, data, now, **_):
    director = data.get("case_director") or dossier.case_director
    dossier.case_director = director
    dossier.case_director_organisation_id = director.organisation_id
    dossier.included_on = timezone.localdate(now)


def _propose_letters(dossier, **_):
    """The notification letters that are due on inclusion (handbook ch. 2): the MAP sends them."""
    from dossiers.services.letters import letters_propose

    letters_propose(dossier=dossier)


def _close(dossier, *, now, **_):
    dossier.closed_on = timezone.localdate(now)


EFFECTS = {
    (S.AWAITING_DECISION, S.INCLUDED): [_appoint_case_director, _propose_letters],
    (S.CLOSURE_ADVISED, S.CLOSED): [_close],
}


def apply_effects(dossier, *, source, target, by, now, data) -> None:
    for effect in EFFECTS.get((source, target), []):
        effect(dossier, by=by, now=now, data=data)
