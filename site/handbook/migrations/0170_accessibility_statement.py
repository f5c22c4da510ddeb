"""Publish the accessibility statement (toegankelijkheidsverklaring) as a handbook page.

In the shape of the Dutch model statement: what was tested, how, when, the known exceptions
and a contact. The programme team keeps it current in the page editor; it is readable without
logging in at /toegankelijkheid/ (``handbook.views``), linked from the login page and the help
menu.
"""

import uuid

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SLUG = "toegankelijkheidsverklaring"
TITLE = "Toegankelijkheidsverklaring"


def _step(number):
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def heading(text, anchor):
    return {"type": "heading", "value": {"text": text, "anchor": anchor}}


def text(html):
    return {"type": "text", "value": html}


def callout(title, html, kind="info"):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


BODY = [
    text(
        "<p>De gemeente Amsterdam wil dat iedereen die met het digitale volgsysteem van de "
        "Integrale persoonsgerichte aanpak (IPGA) Radicalisering werkt, dat kan: ook wie een "
        "schermlezer, een vergroting of alleen het toetsenbord gebruikt. Daarom moet het "
        "volgsysteem voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau A "
        "en AA, zoals het Besluit digitale toegankelijkheid overheid vraagt (ook voor intranet- "
        "en extranettoepassingen).</p>"
        "<p>Deze verklaring geldt voor het volgsysteem: de beheeromgeving waarin de "
        "ketenpartners dossiers bijhouden, de inlogpagina, de tweestapsverificatie en deze "
        "handreiking.</p>"
    ),
    heading("Nalevingsstatus", "status"),
    text(
        "<p>Het volgsysteem <b>voldoet gedeeltelijk</b> aan WCAG 2.1 niveau AA. Automatische "
        "controles vinden geen ernstige of kritieke fouten meer; de bekende uitzonderingen "
        "staan hieronder. Een volledig handmatig onderzoek door een onafhankelijke partij "
        "naar alle succescriteria is nog niet gedaan.</p>"
    ),
    heading("Wat is onderzocht", "scope"),
    text(
        "<ul>"
        "<li>de inlogpagina, de pagina's van de tweestapsverificatie en de startpagina van "
        "elke rol;</li>"
        "<li>het dossieroverzicht en een dossierpagina;</li>"
        "<li>alle stapformulieren, het basisdossier, het logboek, plan- en contactregels, "
        "UVO, evaluatie en de brieven;</li>"
        "<li>agenda's, de monitor, de bewerkschermen van de instrumentenkoffer, het "
        "gebruikersoverzicht;</li>"
        "<li>de foutpagina “niet gevonden”. De pagina's “geen toegang” en “serverfout” "
        "gebruiken dezelfde opmaak maar worden nog niet automatisch gecontroleerd.</li>"
        "</ul>"
    ),
    heading("Hoe is onderzocht", "method"),
    text(
        "<ul>"
        "<li><b>Automatisch:</b> bij elke wijziging van het volgsysteem controleert axe-core "
        "(via Playwright in Chromium) alle genoemde pagina's op de regels van WCAG 2.0 en 2.1, "
        "niveau A en AA. Een ernstige of kritieke bevinding laat de controle mislukken.</li>"
        "<li><b>Toetsenbord:</b> geautomatiseerde tests lopen met de Tab-toets door het "
        "basisdossier en het logboek, bereiken elk invoerveld in volgorde en versturen het "
        "formulier met Enter; na een onjuiste invoer staat de focus op de foutsamenvatting.</li>"
        "<li><b>Handmatig:</b> een onafhankelijke audit (26 pagina's, alle rollen, met axe-core, "
        "Playwright en Chromium) heeft ook gekeken naar wat automatische controles niet zien: "
        "groepen keuzerondjes, koppeling van foutmeldingen aan velden, vindbaarheid van fouten "
        "en de zichtbaarheid van de focus. Die bevindingen zijn verwerkt.</li>"
        "</ul>"
    ),
    heading("Wanneer is onderzocht", "when"),
    text(
        "<p>De audit vond plaats in november 2026. De automatische controles draaien sinds "
        "30 november 2026 bij elke wijziging. Deze verklaring is opgesteld op 30 november 2026 "
        "en wordt ten minste eenmaal per jaar, en na elke grote wijziging, bijgewerkt.</p>"
    ),
    heading("Bekende uitzonderingen", "exceptions"),
    text(
        "<ul>"
        "<li><b>Teksteditor van de handreiking:</b> het invoerveld voor opgemaakte tekst "
        "(Draftail, onderdeel van Wagtail) heeft van zichzelf geen toegankelijke naam. Het "
        "volgsysteem vult die naam aan met het label van het veld; in zeldzame gevallen waarin "
        "een veld geen label heeft, blijft het invoerveld naamloos. Alleen Wagtail zelf kan dit "
        "volledig oplossen (WCAG 4.1.2).</li>"
        "<li><b>Pdf-bestanden</b> (brieven en agenda's) zijn niet getoetst aan PDF/UA; zij "
        "zijn ook als webpagina in het volgsysteem te lezen (WCAG 1.3.1).</li>"
        "<li><b>Schermlezers:</b> er is nog niet met NVDA, JAWS of VoiceOver getest. Dat "
        "gebeurt bij het onafhankelijke onderzoek dat gepland staat.</li>"
        "</ul>"
    ),
    heading("Contact", "contact"),
    callout(
        "Loopt u tegen een probleem aan?",
        "<p>Neem contact op met het programmateam IPGA Radicalisering via "
        "<b>toegankelijkheid@ipga-radicalisering.example</b> of telefoon 020 000 00 00 "
        "(werkdagen, 9.00–17.00 uur). U krijgt binnen vijf werkdagen antwoord. Bent u niet "
        "tevreden over de afhandeling, dan kunt u zich wenden tot de Nationale ombudsman.</p>",
    ),
]


def seed(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("handbook", "HomePage")
    GuidancePage = apps.get_model("handbook", "GuidancePage")

    home = HomePage.objects.filter(depth=2).first()
    if home is None or GuidancePage.objects.filter(slug=SLUG).exists():
        return
    children = GuidancePage.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-4:], 36) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(
        app_label="handbook", model="guidancepage"
    )
    now = timezone.now()
    GuidancePage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        path=home.path + _step(number),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        chapter="",
        summary=(
            "Hoe toegankelijk het volgsysteem is, hoe dat is onderzocht, wat nog niet werkt "
            "en bij wie u terechtkunt."
        ),
        body=[{**block, "id": str(uuid.uuid4())} for block in BODY],
    )
    home.numchild = children.count() + 1
    home.save(update_fields=["numchild"])


def unseed(apps, schema_editor):
    GuidancePage = apps.get_model("handbook", "GuidancePage")
    HomePage = apps.get_model("handbook", "HomePage")
    GuidancePage.objects.filter(slug=SLUG).delete()
    for home in HomePage.objects.filter(depth=2):
        home.numchild = GuidancePage.objects.filter(
            path__startswith=home.path, depth=home.depth + 1
        ).count()
        home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("handbook", "0004_work_process_diagram")]
    operations = [migrations.RunPython(seed, unseed)]
