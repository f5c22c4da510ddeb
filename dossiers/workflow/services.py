"""The one service that takes every step of the state machine."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Dossier, DossierStatusChange
from dossiers.workflow.effects import apply_effects
from dossiers.workflow.guards import reasons_against
from dossiers.workflow.states import DossierState
from dossiers.workflow.transitions import TRANSITION_MAP


class TransitionNotAllowed(Exception):
    """A step that the table, the user's permissions or a guard forbids; carries Dutch reasons."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("; ".join(str(r) for r in reasons))


def transition_reasons(*, dossier: Dossier, to: str, by, data: dict | None = None) -> list[str]:
    """Why ``by`` may not move ``dossier`` to ``to`` now; empty when the step is possible."""
    data = {"note": "", **(data or {})}
    step = TRANSITION_MAP.get((dossier.state, to))
    if step is None:
        return [
            _("Van “%(source)s” kan een dossier niet naar “%(target)s”.")
            % {
                "source": DossierState(dossier.state).label,
                "target": DossierState(to).label,
            }
        ]
    if not access.has_permission(by, f"dossiers.{step.permission}"):
        return [_("U mag deze stap (%(step)s) niet zetten.") % {"step": step.label}]
    return reasons_against(dossier, dossier.state, to, by, data)


def dossier_transition(*, dossier: Dossier, to: str, by, note: str = "", **data) -> Dossier:
    """Take one step: lock the row, check table + permission + guards, record history."""
    with transaction.atomic():
        if not access.dossiers_for(by).filter(pk=dossier.pk).exists():
            raise TransitionNotAllowed([_("Dit dossier is niet (meer) toegankelijk voor u.")])
        # Lock the row alone: PostgreSQL refuses FOR UPDATE across the scope's outer joins.
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        reasons = transition_reasons(dossier=locked, to=to, by=by, data={"note": note, **data})
        if reasons:
            raise TransitionNotAllowed(reasons)
        now = timezone.now()
        source = locked.state
        locked.state = to
        locked.state_changed_at = now
        apply_effects(locked, source=source, target=to, by=by, now=now, data={"note": note, **data})
        locked.save()
        DossierStatusChange.objects.create(
            dossier=locked, from_state=source, to_state=to, by=by, at=now, note=note
        )
    dossier.refresh_from_db()
    return dossier


def dossier_create(*, by, subject=None, urgent: bool = False, note: str = "") -> Dossier:
    """Open a new case in its first state, with the first row of its status history."""
    dossier = Dossier.objects.create(
        subject=subject, urgent=urgent, state_changed_at=timezone.now()
    )
    DossierStatusChange.objects.create(
        dossier=dossier,
        from_state="",
        to_state=DossierState.REGISTERED,
        by=by,
        at=dossier.state_changed_at,
        note=note,
    )
    return dossier
