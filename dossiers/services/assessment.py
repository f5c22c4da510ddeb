"""The assessment framework (basisdossier): one form, saved by the Voorportaal, completed by the
director.

The page is the programme team's form ``beoordelingskader``; its bound fields (risk groups,
problem areas, other approaches, advice, urgency) are the facts the system acts on. A concept
changes nothing; on submit the bound answers are copied onto the ``Assessment`` row (for
querying by the monitor) and the urgency onto the dossier. The guard reads the submitted
response's bound answers (``assessment_missing``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Assessment, Dossier, PartnerInformation
from dossiers.step_forms import ASSESSMENT_FORM_SLUG, answer_ids, bound_answers
from dossiers.workflow.states import ACTIVE_STATES, PRE_ASSESSMENT_STATES

__all__ = [
    "ASSESSMENT_FORM_SLUG",
    "assessment_draft",
    "assessment_may_edit",
    "assessment_missing",
    "assessment_save",
]


def assessment_may_edit(*, dossier: Dossier, user) -> bool:
    """The Voorportaal during duiding; the case director on their own dossier afterwards."""
    if not access.changeable_dossiers_for(user).filter(pk=dossier.pk).exists():
        return False
    if dossier.state in PRE_ASSESSMENT_STATES:
        return access.has_permission(user, "dossiers.assess_signal")
    if dossier.state in ACTIVE_STATES:
        return dossier.case_director_id == user.pk
    return False


def assessment_draft(*, dossier: Dossier):
    """The open concept of the assessment form for ``dossier``, if any."""
    from forms.selectors import form_draft_for

    return form_draft_for(dossier=dossier, slug=ASSESSMENT_FORM_SLUG)


def assessment_missing(*, dossier: Dossier) -> list[str]:
    """What the basisdossier still lacks before the Regieoverleg can decide (Dutch reasons).

    Read from the submitted response only: a concept counts as not filled in.
    """
    assessment = (
        Assessment.objects.filter(dossier=dossier).select_related("form_response__version").first()
    )
    response = assessment.form_response if assessment is not None else None
    if response is None or response.is_draft:
        reasons = [_("Het beoordelingskader is nog niet ingevuld.")]
        if assessment_draft(dossier=dossier) is not None:
            reasons.append(_("Er is een concept opgeslagen; dien het beoordelingskader in."))
        return reasons
    facts = bound_answers(response)
    missing = []
    if not facts.get("risk_groups"):
        missing.append(_("Kies ten minste één risicogroep."))
    if facts.get("other_approach_known") is None:
        missing.append(_("Ga na of de persoon al in een andere aanpak bekend is."))
    if not facts.get("advice"):
        missing.append(_("Geef een advies aan het Regieoverleg."))
    return missing


def _check_partner_rows(rows: list[dict]) -> None:
    today = timezone.localdate()
    errors = []
    for number, row in enumerate(rows, start=1):
        requested, received = row.get("requested_on"), row.get("received_on")
        if requested and requested > today:
            errors.append(_("Regel %(n)d: de aanvraagdatum ligt in de toekomst.") % {"n": number})
        if received and requested and received < requested:
            errors.append(
                _("Regel %(n)d: ontvangen kan niet vóór opgevraagd liggen.") % {"n": number}
            )
    if errors:
        raise ValidationError({"partners": errors})


def assessment_version(*, dossier: Dossier):
    """The form version this dossier's assessment is filled under: that of its concept, else
    that of its submitted response, else the current one (a response keeps its version)."""
    from forms.selectors import form_version_current

    draft = assessment_draft(dossier=dossier)
    if draft is not None:
        return draft.version
    assessment = Assessment.objects.filter(dossier=dossier).select_related("form_response").first()
    if assessment is not None and assessment.form_response_id:
        return assessment.form_response.version
    return form_version_current(slug=ASSESSMENT_FORM_SLUG)


@transaction.atomic
def assessment_save(
    *, dossier: Dossier, by, form_data, partners: list[dict], submit: bool
) -> Assessment:
    """Save the form's answers and the partner information, as a concept or submitted.

    A concept checks only that each answer is well-formed. Submitting checks every required
    question and copies the bound answers onto the assessment and the dossier's urgency.
    """
    from forms.services import form_response_draft_save, form_response_submit

    if not assessment_may_edit(dossier=dossier, user=by):
        raise PermissionDenied
    _check_partner_rows(partners)
    draft = assessment_draft(dossier=dossier)
    version = assessment_version(dossier=dossier)
    assessment, _created = Assessment.objects.get_or_create(dossier=dossier)
    if submit:
        response = form_response_submit(
            version=version, data=form_data, by=by, dossier=dossier, draft=draft
        )
        _copy_bound_answers(assessment, bound_answers(response))
        assessment.form_response = response
    else:
        form_response_draft_save(
            version=version, data=form_data, by=by, dossier=dossier, draft=draft
        )
    assessment.updated_by = by
    assessment.save()
    assessment.partner_information.all().delete()
    PartnerInformation.objects.bulk_create(
        PartnerInformation(assessment=assessment, **row) for row in partners
    )
    return assessment


def _copy_bound_answers(assessment: Assessment, facts: dict) -> None:
    """Copies for querying (the monitor, the plan's risk group): never entered anywhere else."""
    assessment.advice = facts.get("advice") or ""
    assessment.advice_text = facts.get("advice_reasoning") or ""
    assessment.other_approach_checked = facts.get("other_approach_known") is not None
    assessment.save()
    assessment.risk_groups.set(answer_ids(facts.get("risk_groups")))
    assessment.problem_areas.set(answer_ids(facts.get("problem_areas")))
    assessment.other_approaches.set(
        answer_ids(facts.get("other_approaches")) if facts.get("other_approach_known") else []
    )
    urgent = facts.get("urgent")
    dossier = assessment.dossier
    if urgent is not None and bool(urgent) != dossier.urgent:
        dossier.urgent = bool(urgent)
        dossier.save(update_fields=["urgent"])
