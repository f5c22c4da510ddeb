"""The nightly job that takes the monitor's day snapshots (matched by name: idempotent).

Its first run is due at once, so an existing database gets the ends of its past months.
"""

from django.db import migrations
from django.utils import timezone

JOB = ("Monitor: stand aan het eind van de dag vastleggen", "reports.tasks.monitor_snapshots_take", "D")


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
    dependencies = [
        ("monitor", "0133_monitor_snapshot"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
