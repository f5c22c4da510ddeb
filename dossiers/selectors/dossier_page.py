"""Everything the dossier page shows, read in one place: ``dossier_page`` returns a ``DossierPage``.

The view (``dossiers.views.dossier.DossierInspectView``) adds only its URL names; what the
user may do here is part of the page, read from the same rules the actions themselves check.
"""

import datetime
from dataclasses import dataclass, fields

from dossiers import access
from dossiers.execution.plan_services import plan_may_edit
from dossiers.execution.selectors import dossier_workspace
from dossiers.letters.rule import letter_rule
from dossiers.letters.selectors import dossier_letters
from dossiers.meetings.selectors import dossier_agenda_slots
from dossiers.obligations import EXECUTION_STATES, dossier_obligations
from dossiers.selectors.dossiers import (
    dossier_assessment,
    dossier_family,
    dossier_history,
    dossier_signals,
    dossier_step_responses,
    dossier_steps_for,
)
from dossiers.services.assessment import (
    ASSESSMENT_FORM_SLUG,
    assessment_draft,
    assessment_may_edit,
    assessment_missing,
)
from dossiers.services.closure import PROPOSAL_STATES
from dossiers.services.intervals import uvo_interval_may_set
from dossiers.services.relations import (
    family_approach_may_set,
    relation_may_add,
    relative_may_record,
)


@dataclass(frozen=True)
class DossierPage:
    """The dossier page's data: its sections, and what the user may do on it."""

    subject: object
    history: list
    signals: object
    # the assessment
    assessment: object
    assessment_missing: list
    assessment_earlier: list
    assessment_draft: object
    may_edit_assessment: bool
    # the person's family and the notification letters
    family: object
    may_change: bool
    may_record_family: bool
    may_set_family_approach: bool
    letter_warnings: list
    letters: object
    may_open_letters: bool
    # steps, deadlines and meetings
    steps: list
    deadlines: list
    may_set_uvo_interval: bool
    agenda_slots: object
    may_view_agenda: bool
    # the plan and its execution
    space: object
    may_edit_plan: bool
    may_direct: bool
    may_evaluate: bool
    may_propose: bool

    def as_context(self) -> dict:
        """The fields as template context (shallow: the objects themselves, not copies)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


def _earlier_assessments(dossier, current_id) -> list:
    return [
        response
        for response in dossier_step_responses(dossier=dossier, slug=ASSESSMENT_FORM_SLUG)
        if response.pk != current_id and not response.is_draft
    ]


def dossier_page(
    *, dossier, user, today: datetime.date, plan_page=1, contact_page=1, agreement_page=1
) -> DossierPage:
    """The dossier page of ``dossier`` for ``user`` (who may see it: the view is scoped)."""
    assessment = dossier_assessment(dossier=dossier)
    may_direct = access.directed_dossiers_for(user).filter(pk=dossier.pk).exists()
    return DossierPage(
        subject=dossier.subject,
        history=dossier_history(dossier=dossier),
        signals=dossier_signals(dossier=dossier),
        assessment=assessment,
        assessment_missing=assessment_missing(dossier=dossier),
        assessment_earlier=_earlier_assessments(
            dossier, assessment.form_response_id if assessment else None
        ),
        assessment_draft=assessment_draft(dossier=dossier),
        may_edit_assessment=assessment_may_edit(dossier=dossier, user=user),
        family=dossier_family(dossier=dossier, user=user),
        may_change=relation_may_add(dossier=dossier, user=user),
        may_record_family=relative_may_record(dossier=dossier, user=user),
        may_set_family_approach=family_approach_may_set(dossier=dossier, user=user),
        letter_warnings=letter_rule(dossier).warnings if dossier.included_on else [],
        letters=dossier_letters(dossier=dossier),
        may_open_letters=access.has_permission(user, "dossiers.view_notificationletter"),
        steps=dossier_steps_for(dossier=dossier, user=user),
        deadlines=dossier_obligations(dossier=dossier),
        may_set_uvo_interval=uvo_interval_may_set(dossier=dossier, user=user),
        agenda_slots=dossier_agenda_slots(dossier=dossier, on=today),
        may_view_agenda=access.has_permission(user, "dossiers.view_agendaitem"),
        space=dossier_workspace(
            dossier=dossier,
            user=user,
            plan_page=plan_page,
            contact_page=contact_page,
            agreement_page=agreement_page,
        ),
        may_edit_plan=plan_may_edit(dossier=dossier, user=user),
        may_direct=may_direct,
        may_evaluate=may_direct and dossier.state in EXECUTION_STATES,
        may_propose=may_direct and dossier.state in PROPOSAL_STATES,
    )
