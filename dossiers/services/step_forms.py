"""Concepts and submissions of a step's form (the UVO report, the evaluation, the proposal).

A concept keeps what was typed and changes nothing else; it is pinned to the form version it
was started under, and the submission uses that same version. The step's own service (e.g.
``case_meeting_submit``) calls ``step_form_submit`` inside its transaction and reads the facts
from the submitted response's bound answers.
"""

from collections.abc import Mapping

from dossiers.models import Dossier
from dossiers.step_forms import bound_answers


def step_form_draft(*, dossier: Dossier, slug: str):
    from forms.selectors import form_draft_for

    return form_draft_for(dossier=dossier, slug=slug)


def step_form_version(*, dossier: Dossier, slug: str):
    """The version of the open concept, else the current published version."""
    from forms.selectors import form_version_current

    draft = step_form_draft(dossier=dossier, slug=slug)
    return draft.version if draft is not None else form_version_current(slug=slug)


def step_form_save_draft(*, dossier: Dossier, by, slug: str, data: Mapping):
    """Keep the typed answers as the step's concept (every question optional)."""
    from dossiers.execution.plan_services import directed_dossier_check
    from forms.services import form_response_draft_save

    directed_dossier_check(dossier=dossier, by=by)
    draft = step_form_draft(dossier=dossier, slug=slug)
    version = draft.version if draft is not None else step_form_version(dossier=dossier, slug=slug)
    return form_response_draft_save(version=version, data=data, by=by, dossier=dossier, draft=draft)


def step_form_submit(*, dossier: Dossier, by, slug: str, data: Mapping | None = None):
    """Submit the step's form (the concept becomes the response); returns (response, facts).

    Without ``data`` the stored concept is submitted as it is (after a confirmation).
    """
    from forms.services import form_response_submit

    draft = step_form_draft(dossier=dossier, slug=slug)
    version = draft.version if draft is not None else step_form_version(dossier=dossier, slug=slug)
    if data is None:
        data = dict(draft.answers) if draft is not None else {}
    response = form_response_submit(version=version, data=data, by=by, dossier=dossier, draft=draft)
    return response, bound_answers(response)
