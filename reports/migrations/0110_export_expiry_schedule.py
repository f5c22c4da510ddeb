"""Daily: delete partner exports and import files past their lifetime (programme setting)."""

import datetime

from django.db import migrations
from django.utils import timezone

NAME = "Exports: verlopen bestanden verwijderen"
FUNC = "reports.export_lifetime.exports_expire"


def forwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    first_run = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(4, 30)))
    Schedule.objects.update_or_create(
        name=NAME,
        defaults={"func": FUNC, "schedule_type": "D", "repeats": -1},
        create_defaults={"func": FUNC, "schedule_type": "D", "repeats": -1, "next_run": first_run},
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0131_access_review_roles_schedule"),  # merge order of the parallel branches
        ("monitor", "0012_partner_export_roles"),
        ("dossiers", "0110_programme_export_lifetime"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
