"""Seed risk groups, problem areas, other approaches and a starting intervention catalogue.

Drawn from the handbook (handreiking regisseur 2016); the programme team edits all of it in
the admin afterwards. Chapters 8-9 of the handbook (the catalogue itself) are redacted, so the
interventions are a realistic starting list, not the programme's official one.
"""

from django.db import migrations

RISK_GROUPS = [
    (1, "(potentiële) terroristen en (getraumatiseerde) terugkeerders"),
    (
        2,
        "ronselaars voor extremistische en terroristische organisaties en netwerken "
        "en/of gewapende strijd in conflictgebieden",
    ),
    (3, "(potentiële en verijdelde) uitreizigers"),
    (4, "individuen en groepen die radicaliseren of het radicale gedachtegoed reeds aanhangen"),
    (
        5,
        "familie van (potentiële en verijdelde) uitreizigers en terugkeerders, "
        "waaronder broertjes en zusjes",
    ),
]

PROBLEM_AREAS = [
    "Psychische problematiek",
    "Trauma",
    "Verslaving",
    "Licht verstandelijke beperking",
    "Gezinsproblematiek en opvoeding",
    "Huiselijk geweld",
    "Negatief sociaal netwerk",
    "Sociaal isolement",
    "Identiteits- en zingevingsvragen",
    "Online beïnvloeding",
    "Justitiële contacten en openstaande zaken",
    "Schoolverzuim en onderwijs",
    "Werk en dagbesteding",
    "Schulden en inkomen",
    "Huisvesting",
    "Verblijfsstatus en documenten",
]

OTHER_APPROACHES = [
    ("Top600", "Persoonsgerichte aanpak van plegers van high impact crimes (AcVZ)."),
    ("Top1000", "Persoonsgerichte aanpak van jongeren en jongvolwassenen met geweld (AcVZ)."),
    ("Treiteraanpak", "Aanpak van treiteraars in de woonomgeving (AcVZ)."),
]

# name, domain, special kind, weeks, implementing organisations (short names), risk groups,
# description
INTERVENTIONS = [
    (
        "Paspoortmaatregel",
        "justice",
        "passport",
        None,
        ["OOV", "NCTV"],
        [1, 3],
        "Voordracht voor het vervallen verklaren of weigeren van het paspoort om uitreis "
        "naar een conflictgebied te voorkomen.",
    ),
    (
        "Reclasseringstoezicht met bijzondere voorwaarden",
        "justice",
        "",
        104,
        ["Reclassering", "OM"],
        [1, 2, 3],
        "Toezicht door de reclassering op naleving van bijzondere voorwaarden, zoals een "
        "meldplicht, contactverbod of behandelverplichting.",
    ),
    (
        "Jeugdreclassering",
        "justice",
        "",
        52,
        ["JBRA", "WSG"],
        [1, 3, 4],
        "Begeleiding en toezicht bij een minderjarige met een strafrechtelijke maatregel.",
    ),
    (
        "Verstoringsgesprek door de politie",
        "justice",
        "",
        2,
        ["Politie"],
        [2, 4],
        "Persoonsgericht gesprek waarin de politie laat weten dat het gedrag gezien wordt en "
        "wat de gevolgen kunnen zijn.",
    ),
    (
        "Afstemming strafzaak met het OM",
        "justice",
        "",
        None,
        ["OM"],
        [1, 2, 3, 4],
        "Openstaande strafzaken in samenhang met het plan van aanpak laten afdoen of "
        "meewegen in de eis.",
    ),
    (
        "Gebiedsverbod of meldplicht (burgemeester)",
        "justice",
        "",
        12,
        ["OOV"],
        [1, 2],
        "Bestuurlijke maatregel om contact met een netwerk of een locatie te beperken.",
    ),
    (
        "GGD-screening",
        "care",
        "ggd_screening",
        6,
        ["GGD"],
        [1, 2, 3, 4, 5],
        "Screening door de GGD op psychische problematiek, verslaving en verstandelijke "
        "beperking, als basis voor passende zorg.",
    ),
    (
        "Inzet pool specialisten",
        "care",
        "specialist_pool",
        12,
        ["AcVZ"],
        [1, 2, 3, 4, 5],
        "Inzet van een specialist uit de pool (bijvoorbeeld een theoloog, een "
        "deradicaliseringsdeskundige of een traumadeskundige) voor advies of begeleiding.",
    ),
    (
        "Ambulante GGZ-behandeling",
        "care",
        "",
        26,
        ["Arkin", "InGeest"],
        [1, 3, 4],
        "Behandeling van psychische problematiek bij een GGZ-instelling.",
    ),
    (
        "Traumabehandeling voor terugkeerders",
        "care",
        "",
        26,
        ["Arkin"],
        [1, 5],
        "Gespecialiseerde behandeling van trauma, onder meer na verblijf in een conflictgebied.",
    ),
    (
        "Ondertoezichtstelling (OTS)",
        "care",
        "",
        52,
        ["RvdK", "JBRA"],
        [3, 4, 5],
        "Kinderbeschermingsmaatregel na onderzoek door de Raad voor de Kinderbescherming; "
        "een jeugdbeschermer begeleidt het gezin.",
    ),
    (
        "Toeleiding naar werk",
        "work",
        "",
        26,
        ["WPI"],
        [1, 3, 4],
        "Begeleiding naar betaald werk, een werkervaringsplaats of vrijwilligerswerk.",
    ),
    (
        "Dagbesteding",
        "work",
        "",
        26,
        ["WPI", "HVO Querido"],
        [1, 4],
        "Een vaste dagstructuur met zinvolle activiteiten.",
    ),
    (
        "Inkomensvoorziening",
        "income",
        "",
        8,
        ["WPI"],
        [1, 3, 4, 5],
        "Aanvraag en begeleiding van een uitkering of andere inkomensondersteuning.",
    ),
    (
        "Schuldhulpverlening",
        "income",
        "",
        52,
        ["WPI", "Stadsdelen"],
        [1, 3, 4, 5],
        "Stabiliseren van schulden en toeleiden naar een schuldregeling.",
    ),
    (
        "Urgente huisvesting",
        "housing",
        "",
        12,
        ["Stadsdelen"],
        [1, 4],
        "Zoeken naar passende woonruimte, zo nodig met urgentie.",
    ),
    (
        "Begeleid wonen",
        "housing",
        "",
        52,
        ["HVO Querido"],
        [1, 4],
        "Wonen met begeleiding bij de dagelijkse gang van zaken.",
    ),
    (
        "Leerplichtgesprek en terugleiding naar school",
        "education",
        "",
        12,
        ["Leerplicht"],
        [3, 4, 5],
        "Aanpak van schoolverzuim en terugleiding naar onderwijs.",
    ),
    (
        "Begeleiding naar een startkwalificatie",
        "education",
        "",
        52,
        ["OJZ", "Leerplicht"],
        [3, 4],
        "Ondersteuning bij het kiezen en afronden van een opleiding.",
    ),
    (
        "Ambulante jongerenbegeleiding",
        "network",
        "",
        26,
        ["Streetcornerwork"],
        [2, 3, 4],
        "Outreachende begeleiding van een jongere in de eigen leefomgeving.",
    ),
    (
        "Opvoedondersteuning voor ouders",
        "network",
        "",
        26,
        ["Stadsdelen", "JBRA"],
        [3, 5],
        "Ondersteuning van ouders en familie bij zorgen over radicalisering van een kind.",
    ),
    (
        "Gezinsgerichte aanpak",
        "network",
        "",
        52,
        ["WSG", "JBRA"],
        [5],
        "Begeleiding van het hele gezin, ook van broertjes en zusjes.",
    ),
    (
        "Mentor of exitbegeleiding",
        "ideology",
        "",
        52,
        ["AcVZ"],
        [1, 2, 4],
        "Langdurige begeleiding door een mentor bij het loskomen van extremistisch "
        "gedachtegoed en het netwerk.",
    ),
    (
        "Theologisch gesprek",
        "ideology",
        "",
        12,
        ["AcVZ"],
        [3, 4],
        "Gesprekken met een deskundige over religieuze vragen en tegenverhalen.",
    ),
]


def seed(apps, schema_editor):
    RiskGroup = apps.get_model("catalogue", "RiskGroup")
    ProblemArea = apps.get_model("catalogue", "ProblemArea")
    OtherApproach = apps.get_model("catalogue", "OtherApproach")
    Organisation = apps.get_model("catalogue", "Organisation")
    Intervention = apps.get_model("catalogue", "Intervention")

    groups = {}
    for number, name in RISK_GROUPS:
        groups[number], _ = RiskGroup.objects.get_or_create(number=number, defaults={"name": name})
    for order, name in enumerate(PROBLEM_AREAS, start=1):
        ProblemArea.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    for name, description in OTHER_APPROACHES:
        OtherApproach.objects.get_or_create(name=name, defaults={"description": description})

    organisations = {o.short_name: o for o in Organisation.objects.all()}
    for name, domain, special, weeks, orgs, risk_groups, description in INTERVENTIONS:
        intervention, created = Intervention.objects.get_or_create(
            name=name,
            defaults={
                "domain": domain,
                "special_kind": special,
                "typical_duration_weeks": weeks,
                "description": description,
            },
        )
        if created:
            # Parental m2m fields only write on a cluster save; write the through rows.
            Intervention.organisations.through.objects.bulk_create(
                Intervention.organisations.through(
                    intervention=intervention, organisation=organisations[short]
                )
                for short in orgs
                if short in organisations
            )
            Intervention.risk_groups.through.objects.bulk_create(
                Intervention.risk_groups.through(intervention=intervention, riskgroup=groups[n])
                for n in risk_groups
            )


def unseed(apps, schema_editor):
    apps.get_model("catalogue", "Intervention").objects.filter(
        name__in=[i[0] for i in INTERVENTIONS]
    ).delete()
    apps.get_model("catalogue", "OtherApproach").objects.filter(
        name__in=[o[0] for o in OTHER_APPROACHES]
    ).delete()
    apps.get_model("catalogue", "ProblemArea").objects.filter(name__in=PROBLEM_AREAS).delete()
    apps.get_model("catalogue", "RiskGroup").objects.filter(
        number__in=[g[0] for g in RISK_GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_catalogue_snippets")]
    operations = [migrations.RunPython(seed, unseed)]
