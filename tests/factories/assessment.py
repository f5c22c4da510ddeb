"""Building a complete assessment framework through the real service."""

from dossiers.services.assessment import ASSESSMENT_FORM_SLUG, assessment_save
from forms.rendering import build_form
from forms.selectors import form_version_current
from snippets.models import RiskGroup

SAMPLE_ANSWERS = {
    "single_choice": lambda choices: choices[0],
    "multiple_choice": lambda choices: [choices[0]],
    "scale": lambda choices: "3",
    "yes_no": lambda choices: "ja",
    "date": lambda choices: "2026-01-05",
    "number": lambda choices: "1",
}


def _text(choices) -> str:
    return "Fictieve toelichting"


def valid_answers(slug: str = ASSESSMENT_FORM_SLUG, *, version=None, overrides=None) -> dict:
    """An answer for every required question of (the current version of) form ``slug``.

    Choices are taken from the built form, so bound fields answer from their reference data.
    ``overrides`` maps binding names to answers (e.g. ``{"risk_groups": [str(pk)]}``).
    """
    version = version or form_version_current(slug=slug)
    form = build_form(version)
    overrides = overrides or {}
    answers = {}
    for field in version.fields:
        if field["type"] == "heading":
            continue
        if field.get("binding") in overrides:
            answers[field["key"]] = overrides[field["binding"]]
            continue
        if not field.get("required"):
            continue
        choices = [
            str(value) for value, _label in getattr(form.fields[field["key"]], "choices", [])
        ]
        answers[field["key"]] = SAMPLE_ANSWERS.get(field["type"], lambda c: "Fictieve toelichting")(
            [c for c in choices if c]
        )
    return answers


def assessment_answers(**overrides) -> dict:
    """Answers of a complete assessment: risk group 4, not in another approach, advice include."""
    facts = {
        "risk_groups": [str(RiskGroup.objects.get(number=4).pk)],
        "other_approach_known": "nee",
        "advice": "include",
        "advice_reasoning": "Opnemen",
        "urgent": "nee",
    }
    facts.update(overrides)
    return valid_answers(overrides=facts)


def assessment_complete(*, dossier, by):
    """A framework with everything the Regieoverleg needs, submitted as the Voorportaal would."""
    return assessment_save(
        dossier=dossier, by=by, form_data=assessment_answers(), partners=[], submit=True
    )
