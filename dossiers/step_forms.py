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

UVO_BINDINGS = (
    Binding(
        "held_on",
        "date",
        _("Datum UVO"),
        _("de termijn voor het volgende UVO telt vanaf deze datum."),
        required=True,
    ),
    Binding(
        "participant_organisations",
        "multiple_choice",
        _("Deelnemende organisaties"),
        _("de monitor telt welke partners meedoen. De lijst komt uit de organisaties."),
        source="organisations",
    ),
    Binding(
        "participant_contacts",
        "multiple_choice",
        _("Deelnemende contactpersonen"),
        _("de lijst komt uit de contactpersonen van dit dossier."),
        source="dossier_contacts",
    ),
    Binding(
        "agreements",
        "agreements",
        _("Afspraken"),
        _(
            "elke afspraak (wie, wat, uiterlijk wanneer) staat open op de dossierpagina tot "
            "hij is afgevinkt."
        ),
    ),
    Binding(
        "escalation",
        "yes_no",
        _("Stagneert de uitvoering?"),
        _("bij stagnatie schaalt de regisseur op naar het ITAT-R; de monitor telt het."),
        required=True,
    ),
    Binding(
        "escalation_note",
        "long_text",
        _("Toelichting en opschaling"),
        _("bij stagnatie moet de regisseur uitleggen wat er nodig is."),
    ),
)

EVALUATION_BINDINGS = (
    Binding(
        "evaluated_on",
        "date",
        _("Datum evaluatie"),
        _("de termijn voor de volgende evaluatie telt vanaf deze datum."),
        required=True,
    ),
    Binding(
        "item_results",
        "plan_item_results",
        _("Doelbereik per interventie"),
        _("het plan en de monitor tonen per interventie het resultaat en het doelbereik."),
        source="dossier_plan_items",
        row_source="goal_attainment",
    ),
    Binding(
        "judgement",
        "single_choice",
        _("Oordeel en voorstel"),
        _("het oordeel bepaalt het vervolg: voortzetten, bijstellen, opschalen of afronden."),
        required=True,
        source="judgement",
    ),
    Binding(
        "judgement_note",
        "long_text",
        _("Overwegingen"),
        _("de toelichting bij het oordeel staat bij de evaluatie op de dossierpagina."),
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


def _dossier_contacts(dossier):
    from dossiers.models import Contact

    if dossier is None:
        return []
    return [(c.pk, str(c)) for c in Contact.objects.filter(dossier=dossier, active=True)]


def _contact_labels(values):
    from dossiers.models import Contact

    return {c.pk: str(c) for c in Contact.objects.filter(pk__in=answer_ids(values))}


def _evaluated_plan_items(dossier):
    """The plan items an evaluation looks at: those started, else all of the plan."""
    from dossiers.execution.selectors import plan_items_of
    from dossiers.models import PlanItemStatus

    if dossier is None:
        return []
    items = list(plan_items_of(dossier=dossier))
    started = [i for i in items if i.status != PlanItemStatus.PLANNED]
    return [(i.pk, i.intervention.name) for i in (started or items)]


def register_step_forms() -> None:
    """Register the bound fields and their answer lists (from ``DossiersConfig.ready``)."""
    from dossiers.models import Advice, ClosureKind, GoalAttainment, Judgement
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
    register_source("judgement", ChoiceSource(lambda: Judgement.choices))
    register_source("goal_attainment", ChoiceSource(lambda: GoalAttainment.choices))
    register_source(
        "dossier_contacts", ChoiceSource(_dossier_contacts, _contact_labels, per_dossier=True)
    )
    register_source("dossier_plan_items", ChoiceSource(_evaluated_plan_items, per_dossier=True))
    register(ASSESSMENT_FORM_SLUG, ASSESSMENT_BINDINGS)
    register(UVO_REPORT_FORM_SLUG, UVO_BINDINGS)
    register(EVALUATION_FORM_SLUG, EVALUATION_BINDINGS)
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


def answer_ids(values) -> list[int]:
    """The primary keys a bound choice answer holds (stored as text), ignoring anything else."""
    return [int(value) for value in values or [] if str(value).isdigit()]
