"""The handbook (handreiking regisseur 2016) as seed content: one entry per chapter.

Pure data for the data migration ``0002_seed_handbook``. "5.1.2.h" in the source is the
redacted name of the digital tracking system (this system), written out here as "het digitale
volgsysteem". Redacted chapters (7 in part, 8, 9 and the appendix) become placeholders that
the programme team fills in.
"""

SYSTEM = "het digitale volgsysteem"

TODO = (
    "<p>Dit deel van de handreiking is in de openbare versie weggelakt. Het programmateam "
    "vult het hier aan; tot dan is het een tijdelijke plaatshouder.</p>"
)


def heading(text, anchor=""):
    return ("heading", {"text": text, "anchor": anchor})


def text(*paragraphs):
    return ("text", "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs))


def callout(body, title="", kind="info"):
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{body}</p>"})


def todo(title="Nog aan te vullen door het programmateam"):
    return ("callout", {"kind": "todo", "title": title, "text": TODO})


def deadlines(caption, *rows):
    return (
        "deadlines",
        {
            "caption": caption,
            "rows": [{"obligation": o, "starts": s, "due": d, "who": w} for o, s, d, w in rows],
        },
    )


def catalogue(heading_text, *names):
    """Links to catalogue interventions by name; the migration turns names into ids."""
    return ("catalogue_links", {"heading": heading_text, "interventions": list(names)})


RISK_GROUPS = (
    "<ol>"
    "<li>(potentiële) terroristen en (getraumatiseerde) terugkeerders;</li>"
    "<li>ronselaars voor de extremistische en terroristische organisaties en netwerken en/of "
    "gewapende strijd in conflictgebieden;</li>"
    "<li>(potentiële en verijdelde) uitreizigers;</li>"
    "<li>individuen en groepen die radicaliseren of het radicale gedachtegoed reeds "
    "aanhangen;</li>"
    "<li>familie van (potentiële en verijdelde) uitreizigers en terugkeerders, waaronder "
    "broertjes en zusjes.</li>"
    "</ol>"
)

CHAPTERS = [
    {
        "chapter": "",
        "title": "Inleiding",
        "slug": "inleiding",
        "summary": "Doel van de aanpak, de vijf risicogroepen en de rol van de regisseur.",
        "body": [
            text(
                "De Integrale persoonsgerichte aanpak (IPGA) Radicalisering is geënt op de "
                "werkwijze Top600 en is vanaf 1 april 2016 van start gegaan. Sinds 1 augustus "
                "2016 valt de aanpak onder het Actiecentrum Veiligheid en Zorg (AcVZ). De aanpak "
                "is gericht op de personen en hun sociale omgeving die het grootste risico "
                "vormen. Het doel is om, op de korte termijn, de directe risico's in zicht te "
                "krijgen en aan te pakken. Op de lange termijn richt de IPGA zich op "
                "gedragsverandering van deze personen zodat zij geen risico meer vormen en hun "
                "perspectief op een beter leven vergroot wordt. Voor deze doelstellingen is een "
                "goed afgestemde en op elkaar aangesloten inzet nodig van interventies uit zowel "
                "de strafrechtketen als de zorg en het sociale domein (werk, wonen, etc.).",
            ),
            heading("De vijf risicogroepen", "risk-groups"),
            text("We onderscheiden de volgende vijf risicogroepen:", RISK_GROUPS),
            text(
                "De aanpak wordt gecoördineerd vanuit het Actiecentrum Veiligheid en Zorg "
                "(AcVZ), van waaruit o.a. ook de programma's Top1000 en de Treiteraanpak worden "
                "gecoördineerd. Alle programma's van het AcVZ combineren straf en zorg in een "
                "integrale aanpak.",
            ),
            heading("De regisseur als drijvende kracht", "case-director"),
            text(
                "De drijvende kracht achter de aanpak zijn de regisseurs. Alle personen die in "
                "de aanpak Radicalisering zijn opgenomen, hebben een eigen regisseur. Dit is de "
                "professional die regie voert op het totaal, doet wat nodig is en zorgt voor "
                "voortdurende activiteit en inzet rond \u201czijn\u201d of \u201chaar\u201d "
                "persoon/omgeving, met als doel het radicale en/of zorgwekkende gedrag terug te "
                "dringen en perspectief te bieden. Dat betekent dat als een politieman regisseur "
                "wordt, hij ook aandacht heeft voor bijvoorbeeld onderdak en zorg. Of als iemand "
                "vanuit het stadsdeel regisseur is, deze ook aandacht heeft voor "
                "politie-interventies en openstaande strafzaken.",
                "De regisseur is degene die zorgdraagt voor de totstandkoming van het plan van "
                "aanpak en een gemeenschappelijke opgave creëert voor de uitvoering ervan, in "
                "samenspraak met alle betrokken interventieplegers.",
                "De regisseur staat er niet alleen voor. Per organisatie die regisseurs levert is "
                "er een vast lid van het Integraal Toets- en Advies Team Radicalisering (ITAT-R) "
                "aan de aanpak verbonden, die ondersteuning biedt en een direct aanspreekpunt "
                "voor de regisseur vormt.",
            ),
            heading("Organisaties die regisseurs leveren", "case-director-organisations"),
            text(
                "De volgende organisaties leveren op dit moment regisseurs: de politie, het "
                "Openbaar Ministerie, Reclassering Nederland, Jeugdbescherming Regio Amsterdam "
                "(JBRA), William Schrikkergroep (WSG), Raad voor de Kinderbescherming, "
                "Streetcornerwork, GGZ (Arkin, HVO Querido en InGeest) en vanuit de gemeente "
                "Amsterdam: Werk, Participatie en Inkomen (WPI), Leerplicht, de Directie "
                "Openbare Orde en Veiligheid (OOV) en de stadsdelen.",
                "In deze handreiking wordt nader ingegaan op de stappen die er zijn van instroom "
                "in de aanpak tot een plan van aanpak, van het inzetten van interventies tot "
                f"evaluatie en monitoring, het werken in {SYSTEM} van de IPGA Radicalisering en "
                "het afsluiten van een dossier.",
                "De handreiking biedt handvatten voor nieuwe regisseurs en kan een naslagwerk "
                "zijn voor ervaren regisseurs. Voor andere betrokken (kern)partners geeft het "
                "inzicht in de rol van een regisseur in de aanpak Radicalisering.",
            ),
        ],
    },
    {
        "chapter": "1",
        "title": "Van melding tot subject in de aanpak",
        "slug": "van-melding-tot-subject",
        "summary": "Eerste beoordeling, duiding in het Voorportaal en inbreng in het Regieoverleg.",
        "body": [
            text(
                "Signalen/meldingen van radicalisering komen binnen bij het Meld- en Adviespunt "
                "(MAP) Radicalisering van de gemeente of bij de politie. Het MAP is bedoeld om "
                "professionals en sleutelfiguren te ondersteunen wanneer zij te maken hebben met "
                "radicalisering en polarisatie. Signalen die bij het MAP of bij de politie binnen "
                "komen kunnen van diverse partijen afkomstig zijn, zoals docenten, professionals "
                "van instellingen, ouders of middels een ambtsbericht van de AIVD. Het signaal "
                "wordt opgepakt daar waar het binnenkomt.",
            ),
            heading("Eerste beoordeling door MAP of politie", "first-assessment"),
            text(
                "Het MAP of de politie maakt een eerste beoordeling van de situatie door vragen "
                "te stellen aan de persoon die de melding doet.",
                "Als sprake is van een situatie waarin bijvoorbeeld de melder behoefte heeft aan "
                "coaching, dan wordt de melding afgedaan door het MAP. Dit geldt ook voor "
                "anonieme meldingen en meldingen waarbij er geen zorgen zijn over "
                "radicalisering.",
                "Als blijkt dat er wel sprake is van een probleemsituatie, maar er geen sprake "
                "van radicalisering blijkt, dan wordt de melder overgedragen aan het reguliere "
                "traject. Er wordt dus voor gezorgd dat een melding op de juiste plek belandt.",
                "Als blijkt dat er sprake is van een zorgelijke situatie vanwege (mogelijke) "
                "radicalisering, dan wordt de melding doorgeleid naar het Voorportaal (bestaande "
                "uit medewerkers van het MAP en politie) voor verdere duiding.",
            ),
            heading("Duiding in het Voorportaal", "pre-assessment"),
            text(
                "Het Voorportaal duidt met behulp van het beoordelingskader of een melding "
                "voldoet aan de criteria die zijn opgesteld om een subject op te nemen in de "
                "aanpak. Duiding betekent het opstellen van een risicoprofiel voor het subject "
                "(welke risico's zijn er en tot welke risicogroep behoort het subject?) en een "
                "probleemdiagnose (welke achterliggende problemen spelen in deze melding, voor "
                "zover bekend?).",
                "Het Voorportaal haalt zo veel mogelijk informatie op bij andere relevante "
                "partijen die het subject mogelijk kennen. Ook checkt het Voorportaal of het "
                "subject ook binnen andere aanpakken bekend is, om te voorkomen dat subjecten op "
                "twee plekken tegelijk worden bekeken.",
            ),
            heading("Inbrengen in het Regieoverleg", "steering-meeting-intake"),
            text(
                "Het Voorportaal brengt de melding \u2013 voorzien van een advies \u2013 in bij "
                "het Regieoverleg. Het Regieoverleg bespreekt de duiding en neemt het definitieve "
                "besluit of een subject wordt opgenomen in de aanpak. Zo ja, dan stelt het "
                "Regieoverleg een regisseur aan en geeft deze de opdracht om een plan van aanpak "
                "uit te werken. Het Regieoverleg bepaalt welke regisseur (van welke organisatie) "
                "het beste in positie is om het subject verder te begeleiden.",
            ),
        ],
    },
    {
        "chapter": "2",
        "title": "De notificatiebrief",
        "slug": "notificatiebrief",
        "summary": "Wie de brief krijgt, wanneer en hoe.",
        "body": [
            heading("De notificatiebrief", "notification-letter"),
            text(
                "Het MAP stuurt iedere persoon, namens de burgemeester van de gemeente "
                "Amsterdam, een (standaard)brief over zijn of haar plaatsing op de lijst voor de "
                "IPGA Radicalisering.",
                "Alle nieuwe subjecten binnen de aanpak ontvangen de brief binnen maximaal drie "
                "weken na het besluit van het Regieoverleg dat hij/zij in de aanpak is "
                "opgenomen.",
            ),
            deadlines(
                "Termijn notificatiebrief",
                ("Notificatiebrief verstuurd", "besluit tot opname", "binnen 3 weken", "MAP"),
            ),
            heading("Aan wie en hoe", "notification-letter-recipients"),
            text(
                "Het MAP verstuurt de brief naar de persoon op het adres waar deze staat "
                "ingeschreven, of laat de brief \u2013 in nauwe afstemming met de regisseur "
                "\u2013 persoonlijk overhandigen aan de betrokkene.",
                "In geval van een minderjarig subject, ontvangen de ouders / (gezins)voogd ook "
                "een brief. In geval van een gezinsaanpak ontvangen de ouders/de familieleden "
                "ook een brief. Als een persoon gedetineerd is op het moment dat hij instroomt, "
                "stuurt het MAP de brief naar de Penitentiaire Inrichting (PI) of Justitiële "
                "Jeugdinrichting (JJI) en reikt de casemanager in de PI de brief uit.",
                f"In {SYSTEM} wordt vermeld aan wie en wanneer een brief is verstuurd.",
            ),
        ],
    },
    {
        "chapter": "3",
        "title": "Het digitale volgsysteem",
        "slug": "digitaal-volgsysteem",
        "summary": "Waar je als regisseur werkt: basisdossier, plan, logboek, contacten.",
        "body": [
            callout(
                "De naam van het systeem is in de openbare handreiking weggelakt; in deze "
                "versie staat er \u2018het digitale volgsysteem\u2019.",
            ),
            heading("Werken in het volgsysteem", "tracking-system"),
            text(
                "Het digitale volgsysteem is het systeem van de IPGA Radicalisering waarin je "
                "als regisseur werkt. Je logt in met een persoonlijke gebruikersnaam en een "
                "wachtwoord.",
                "In het volgsysteem vind je het beoordelingskader, ingevuld door het Voorportaal "
                "op basis van de (op het moment van overdracht) beschikbare informatie.",
                "In het volgsysteem maak je je plan van aanpak, door interventies vanuit de "
                "interventietool te koppelen aan jouw plan van aanpak. Bij jouw interventies "
                "geef je een beschrijving van de overwegingen die tot de keuze van deze "
                "interventies geleid hebben en het doel van de interventies die je inzet (wat "
                "wil je bereiken?).",
            ),
            heading("Het logboek", "journal"),
            text(
                "In het volgsysteem vind je een logboekfunctie waarin alle stappen die in de "
                "contacten met of rondom jouw subject gezet worden en alle ontwikkelingen in de "
                "uitvoering van het plan van aanpak moeten worden bijgehouden.",
                "In het volgsysteem houd je ook de contactpersonen bij en evalueer je de "
                "resultaten van jouw plan van aanpak en de ingezette interventies.",
            ),
            callout(
                "Het is heel belangrijk dat alle ontwikkelingen rondom jouw subject nauwkeurig "
                "en stapsgewijs worden bijgehouden!",
                kind="attention",
                title="Let op",
            ),
        ],
    },
    {
        "chapter": "4",
        "title": "Het basisdossier/beoordelingskader",
        "slug": "basisdossier",
        "summary": "Wat het Voorportaal verzamelt en wat de regisseur aanvult.",
        "body": [
            heading("Het basisdossier", "basic-dossier"),
            text(
                "De beschikbare informatie die bij de verschillende organisaties aanwezig is "
                "over een subject wordt door het Voorportaal verzameld en wordt verwerkt in het "
                "basisdossier/beoordelingskader.",
            ),
            heading("Onvolledig basisdossier en spoed", "urgent-signal"),
            text(
                "Het kan natuurlijk gebeuren dat er maar weinig (of geen) informatie bekend is "
                "bij de partners, maar dat het Regieoverleg toch van oordeel is dat er nader "
                "onderzoek moet worden gedaan naar eventuele radicalisering. Ook kan het gebeuren "
                "dat er vanwege bijzondere spoedeisendheid van een melding geen tijd is om "
                "aanvullende informatie te verzamelen over het subject, omdat er direct actie "
                "nodig is. In beide gevallen is het basisdossier/beoordelingskader niet volledig "
                "gevuld en is het aan de regisseur om achter de aanvullende informatie aan te "
                "gaan.",
                f"In {SYSTEM} wordt het dossier vervolgens digitaal toebedeeld aan de door het "
                "Regieoverleg benoemde regisseur. Het basisdossier is dan voor jou als regisseur "
                "inzichtelijk. Je kunt deze dan verder invullen en je kunt je plan van aanpak op "
                "gaan stellen.",
            ),
        ],
    },
    {
        "chapter": "5",
        "title": "De regisseur",
        "slug": "regisseur",
        "summary": "Wat er van je verwacht wordt als regisseur.",
        "body": [
            heading("De rol van de regisseur", "case-director-role"),
            text(
                "De regisseur heeft een cruciale rol in de aanpak en dat is geen eenvoudige rol. "
                "Als regisseur wordt er veel van je verwacht! Je inventariseert welke "
                "interventies nodig zijn op het geheel van straf en zorg, organiseert en "
                "coördineert de uitvoering van het plan van aanpak, je organiseert "
                "uitvoerdersoverleggen (UVO's) met alle interventieplegers en eventuele experts "
                "én blijft (direct of indirect) in gesprek met je subject. Er wordt dus een "
                "proactieve houding van je verwacht!",
                "Je stuurt interventieplegers niet aan, maar toch kun je op basis van de inhoud "
                "dingen voor elkaar krijgen door interventieplegers te enthousiasmeren en te "
                "motiveren. Je zorgt ervoor dat het team van interventieplegers hetzelfde doel "
                "voor ogen heeft en houdt zicht op het totaal. Je stuurt dus niet alleen op de "
                "inhoud, maar pakt een overkoepelende rol met het oog op de hele straf- en "
                "zorgketen, in de regio én daarbuiten.",
                "Dit kan ook betekenen dat je je bezig houdt met de omgeving (broers, zussen, "
                "vrienden, ouders) van de persoon op de lijst. Hierin is creatief nadenken "
                "belangrijk, zodat alle mogelijkheden die er zijn om tot gedragsverandering te "
                "komen, worden benut. Wanneer iets niet lukt, zoek je een oplossing of schakel je "
                "anderen in om te helpen. Daarbij benut je de expertise van de "
                "interventieplegers.",
                "Je geeft niet op als het moeilijk wordt! Dit vereist doorzettingsvermogen en een "
                "\u201clange adem\u201d. Dit geldt niet alleen voor het gedrag van je subject, "
                "maar ook voor het verbeteren van samenwerkingsverbanden tussen organisaties. Je "
                "zorgt voor korte lijnen, bent alert op systeemfouten en bent de smeerolie van "
                "het proces. Jouw rol als regisseur is er een die ertoe moet leiden dat eventuele "
                "gaten die in de samenwerking kunnen ontstaan, worden gedicht.",
            ),
        ],
    },
    {
        "chapter": "6",
        "title": "Het uitvoerdersoverleg (UVO)",
        "slug": "uitvoerdersoverleg",
        "summary": "Het eerste UVO vóór het ITAT-R, daarna eens per acht weken.",
        "body": [
            heading("Het eerste UVO", "first-implementers-meeting"),
            text(
                "Voordat je begint aan een plan van aanpak is het van belang dat je bepaalt wie "
                "je interventieplegers zijn en welke aanvullende expertise je nodig hebt. Op "
                "basis van deze inschatting organiseer je een eerste uitvoerdersoverleg (UVO) met "
                "jouw partners. Om tot een prettige samenwerking te komen is het goed om "
                "daadwerkelijk met elkaar om de tafel te gaan, zodat je elkaar in de ogen kunt "
                "kijken.",
            ),
            callout(
                "Het eerste UVO dient al plaats te vinden voordat je naar het ITAT-R gaat met je "
                "concept plan van aanpak.",
                kind="attention",
                title="Let op",
            ),
            heading("Het UVO voorzitten", "implementers-meeting"),
            text(
                "In samenwerking met de interventieplegers en de benodigde experts ga je uit van "
                "wat nodig is voor jouw subject en stel je een \u2018gedragen\u2019 plan van "
                "aanpak op.",
                "Als regisseur zit je het UVO voor. Je bewaakt het samenwerkingsproces en tracht "
                "gezamenlijke dilemma's te wegen en te zorgen voor gedragen besluiten. Je "
                "initieert eventuele opschaling bij stagnatie van de voortgang. Alle in het UVO "
                f"gemaakte afspraken registreer je ook in {SYSTEM}.",
                "Het uitgangspunt is dat je eens per acht weken een uitvoerdersoverleg (UVO) "
                "organiseert, ook als jouw plan van aanpak inmiddels is vastgesteld. Dit kan "
                "uiteraard, wanneer de inhoud hierom vraagt, ook vaker of tijdelijk met een "
                "lagere frequentie.",
            ),
            deadlines(
                "Termijnen UVO",
                ("Eerste UVO", "toewijzing dossier", "vóór de ITAT-R-vergadering", "regisseur"),
                (
                    "Volgend UVO",
                    "vorig UVO",
                    "elke 8 weken (per dossier aan te passen)",
                    "regisseur",
                ),
            ),
        ],
    },
    {
        "chapter": "7",
        "title": "Het plan van aanpak",
        "slug": "plan-van-aanpak",
        "placeholder": True,
        "summary": "Een plan op maat, dat dynamisch blijft.",
        "body": [
            heading("Het plan van aanpak", "action-plan"),
            text(
                "Voor ieder subject in de aanpak wordt een op maat gemaakt plan van aanpak "
                "opgesteld. Dit plan van aanpak is het startpunt en blijft dynamisch. De "
                "regisseur gebruikt bij het opstellen hiervan het basisdossier/"
                "beoordelingskader en doet nader onderzoek naar aanknopingspunten die hierin "
                "vermeld staan.",
            ),
            todo("Rest van dit hoofdstuk: nog aan te vullen door het programmateam"),
        ],
    },
    {
        "chapter": "8",
        "title": "De instrumentenkoffer",
        "slug": "instrumentenkoffer",
        "placeholder": True,
        "summary": "De interventies waaruit je een plan van aanpak samenstelt.",
        "body": [
            heading("De instrumentenkoffer", "intervention-catalogue"),
            todo(),
            callout(
                "De interventies zelf staan in de catalogus van het volgsysteem (menu "
                "Catalogus \u203a Interventies) en worden daar door het programmateam "
                "bijgehouden.",
            ),
        ],
    },
    {
        "chapter": "9",
        "title": "Bijzondere interventies",
        "slug": "bijzondere-interventies",
        "placeholder": True,
        "summary": "Paspoortmaatregel, screeningen door de GGD en de pool specialisten.",
        "body": [
            heading("Opleggen van de paspoortmaatregel", "passport-measure"),
            todo(),
            catalogue("In de catalogus", "Paspoortmaatregel"),
            heading("Screeningen door de GGD", "ggd-screening"),
            todo(),
            catalogue("In de catalogus", "GGD-screening"),
            heading("Pool specialisten", "specialist-pool"),
            todo(),
            catalogue("In de catalogus", "Inzet pool specialisten"),
        ],
    },
    {
        "chapter": "10",
        "title": "Integraal Toets- en Advies Team Radicalisering (ITAT-R)",
        "slug": "itat-r",
        "summary": "Het concept plan van aanpak in het ITAT-R, vijf weken na toewijzing.",
        "body": [
            heading("Het concept plan in het ITAT-R", "advisory-team"),
            text(
                "Vijf weken nadat het basisdossier aan jouw organisatie is toegewezen, leg je "
                "een concept plan van aanpak voor aan het Integraal Toets- en Advies Team "
                "Radicalisering (ITAT-R). Het doel van het ITAT-R is het adviseren en het helpen "
                "van de regisseur bij het opstellen van de strategie in het plan van aanpak. Het "
                "ITAT-R zal jouw concept plan van aanpak onder andere toetsen op integraliteit "
                "en zal creatief meedenken over interventies en scenario's op de korte en lange "
                "termijn.",
                "Verder kan het ITAT-R met je mee denken over alle dilemma's die je tegen komt "
                "bij het opstellen van je plan van aanpak.",
            ),
            heading("Termijnen en agenda", "advisory-team-deadlines"),
            text(
                "De afspraak is dat het plan van aanpak 7 dagen voorafgaand aan de "
                "ITAT-R-vergadering in concept gereed is. Het plan van aanpak hoeft niet "
                f"digitaal of op papier te worden aangeleverd, want je maakt het in {SYSTEM}. "
                "Je geeft een seintje aan de secretaris dat jouw plan van aanpak gereed is voor "
                "agendering.",
                "Het ITAT-R vindt om de 3 weken op de donderdag plaats. In tijdsblokken van "
                "ongeveer twintig minuten leggen de regisseurs hun plan van aanpak voor aan het "
                "ITAT-R. Je ontvangt ongeveer één week van tevoren de agenda, met daarop het "
                "tijdstip waarop je verwacht wordt bij het ITAT-R, via de secretaris.",
            ),
            deadlines(
                "Termijnen ITAT-R",
                (
                    "Concept plan in het ITAT-R",
                    "toewijzing basisdossier",
                    "eerste ITAT-R na 5 weken",
                    "regisseur, secretaris",
                ),
                ("Concept plan gereed", "ITAT-R-vergadering", "7 dagen ervoor", "regisseur"),
                ("Agenda verstuurd", "ITAT-R-vergadering", "ongeveer 1 week ervoor", "secretaris"),
            ),
            heading("Samenstelling", "advisory-team-members"),
            text(
                "De vaste schil van het ITAT-R bestaat uit vertegenwoordigers van OOV, OM, "
                "politie, GGD en GGZ (Arkin, HVO Querido en InGeest), WPI, Stadsdelen, "
                "Reclassering Nederland, JBRA, WSG, de Raad voor de Kinderbescherming, "
                "Streetcornerwork en OJZ. De regisseur schuift aan bij het overleg voor de "
                "bespreking van het eigen plan van aanpak.",
            ),
        ],
    },
    {
        "chapter": "11",
        "title": "Regieoverleg",
        "slug": "regieoverleg",
        "summary": "Het definitieve plan van aanpak wordt vastgesteld in het Regieoverleg.",
        "body": [
            heading("Vaststellen in het Regieoverleg", "steering-meeting"),
            text(
                "Na de bespreking in het ITAT-R wordt je gevraagd het plan van aanpak in "
                f"{SYSTEM} aan te passen aan de opmerkingen en aanvullingen van het ITAT-R. "
                "Daarna wordt het plan van aanpak in definitieve vorm ter vaststelling "
                "geagendeerd voor het eerstvolgende Regieoverleg.",
                "De afspraak is dat het plan van aanpak 7 dagen voorafgaand aan het Regieoverleg "
                "in definitieve vorm gereed is. Je geeft een seintje aan de secretaris dat jouw "
                "plan van aanpak gereed is voor agendering.",
                "Het Regieoverleg bestaat uit vertegenwoordigers van de gemeente, politie, OM en "
                "NCTV en vindt om de 2 weken op de woensdagochtend plaats. De regisseur is niet "
                "aanwezig bij dit overleg. Het Regieoverleg stelt het plan van aanpak definitief "
                "vast, waarna het plan van aanpak digitaal door de secretaris in het "
                "volgsysteem wordt geaccordeerd.",
            ),
            deadlines(
                "Termijn definitief plan",
                (
                    "Definitief plan gereed",
                    "na het ITAT-R",
                    "7 dagen vóór het eerstvolgende Regieoverleg",
                    "regisseur",
                ),
            ),
        ],
    },
    {
        "chapter": "12",
        "title": "Voortgang plan van aanpak",
        "slug": "voortgang-plan-van-aanpak",
        "summary": "Het plan bijsturen na vaststelling; terug naar het ITAT-R bij vastlopen.",
        "body": [
            heading("Het plan bijsturen", "plan-progress"),
            text(
                "Het plan van aanpak blijft dynamisch, ook na vaststelling in het Regieoverleg. "
                "Je kunt nieuwe interventies opvoeren en andere interventies afsluiten, op basis "
                "van de ontwikkelingen rond je subject.",
                "Je stuurt het plan van aanpak dus met regelmaat bij, in samenspraak met de door "
                "jou geselecteerde interventieplegers en het vaste ITAT-R-lid vanuit jouw "
                "organisatie.",
                "Als je na vaststelling van het plan van aanpak in de uitvoering vastloopt, omdat "
                "het lijkt of je subject nergens aan mee wil werken, dan kun je jouw subject "
                "opnieuw inbrengen in het ITAT-R. Het ITAT-R denkt dan met je mee over welke "
                "inzet nog nodig en mogelijk is.",
            ),
        ],
    },
    {
        "chapter": "13",
        "title": "Evalueren, afbouwen en afsluiten",
        "slug": "evalueren-afbouwen-afsluiten",
        "summary": "Periodiek evalueren; afbouw- of afsluitvoorstel als de doelen behaald zijn.",
        "body": [
            heading("Evalueren", "evaluation"),
            text(
                "Het is van belang niet alleen de interventies te registreren, maar ook de "
                "planning en het resultaat. Kortom: wie doet wat wanneer en wat levert het "
                "allemaal op?",
                "Om de resultaten goed bij te houden, evalueer je periodiek het plan van aanpak "
                f"en de ingezette interventies in {SYSTEM}. Het volgsysteem waarschuwt je "
                "vanzelf wanneer het weer tijd is om te evalueren.",
                "Alle evaluatiemomenten bij elkaar geven de onderbouwing voor de voortgang van "
                "jouw plan van aanpak.",
            ),
            heading("Afbouwen en afsluiten", "wind-down-and-closure"),
            text(
                "Wanneer uit de evaluatie van jouw plan van aanpak blijkt dat alle doelen "
                "behaald zijn en een subject eigenlijk niet meer thuis hoort in de aanpak "
                "Radicalisering, dan stel je \u2013 wederom in samenspraak met jouw "
                "UVO-partners \u2013 een afbouwvoorstel of een afsluitvoorstel (= uitstroom uit "
                "de aanpak Radicalisering, met een eventuele \u2018warme\u2019 overdracht binnen "
                "de reguliere hulpverlening) op. In beide voorstellen benoem je de behaalde "
                "doelstellingen en jouw overwegingen om het dossier \u2018af te bouwen\u2019 dan "
                "wel \u2018af te sluiten\u2019 voor de aanpak Radicalisering.",
                "Het afbouwvoorstel/afsluitvoorstel wordt geagendeerd voor het ITAT-R en wordt "
                "vervolgens ter vaststelling voorgelegd aan het Regieoverleg.",
            ),
            callout(
                "De omschrijving van een afbouwvoorstel is in de openbare handreiking "
                "weggelakt; het programmateam vult die hier aan.",
                kind="todo",
                title="Nog aan te vullen",
            ),
        ],
    },
    {
        "chapter": "14",
        "title": "Monitor",
        "slug": "monitor",
        "summary": "De periodieke monitor van het programmateam.",
        "body": [
            heading("De monitor", "monitor"),
            text(
                "Het programmateam brengt periodiek een monitor uit. Deze monitor ontwikkelt "
                "zich voortdurend, waardoor er steeds meer inzicht komt over de problematiek in "
                "de stad (bijvoorbeeld het aantal potentiële uitreizigers of het aantal "
                "ingestroomde meisjes met radicale denkbeelden) en over de effecten van de "
                "aanpak. Het gaat dan zowel over de aantallen (bijvoorbeeld het aantal ingezette "
                "interventies, of het aantal uitgevoerde screenings), maar de monitor geeft ook "
                "inzage op het gebied van effectiviteit: welke resultaten behaalt de aanpak en "
                "wat wérkt. De monitor wordt opgesteld om de Driehoek, het Directeurenoverleg en "
                "de Stuurgroep goed te kunnen informeren.",
            ),
        ],
    },
    {
        "chapter": "15",
        "title": "Vakontwikkeling",
        "slug": "vakontwikkeling",
        "summary": "Het opleidingsprogramma voor regisseurs.",
        "body": [
            heading("Het opleidingsprogramma", "training"),
            text(
                "De IPGA Radicalisering heeft een speciaal opleidingsprogramma ontwikkeld met "
                "activiteiten waar alle regisseurs Radicalisering aan deelnemen. Het programma "
                "bestaat uit collectieve bijeenkomsten, werkateliers en "
                "casuïstiekbesprekingen.",
                "Een ander onderdeel van het opleidingsprogramma vormen de bijeenkomsten voor "
                "speciale vakontwikkeling voor regisseurs, die georganiseerd worden door het "
                "AcVZ. Het AcVZ bouwt hiermee steeds verder aan het \u2018regisseursvak\u2019.",
                "Tijdens deze bijeenkomsten is onder andere aandacht voor vernieuwende "
                "methodieken, professionele en persoonlijke ontwikkeling en het onderling "
                "uitwisselen van kennis, ervaringen en manieren van werken. Het AcVZ biedt "
                "daarnaast ook nog open middagen aan, waarin een organisatie of thema rond straf "
                "of zorg centraal staat.",
            ),
            callout(
                "De agenda van de bijeenkomsten en het aanmelden staan in het volgsysteem onder "
                "het menu Vakontwikkeling.",
            ),
        ],
    },
    {
        "chapter": "Bijlage 1",
        "title": "Het werkproces",
        "slug": "werkproces",
        "placeholder": False,
        "summary": "Schema van het werkproces, van melding tot afsluiting.",
        "body": [
            heading("Het werkproces", "work-process"),
            text(
                "Het schema hieronder tekent het volgsysteem zelf uit zijn statusovergangen: "
                "elke stap die het systeem toestaat, en niets anders."
            ),
        ],
    },
]
