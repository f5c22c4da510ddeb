"""Seed the partner organisations named in the handbook; all editable afterwards."""

from django.db import migrations

ORGANISATIONS = [
    # name, short name, kind, supplies case directors
    ("Politie Eenheid Amsterdam", "Politie", "police", True),
    ("Openbaar Ministerie", "OM", "justice", True),
    ("Reclassering Nederland", "Reclassering", "justice", True),
    ("Jeugdbescherming Regio Amsterdam", "JBRA", "youth", True),
    ("William Schrikker Groep", "WSG", "youth", True),
    ("Raad voor de Kinderbescherming", "RvdK", "youth", True),
    ("Streetcornerwork", "Streetcornerwork", "social", True),
    ("Arkin", "Arkin", "care", True),
    ("HVO Querido", "HVO Querido", "care", True),
    ("GGZ InGeest", "InGeest", "care", True),
    ("Werk, Participatie en Inkomen (gemeente)", "WPI", "municipality", True),
    ("Leerplicht (gemeente)", "Leerplicht", "municipality", True),
    ("Openbare Orde en Veiligheid (gemeente)", "OOV", "municipality", True),
    ("Stadsdelen (gemeente)", "Stadsdelen", "municipality", True),
    ("GGD Amsterdam", "GGD", "care", False),
    ("Onderwijs, Jeugd en Zorg (gemeente)", "OJZ", "municipality", False),
    ("Actiecentrum Veiligheid en Zorg", "AcVZ", "municipality", False),
    ("Meld- en Adviespunt Radicalisering", "MAP", "municipality", False),
    ("Nationaal Coördinator Terrorismebestrijding en Veiligheid", "NCTV", "national", False),
]


def seed(apps, schema_editor):
    Organisation = apps.get_model("catalogue", "Organisation")
    for name, short, kind, supplies in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name=name,
            defaults={"short_name": short, "kind": kind, "supplies_case_directors": supplies},
        )


def unseed(apps, schema_editor):
    Organisation = apps.get_model("catalogue", "Organisation")
    Organisation.objects.filter(name__in=[o[0] for o in ORGANISATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
