"""Building a complete assessment framework through the real service."""

from dossiers.services.assessment import ASSESSMENT_FORM_SLUG, assessment_save
from forms.selectors import form_version_current
from snippets.models import RiskGroup

SAMPLE_ANSWERS = {
    "single_choice": lambda field: field["choices"][0],
    "multiple_choice": lambda field: [field["choices"][0]],
    "scale": lambda field: "3",
    "yes_no": lambda field: "ja",
    "date": lambda field: "2026-01-05",
    "number": lambda field: "1",
}


def valid_answers(slug: str = ASSESSMENT_FORM_SLUG) -> dict:
    """An answer for every required question of the current version of form ``slug``."""
    version = form_version_current(slug=slug)
    return {
        field["key"]: SAMPLE_ANSWERS.get(field["type"], lambda f: "Fictieve toelichting")(field)
        for field in version.fields
        if field.get("required")
    }


def assessment_complete(*, dossier, by):
    """A framework with everything the Regieoverleg needs, saved as the Voorportaal would."""
    return assessment_save(
        dossier=dossier,
        by=by,
        data={
            "risk_groups": list(RiskGroup.objects.filter(number=4)),
            "risks": "Fictief risico",
            "other_approach_checked": True,
            "advice": "include",
            "advice_text": "Opnemen",
        },
        partners=[],
        form_data=valid_answers(),
    )
