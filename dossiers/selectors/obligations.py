"""Reads of obligations for a person: the "Actie nodig" queue on the dashboard."""

import datetime

from dossiers import access
from dossiers.obligations import Obligation, obligations_open

WEEK = datetime.timedelta(days=7)


def _concerns(obligation: Obligation, user, on: datetime.date) -> bool:
    if obligation.responsible_user_id == user.pk:
        return True
    if obligation.responsible_permission and access.has_permission(
        user, obligation.responsible_permission
    ):
        return True
    escalated = obligation.overdue(on) and access.has_permission(
        user, obligation.escalation_permission
    )
    same_organisation = obligation.escalation_organisation_id in (None, user.organisation_id)
    return escalated and same_organisation


def action_queue_for(*, user, on: datetime.date) -> list[Obligation]:
    """What ``user`` must act on: overdue first, then due within a week; only in their scope."""
    agendas = access.has_permission(user, "dossiers.manage_agenda")
    # The MAP's letters concern dossiers outside its own scope: the letter scope adds them;
    # ``_concerns`` keeps only what the user is responsible for.
    dossiers = access.letter_dossiers_for(user)
    found = obligations_open(on=on, dossiers=dossiers, agendas=agendas)
    return [o for o in found if o.due_on <= on + WEEK and _concerns(o, user, on)]
