"""The steps filled in through the programme team's forms, and the facts each step reads.

Each step has one form definition (by slug). Its bound fields are declared here and registered
with ``forms.bindings`` at start-up; the answer lists of bound choice fields come from the
reference data the programme team edits (risk groups, problem areas, other approaches,
organisations) or from the model's own choices. Code reads a step's facts from the submitted
response through ``bound_answers``: one place of entry, one place of reading.
"""

from django.utils.translation import gettext_lazy as _

from forms.bindings import Binding, ChoiceSource, register, register_source

ASSESSMENT_FORM_SLUG = "beoordelingskader"
UVO_REPORT_FORM_SLUG = "uvo-verslag"
EVALUATION_FORM_SLUG = "evaluatie"
CLOSURE_FORM_SLUG = "afbouw-afsluitvoorstel"

ASSESSMENT_BINDINGS = (
    Binding(
        "risk_groups",
        "multiple_choice",
        _("Risicogroep(en)"),
        _(
            "het Regieoverleg besluit pas met ten minste één risicogroep, en het plan kiest "
            "interventies per risicogroep. De lijst komt uit de risicogroepen."
        ),
        required=True,
        source="risk_groups",
    ),
    Binding(
        "problem_areas",
        "multiple_choice",
        _("Achterliggende problemen"),
        _(
            "de monitor en de partnerexport tellen de problemen. "
            "De lijst komt uit de probleemgebieden."
        ),
        source="problem_areas",
    ),
    Binding(
        "other_approach_known",
        "yes_no",
        _("Is de persoon bekend in een andere aanpak?"),
        _("het advies kan pas als is nagegaan of de persoon al in een andere aanpak zit."),
        required=True,
    ),
    Binding(
        "other_approaches",
        "multiple_choice",
        _("Welke andere aanpak?"),
        _("zo wordt niemand op twee plekken behandeld. De lijst komt uit de andere aanpakken."),
        source="other_approaches",
    ),
    Binding(
        "advice",
        "single_choice",
        _("Advies aan het Regieoverleg"),
        _("het Regieoverleg besluit op dit advies; zonder advies kan de stap niet."),
        required=True,
        source="assessment_advice",
    ),
    Binding(
        "advice_reasoning",
        "long_text",
        _("Onderbouwing van het advies"),
        _("het Regieoverleg leest de onderbouwing bij het besluit."),
        required=True,
    ),
    Binding(
        "urgent",
        "yes_no",
        _("Is er sprake van spoed?"),
        _("bij spoed mag het basisdossier onvolledig door naar het Regieoverleg."),
        required=True,
    ),
)

CLOSURE_BINDINGS = (
    Binding(
        "kind",
        "single_choice",
        _("Soort voorstel"),
        _("het ITAT-R en het Regieoverleg beslissen over afbouwen of afsluiten."),
        required=True,
        source="closure_kind",
    ),
    Binding(
        "goals_achieved",
        "long_text",
        _("Behaalde doelen"),
        _("het ITAT-R adviseert op grond van de behaalde doelen."),
        required=True,
    ),
    Binding(
        "considerations",
        "long_text",
        _("Overwegingen"),
        _("het Regieoverleg weegt de redenen van het voorstel."),
        required=True,
    ),
    Binding(
        "warm_handover",
        "yes_no",
        _("Warme overdracht?"),
        _("bij afsluiten volgt een warme overdracht; de brief noemt aan wie."),
        required=True,
    ),
    Binding(
        "handover_to",
        "short_text",
        _("Overdracht aan"),
        _("bij warme overdracht: aan wie (organisatie en persoon)."),
    ),
)


def _choices(queryset_fn, label=str):
    def choices():
        return [(str(obj.pk), label(obj)) for obj in queryset_fn()]

    return choices


def _all_labels(model_path: str, label=str):
    def labels():
        from django.apps import apps

        model = apps.get_model(model_path)
        return {str(obj.pk): label(obj) for obj in model.objects.all()}

    return labels


def register_step_forms() -> None:
    """Register the bound fields and their answer lists (from ``DossiersConfig.ready``)."""
    from dossiers.models import Advice, ClosureKind
    from snippets import selectors

    register_source(
        "risk_groups",
        ChoiceSource(_choices(selectors.risk_group_list), _all_labels("catalogue.RiskGroup")),
    )
    register_source(
        "problem_areas",
        ChoiceSource(
            _choices(selectors.problem_area_choices), _all_labels("catalogue.ProblemArea")
        ),
    )
    register_source(
        "other_approaches",
        ChoiceSource(
            _choices(selectors.other_approach_choices), _all_labels("catalogue.OtherApproach")
        ),
    )
    register_source(
        "organisations",
        ChoiceSource(_choices(selectors.organisation_list), _all_labels("catalogue.Organisation")),
    )
    register_source("assessment_advice", ChoiceSource(lambda: Advice.choices))
    register_source("closure_kind", ChoiceSource(lambda: ClosureKind.choices))
    register(ASSESSMENT_FORM_SLUG, ASSESSMENT_BINDINGS)
    register(CLOSURE_FORM_SLUG, CLOSURE_BINDINGS)


def bound_answers(response) -> dict:
    """The answers of a response's bound fields, keyed by binding name (None if unanswered)."""
    if response is None:
        return {}
    return {
        item["binding"]: response.answers.get(item["key"])
        for item in response.version.fields
        if item.get("binding")
    }
