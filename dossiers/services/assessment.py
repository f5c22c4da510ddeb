"""The assessment framework (basisdossier): saved by the Voorportaal, completed by the director."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Assessment, Dossier, PartnerInformation
from dossiers.workflow.states import ACTIVE_STATES, PRE_ASSESSMENT_STATES

ASSESSMENT_FORM_SLUG = "beoordelingskader"


def assessment_may_edit(*, dossier: Dossier, user) -> bool:
    """The Voorportaal during duiding; the case director on their own dossier afterwards."""
    if not access.changeable_dossiers_for(user).filter(pk=dossier.pk).exists():
        return False
    if dossier.state in PRE_ASSESSMENT_STATES:
        return access.has_permission(user, "dossiers.assess_signal")
    if dossier.state in ACTIVE_STATES:
        return dossier.case_director_id == user.pk
    return False


def assessment_missing(*, dossier: Dossier) -> list[str]:
    """What the basisdossier still lacks before the Regieoverleg can decide (Dutch reasons)."""
    assessment = Assessment.objects.filter(dossier=dossier).first()
    if assessment is None:
        return [_("Het beoordelingskader is nog niet ingevuld.")]
    missing = []
    if not assessment.risk_groups.exists():
        missing.append(_("Kies ten minste één risicogroep."))
    if not assessment.other_approach_checked:
        missing.append(_("Ga na of de persoon al in een andere aanpak bekend is."))
    if assessment.form_response_id is None:
        missing.append(_("Vul de vragen van het beoordelingskader in."))
    if not assessment.advice:
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


@transaction.atomic
def assessment_save(
    *, dossier: Dossier, by, data: dict, partners: list[dict], form_data: dict | None = None
) -> Assessment:
    """Save the framework with its partner information and (optionally) the form's answers."""
    from forms.selectors import form_version_current
    from forms.services import form_response_submit

    if not assessment_may_edit(dossier=dossier, user=by):
        raise PermissionDenied
    _check_partner_rows(partners)
    response = None
    if form_data is not None:
        version = form_version_current(slug=ASSESSMENT_FORM_SLUG)
        response = form_response_submit(version=version, data=form_data, by=by, dossier=dossier)
    assessment, _created = Assessment.objects.get_or_create(dossier=dossier)
    for field in (
        "risks",
        "other_approach_checked",
        "other_approach_note",
        "advice",
        "advice_text",
    ):
        if field in data:
            setattr(assessment, field, data[field])
    if response is not None:
        assessment.form_response = response
    assessment.updated_by = by
    assessment.save()
    for field in ("risk_groups", "problem_areas", "other_approaches"):
        if field in data:
            getattr(assessment, field).set(data[field])
    assessment.partner_information.all().delete()
    PartnerInformation.objects.bulk_create(
        PartnerInformation(assessment=assessment, **row) for row in partners
    )
    return assessment
