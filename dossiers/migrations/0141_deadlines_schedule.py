"""The nightly refresh of the stored deadlines (matched by name: idempotent).

Its first run is due at once, so existing dossiers get their stored deadlines on deploy.
"""

from django.db import migrations
from django.utils import timezone

JOB = ("Termijnen: opgeslagen termijnen bijwerken", "dossiers.tasks.deadlines_refresh", "D")


def forwards(apps, schema_editor):
    name, func, schedule_type = JOB
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=name,
        defaults={"func": func, "schedule_type": schedule_type, "repeats": -1},
        create_defaults={
            "func": func,
            "schedule_type": schedule_type,
            "repeats": -1,
            "next_run": timezone.now(),
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=JOB[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0140_dossier_deadlines")]
    operations = [migrations.RunPython(forwards, backwards)]
