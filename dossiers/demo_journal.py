"""Demo logbooks at national scale: about ``per_dossier`` lines for every active dossier.

50,000 dossiers make about 3 million lines, so they are generated as tuples in chunks and
written with PostgreSQL's COPY (``bulk_create`` in chunks elsewhere): memory stays flat and
``demo_data --dossiers 50000`` finishes in minutes. Fictional texts only, deterministic per
seed. The lines are spread between the inclusion and today, a few per week.
"""

import datetime
import random
from collections.abc import Iterator

from django.db import connection
from django.utils import timezone

from dossiers.models import JournalEntry
from dossiers.workflow.states import ACTIVE_STATES

CHUNK = 20_000
TEXTS = {
    "subject_contact": [
        "Gesprek met de persoon over school en werk (demo).",
        "Huisbezoek; de persoon was thuis en open in het gesprek (demo).",
        "Telefonisch contact, afspraak voor volgende week gemaakt (demo).",
    ],
    "network_contact": [
        "Gesprek met de ouders over de thuissituatie (demo).",
        "Contact met de mentor van school (demo).",
    ],
    "partner_update": [
        "Terugkoppeling van de uitvoerder: interventie loopt volgens plan (demo).",
        "Partner meldt dat een afspraak niet is nagekomen (demo).",
    ],
    "incident": ["Melding van de wijkagent over een incident in de buurt (demo)."],
    "agreement": ["Afspraak gemaakt over dagbesteding en begeleiding (demo)."],
    "other": ["Dossier doorgenomen ter voorbereiding op de UVO (demo)."],
}
KIND_WEIGHTS = {
    "subject_contact": 35,
    "network_contact": 20,
    "partner_update": 25,
    "incident": 5,
    "agreement": 10,
    "other": 5,
}
COLUMNS = ("dossier_id", "kind", "occurred_on", "text", "author_id", "created_at")


def _rows(dossiers, per_dossier: int, rng: random.Random, today, now) -> Iterator[tuple]:
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for dossier in dossiers:
        if dossier.state not in ACTIVE_STATES or dossier.case_director_id is None:
            continue
        start = dossier.included_on or today - datetime.timedelta(days=90)
        span = max(1, (today - start).days)
        count = max(1, round(per_dossier * rng.uniform(0.6, 1.4)))
        for kind in rng.choices(kinds, weights=weights, k=count):
            day = start + datetime.timedelta(days=rng.randrange(span))
            yield (
                dossier.pk,
                kind,
                day,
                rng.choice(TEXTS[kind]),
                dossier.case_director_id,
                timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
                if day < today
                else now,
            )


def _chunks(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def demo_journal_create(*, dossiers, per_dossier: int, rng: random.Random) -> int:
    """About ``per_dossier`` logbook lines (60-140%) for each active dossier; returns the count."""
    if per_dossier <= 0:
        return 0
    today, now = timezone.localdate(), timezone.now()
    written = 0
    table = JournalEntry._meta.db_table
    for chunk in _chunks(_rows(dossiers, per_dossier, rng, today, now)):
        if connection.vendor == "postgresql":
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy,
            ):
                for row in chunk:
                    copy.write_row(row)
        else:
            JournalEntry.objects.bulk_create(
                (JournalEntry(**dict(zip(COLUMNS, row, strict=True))) for row in chunk),
                batch_size=2000,
            )
        written += len(chunk)
    return written
