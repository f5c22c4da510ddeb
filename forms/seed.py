"""The three forms the system starts with; the programme team changes them in the admin.

Used by the data migration ``0002_seed_forms`` with the historical models, so it reads and
writes through ``apps.get_model`` only. Each field: (type, label, help text, required, extra).
"""

from django.utils import timezone

from forms.schema import definition_snapshot

RISK_GROUPS = "\n".join(
    [
        "(Potentiële) terroristen en (getraumatiseerde) terugkeerders",
        "Ronselaars voor extremistische of terroristische organisaties",
        "(Potentiële en verijdelde) uitreizigers",
        "Radicaliserende individuen en groepen",
        "Familie van uitreizigers en terugkeerders",
    ]
)

ASSESSMENT = (
    "beoordelingskader",
    "Beoordelingskader (basisdossier)",
    "Het Voorportaal duidt de melding: risicoprofiel, probleemdiagnose, informatie van "
    "partners, andere aanpakken en een advies aan het Regieoverleg.",
    [
        ("heading", "Het signaal", "Waar komt de melding vandaan en wat is er gemeld?", False, {}),
        (
            "single_choice",
            "Bron van het signaal",
            "",
            True,
            {
                "choices": "\n".join(
                    [
                        "School of docent",
                        "Professional",
                        "Ouder of familielid",
                        "AIVD-ambtsbericht",
                        "Politie",
                        "Anoniem",
                        "Anders",
                    ]
                )
            },
        ),
        ("long_text", "Beschrijving van het signaal", "", True, {}),
        (
            "heading",
            "Risicoprofiel",
            "Welke risico's zijn er en tot welke risicogroep(en) behoort de persoon?",
            False,
            {},
        ),
        ("multiple_choice", "Risicogroep(en)", "", True, {"choices": RISK_GROUPS}),
        ("long_text", "Risico's", "Voor de persoon zelf en voor de omgeving.", True, {}),
        ("scale", "Ernst van de zorg", "1 = gering, 5 = zeer ernstig.", True, {}),
        (
            "heading",
            "Probleemdiagnose",
            "Welke achterliggende problemen spelen, voor zover bekend?",
            False,
            {},
        ),
        (
            "multiple_choice",
            "Achterliggende problemen",
            "",
            False,
            {
                "choices": "\n".join(
                    [
                        "Psychische problematiek",
                        "Verslaving",
                        "Huiselijke situatie of opvoeding",
                        "School of werk",
                        "Huisvesting",
                        "Financiën of schulden",
                        "Justitiële voorgeschiedenis",
                        "Sociaal netwerk",
                        "Identiteit en zingeving",
                    ]
                )
            },
        ),
        ("long_text", "Toelichting op de problemen", "", False, {}),
        (
            "heading",
            "Informatie van partners",
            "Haal informatie op bij elke partner die de persoon kent.",
            False,
            {},
        ),
        (
            "long_text",
            "Informatie per partner",
            "Noem per partner wat bekend is en sinds wanneer.",
            False,
            {},
        ),
        (
            "yes_no",
            "Is de persoon bekend in een andere aanpak?",
            "Zo wordt niemand op twee plekken behandeld.",
            True,
            {},
        ),
        (
            "multiple_choice",
            "Welke andere aanpak?",
            "",
            False,
            {"choices": "\n".join(["Top600", "Top1000", "Treiteraanpak", "Anders"])},
        ),
        ("heading", "Advies", "", False, {}),
        (
            "single_choice",
            "Advies aan het Regieoverleg",
            "",
            True,
            {
                "choices": "\n".join(
                    ["Opnemen in de aanpak", "Niet opnemen", "Aanhouden: meer informatie nodig"]
                )
            },
        ),
        ("long_text", "Onderbouwing van het advies", "", True, {}),
        (
            "yes_no",
            "Is er sprake van spoed?",
            "Bij spoed mag het basisdossier onvolledig doorgaan; de regisseur vult het aan.",
            True,
            {},
        ),
    ],
)

EVALUATION = (
    "evaluatie",
    "Evaluatie plan van aanpak",
    "De regisseur evalueert periodiek het plan van aanpak en de interventies, samen met de "
    "UVO-partners.",
    [
        ("date", "Datum evaluatie", "", True, {}),
        ("heading", "Voortgang", "", False, {}),
        (
            "scale",
            "Voortgang van het plan van aanpak",
            "1 = geen voortgang, 5 = alle doelen bereikt.",
            True,
            {},
        ),
        ("long_text", "Welke doelen zijn bereikt?", "", False, {}),
        ("long_text", "Welke interventies lopen vast, en waarom?", "", False, {}),
        ("heading", "Risico's", "", False, {}),
        (
            "single_choice",
            "Ontwikkeling van de risico's",
            "Sinds de vorige evaluatie.",
            True,
            {"choices": "\n".join(["Afgenomen", "Gelijk gebleven", "Toegenomen"])},
        ),
        ("long_text", "Toelichting op de risico's", "", False, {}),
        ("heading", "Vervolg", "", False, {}),
        (
            "single_choice",
            "Voorstel",
            "",
            True,
            {
                "choices": "\n".join(
                    [
                        "Plan voortzetten",
                        "Plan bijstellen",
                        "Afbouwvoorstel",
                        "Afsluitvoorstel",
                        "Terug naar het ITAT-R",
                    ]
                )
            },
        ),
        (
            "long_text",
            "Overwegingen",
            "Welke doelen zijn behaald en wat weegt mee in het voorstel?",
            False,
            {},
        ),
    ],
)

UVO_REPORT = (
    "uvo-verslag",
    "Verslag uitvoerdersoverleg (UVO)",
    "De regisseur zit het UVO voor en legt de afspraken vast: wie doet wat, wanneer.",
    [
        ("date", "Datum UVO", "", True, {}),
        ("yes_no", "Is dit het eerste UVO?", "Het eerste UVO is vóór het ITAT-R.", True, {}),
        ("short_text", "Aanwezigen", "Namen en organisaties.", True, {}),
        ("number", "Aantal aanwezige partners", "", False, {"min_value": 1, "max_value": 50}),
        ("heading", "Bespreking", "", False, {}),
        ("long_text", "Stand van zaken per interventie", "", False, {}),
        ("long_text", "Afspraken", "Wie doet wat, wanneer, en wat levert het op?", True, {}),
        ("yes_no", "Stagneert de uitvoering?", "", True, {}),
        (
            "long_text",
            "Toelichting en opschaling",
            "Bij stagnatie: wat is nodig, en gaat het terug naar het ITAT-R?",
            False,
            {},
        ),
        ("date", "Datum volgend UVO", "Uitgangspunt: eens per acht weken.", False, {}),
    ],
)

FORMS = (ASSESSMENT, EVALUATION, UVO_REPORT)
SLUGS = tuple(form[0] for form in FORMS)


def seed(apps) -> None:
    """Create and publish the three forms (version 1), unless a form with the slug exists."""
    Definition = apps.get_model("structuredforms", "FormDefinition")
    now = timezone.now()
    for slug, title, intro, fields in FORMS:
        if not Definition.objects.filter(slug=slug).exists():
            create_form(apps, slug, title, intro, fields, now)


def create_form(apps, slug: str, title: str, intro: str, fields, now):
    """One form definition with its rows, published as version 1 (no bound fields)."""
    from forms.models.field import derive_key

    Definition = apps.get_model("structuredforms", "FormDefinition")
    Field = apps.get_model("structuredforms", "FormField")
    Version = apps.get_model("structuredforms", "FormVersion")
    definition = Definition.objects.create(
        slug=slug,
        title=title,
        intro=intro,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )
    Field.objects.bulk_create(
        Field(
            definition=definition,
            sort_order=order,
            field_type=kind,
            label=label,
            key=derive_key(label),
            help_text=help_text,
            required=required,
            choices=extra.get("choices", ""),
            min_value=extra.get("min_value"),
            max_value=extra.get("max_value"),
            # the binding column exists from structuredforms 0100 on
            **({"binding": extra["binding"]} if "binding" in extra else {}),
        )
        for order, (kind, label, help_text, required, extra) in enumerate(fields)
    )
    schema = definition_snapshot(
        definition, Field.objects.filter(definition=definition).order_by("sort_order")
    )
    Version.objects.create(definition=definition, number=1, published_at=now, schema=schema)
    return definition


CLOSURE_PROPOSAL = (
    "afbouw-afsluitvoorstel",
    "Afbouw- of afsluitvoorstel",
    "De regisseur stelt voor het plan af te bouwen of het dossier af te sluiten. Het ITAT-R "
    "adviseert, het Regieoverleg besluit.",
    [
        ("heading", "Voorstel", "", False, {}),
        ("single_choice", "Soort voorstel", "", True, {"binding": "kind"}),
        (
            "long_text",
            "Behaalde doelen",
            "Welke doelen van het plan van aanpak zijn bereikt?",
            True,
            {"binding": "goals_achieved"},
        ),
        (
            "long_text",
            "Overwegingen",
            "Waarom nu afbouwen of afsluiten? Wat weegt mee?",
            True,
            {"binding": "considerations"},
        ),
        ("heading", "Overdracht", "", False, {}),
        ("yes_no", "Warme overdracht?", "", True, {"binding": "warm_handover"}),
        (
            "short_text",
            "Overdracht aan",
            "Bij warme overdracht: aan wie (organisatie en persoon)?",
            False,
            {"binding": "handover_to"},
        ),
    ],
)

#: the assessment's bound fields in the seeded form: key of the question -> binding
ASSESSMENT_BOUND_KEYS = {
    "risicogroepen": ("risk_groups", "multiple_choice", "Risicogroep(en)", True),
    "achterliggende_problemen": (
        "problem_areas",
        "multiple_choice",
        "Achterliggende problemen",
        False,
    ),
    "is_de_persoon_bekend_in_een_andere_aanpak": (
        "other_approach_known",
        "yes_no",
        "Is de persoon bekend in een andere aanpak?",
        True,
    ),
    "welke_andere_aanpak": ("other_approaches", "multiple_choice", "Welke andere aanpak?", False),
    "advies_aan_het_regieoverleg": (
        "advice",
        "single_choice",
        "Advies aan het Regieoverleg",
        True,
    ),
    "onderbouwing_van_het_advies": (
        "advice_reasoning",
        "long_text",
        "Onderbouwing van het advies",
        True,
    ),
    "is_er_sprake_van_spoed": ("urgent", "yes_no", "Is er sprake van spoed?", True),
}


def _publish_version(apps, definition, now) -> None:
    Field = apps.get_model("structuredforms", "FormField")
    Version = apps.get_model("structuredforms", "FormVersion")
    fields = Field.objects.filter(definition=definition).order_by("sort_order")
    latest = Version.objects.filter(definition=definition).order_by("-number").first()
    Version.objects.create(
        definition=definition,
        number=(latest.number if latest else 0) + 1,
        published_at=now,
        schema=definition_snapshot(definition, fields),
    )


def bind_fields(apps) -> None:
    """Bind the assessment's facts to its questions (answer lists from reference data), add
    the closure proposal form, and publish both: the forms the steps now fill in."""

    Definition = apps.get_model("structuredforms", "FormDefinition")
    Field = apps.get_model("structuredforms", "FormField")
    now = timezone.now()
    assessment = Definition.objects.filter(slug=ASSESSMENT[0]).first()
    if assessment is not None:
        rows = {f.key: f for f in Field.objects.filter(definition=assessment)}
        last = max((f.sort_order or 0 for f in rows.values()), default=0)
        for key, (binding, kind, label, required) in ASSESSMENT_BOUND_KEYS.items():
            row = rows.get(key)
            if row is None:
                last += 1
                row = Field(definition=assessment, sort_order=last, key=key, label=label)
            row.binding, row.field_type, row.required = binding, kind, required
            row.choices, row.min_value, row.max_value = "", None, None
            row.save()
        _publish_version(apps, assessment, now)
    slug, title, intro, fields = CLOSURE_PROPOSAL
    if not Definition.objects.filter(slug=slug).exists():
        create_form(apps, slug, title, intro, fields, now)


#: the UVO report and the evaluation in their bound shape: (key, binding, type, label,
#: required, help text); a key the form has keeps its row (its label and help stay the team's
#: unless given here), rows not listed keep their place after the listed ones, None deletes.
UVO_SHAPE = [
    ("datum_uvo", "held_on", "date", "Datum UVO", True, None),
    (
        "deelnemende_organisaties",
        "participant_organisations",
        "multiple_choice",
        "Deelnemende organisaties",
        False,
        "",
    ),
    (
        "deelnemende_contactpersonen",
        "participant_contacts",
        "multiple_choice",
        "Deelnemende contactpersonen",
        False,
        "Contactpersonen van dit dossier.",
    ),
    (
        "aanwezigen",
        "",
        "short_text",
        "Andere aanwezigen",
        False,
        "Namen en functies van wie hierboven niet staat.",
    ),
    ("is_dit_het_eerste_uvo", None, None, None, None, None),  # the system knows it
    ("aantal_aanwezige_partners", None, None, None, None, None),
    ("bespreking", "", None, None, None, None),
    ("stand_van_zaken_per_interventie", "", None, None, None, None),
    (
        "afspraken",
        "agreements",
        "agreements",
        "Afspraken",
        False,
        "Wie doet wat, uiterlijk wanneer. Open afspraken staan op de dossierpagina.",
    ),
    ("stagneert_de_uitvoering", "escalation", "yes_no", "Stagneert de uitvoering?", True, None),
    (
        "toelichting_en_opschaling",
        "escalation_note",
        "long_text",
        "Toelichting en opschaling",
        False,
        None,
    ),
]
EVALUATION_SHAPE = [
    ("datum_evaluatie", "evaluated_on", "date", "Datum evaluatie", True, None),
    ("voortgang", "", None, None, None, None),
    ("voortgang_van_het_plan_van_aanpak", "", None, None, None, None),
    (
        "doelbereik_per_interventie",
        "item_results",
        "plan_item_results",
        "Doelbereik per interventie",
        False,
        "Per interventie: wat heeft het opgeleverd, en is het doel bereikt?",
    ),
    ("welke_doelen_zijn_bereikt", None, None, None, None, None),
    ("welke_interventies_lopen_vast_en_waarom", "", None, None, None, None),
    ("risicos", "", None, None, None, None),
    ("ontwikkeling_van_de_risicos", "", None, None, None, None),
    ("toelichting_op_de_risicos", "", None, None, None, None),
    ("vervolg", "", None, None, None, None),
    ("voorstel", "judgement", "single_choice", "Oordeel en voorstel", True, None),
    ("overwegingen", "judgement_note", "long_text", "Overwegingen", False, None),
]


def _reshape(apps, slug: str, shape: list, now) -> None:
    """Bind, add, drop and order the rows of a seeded form, then publish it as a new version.

    Responses keep the version they were made under, so nothing given earlier is lost."""
    Definition = apps.get_model("structuredforms", "FormDefinition")
    Field = apps.get_model("structuredforms", "FormField")
    definition = Definition.objects.filter(slug=slug).first()
    if definition is None:
        return
    rows = {f.key: f for f in Field.objects.filter(definition=definition)}
    ordered = []
    for key, binding, kind, label, required, help_text in shape:
        row = rows.pop(key, None)
        if binding is None and row is not None:
            row.delete()
        elif row is not None or kind is not None:
            row = row or Field(definition=definition, key=key, label=label)
            _reshape_row(row, binding, kind, label, required, help_text)
            ordered.append(row)
    remaining = sorted(rows.values(), key=lambda f: f.sort_order or 0)
    for order, row in enumerate(ordered + remaining):
        row.sort_order = order
        row.save()
    _publish_version(apps, definition, now)


def _reshape_row(row, binding, kind, label, required, help_text) -> None:
    if kind is not None:
        row.binding, row.field_type, row.required, row.label = binding, kind, required, label
        if binding:
            row.choices, row.min_value, row.max_value = "", None, None
    if help_text is not None:
        row.help_text = help_text


def bind_execution_fields(apps) -> None:
    """The UVO report and the evaluation become the one form of their step (bound fields)."""
    now = timezone.now()
    _reshape(apps, UVO_REPORT[0], UVO_SHAPE, now)
    _reshape(apps, EVALUATION[0], EVALUATION_SHAPE, now)


def unbind_fields(apps) -> None:
    """Backwards: nothing is undone (versions are records); the binding column goes away."""


def unseed(apps) -> None:
    """Remove the seeded forms if nothing has been filled in against them."""
    Definition = apps.get_model("structuredforms", "FormDefinition")
    Version = apps.get_model("structuredforms", "FormVersion")
    Field = apps.get_model("structuredforms", "FormField")
    definitions = Definition.objects.filter(slug__in=SLUGS)
    Version.objects.filter(definition__in=definitions).delete()
    Field.objects.filter(definition__in=definitions).delete()
    definitions.delete()
