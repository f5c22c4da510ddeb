"""The daily retention job (matched by name: idempotent) and who may read the deletion log."""

import datetime

from django.db import migrations
from django.utils import timezone

from dossiers import roles

TABLE = {roles.ADMINISTRATOR: ["dossiers.view_deletionlogentry"]}
JOB = ("Bewaartermijn: verlopen dossiers verwijderen", "dossiers.tasks.retention_run", "D", 3)


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)
    name, func, schedule_type, hour = JOB
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=name,
        defaults={"func": func, "schedule_type": schedule_type, "repeats": -1},
        create_defaults={
            "func": func,
            "schedule_type": schedule_type,
            "repeats": -1,
            "next_run": timezone.make_aware(
                datetime.datetime.combine(tomorrow, datetime.time(hour))
            ),
        },
    )


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)
    apps.get_model("django_q", "Schedule").objects.filter(name=JOB[0]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0050_retention"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
