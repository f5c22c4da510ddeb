"""Seed one notification-letter template per kind of recipient, and the programme team's rights.

The wording is a fictional starting point after chapter 2 of the handbook (handreiking
regisseur 2016): the MAP writes on behalf of the mayor within three weeks of the Regieoverleg's
decision. The programme team rewords and republishes them in the admin.
"""

from django.db import migrations

from dossiers import roles

INTRO = (
    "<p>Geachte {{ naam }},</p>"
    "<p>Namens de burgemeester van Amsterdam laat ik u weten dat het Regieoverleg op "
    "{{ datum_besluit }} heeft besloten dat {subject} wordt opgenomen in de Integrale "
    "persoonsgerichte aanpak (IPGA) Radicalisering van het Actiecentrum Veiligheid en Zorg.</p>"
)
MIDDLE = (
    "<p>In deze aanpak werken gemeente, politie, Openbaar Ministerie en zorg- en "
    "hulpverleningsorganisaties samen. Het doel is risico's te verkleinen en {goal}. "
    "Een vaste regisseur, {{ regisseur }} ({{ organisatie_regisseur }}), houdt het overzicht "
    "en neemt contact met {contact} op.</p>"
    "<p>Gegevens die in het kader van de aanpak worden vastgelegd, worden vertrouwelijk "
    "behandeld en alleen gedeeld met de organisaties die aan de aanpak meewerken, voor zover "
    "dat nodig is. Heeft u vragen over deze brief, neem dan contact op met het Meld- en "
    "Adviespunt en vermeld het kenmerk {{ kenmerk }}.</p>"
)
SIGN = "<p>{{ ondertekening }}</p>"

TEMPLATES = [
    (
        "subject",
        "Brief aan de persoon (ingeschreven adres)",
        "Uw opname in de IPGA Radicalisering",
        INTRO.replace("{subject}", "u")
        + MIDDLE.replace("{goal}", "u een beter perspectief te bieden").replace("{contact}", "u")
        + SIGN,
    ),
    (
        "subject_handover",
        "Brief aan de persoon (persoonlijk overhandigd)",
        "Uw opname in de IPGA Radicalisering",
        INTRO.replace("{subject}", "u")
        + "<p>Deze brief is u persoonlijk overhandigd, in overleg met uw regisseur.</p>"
        + MIDDLE.replace("{goal}", "u een beter perspectief te bieden").replace("{contact}", "u")
        + SIGN,
    ),
    (
        "parent",
        "Brief aan ouder of (gezins)voogd van een minderjarige",
        "Opname van {{ naam_persoon }} in de IPGA Radicalisering",
        INTRO.replace("{subject}", "uw kind {{ naam_persoon }}")
        + "<p>U ontvangt deze brief omdat u ouder of (gezins)voogd bent van "
        "{{ naam_persoon }}, die minderjarig is.</p>"
        + MIDDLE.replace("{goal}", "uw kind een beter perspectief te bieden").replace(
            "{contact}", "u en uw kind"
        )
        + SIGN,
    ),
    (
        "family",
        "Brief aan een familielid (gezinsaanpak)",
        "Gezinsaanpak rond {{ naam_persoon }}",
        INTRO.replace("{subject}", "{{ naam_persoon }}")
        + "<p>Omdat de aanpak het gezin als geheel betreft, ontvangt u als familielid ook "
        "deze brief.</p>"
        + MIDDLE.replace("{goal}", "het gezin te ondersteunen").replace("{contact}", "u")
        + SIGN,
    ),
    (
        "detained",
        "Brief aan de persoon in detentie (via de PI/JJI)",
        "Uw opname in de IPGA Radicalisering",
        INTRO.replace("{subject}", "u")
        + "<p>Omdat u op dit moment verblijft in {{ instelling }}, reikt de casemanager van "
        "de inrichting u deze brief uit.</p>"
        + MIDDLE.replace("{goal}", "u een beter perspectief te bieden").replace("{contact}", "u")
        + SIGN,
    ),
]

TABLE = {
    roles.PROGRAMME_TEAM: [
        f"catalogue.{action}_lettertemplate"
        for action in ("add", "change", "view", "publish", "lock", "unlock")
    ]
    + ["catalogue.change_lettersettings"],
}


def _ensure_wagtail_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="catalogue", model="lettertemplate"
    )
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_lettertemplate",
            defaults={"name": f"Can {action} letter template"},
        )


def forwards(apps, schema_editor):
    LetterTemplate = apps.get_model("catalogue", "LetterTemplate")
    for kind, title, subject_line, body in TEMPLATES:
        LetterTemplate.objects.get_or_create(
            recipient_kind=kind,
            defaults={"title": title, "subject_line": subject_line, "body": body, "live": True},
        )
    roles.ensure_permissions(apps)
    _ensure_wagtail_permissions(apps)
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)
    apps.get_model("catalogue", "LetterTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0006_letter_templates")]
    operations = [migrations.RunPython(forwards, backwards)]
