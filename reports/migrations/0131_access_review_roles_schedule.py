"""The role "Privacyfunctionaris" (the monthly access review, the access log without names)
and the daily job that reminds while a month's review is open (matched by name: idempotent)."""

import datetime

from django.db import migrations
from django.utils import timezone

from dossiers import roles

TABLE = {
    roles.PRIVACY_OFFICER: [
        "wagtailadmin.access_admin",
        "dossiers.view_accesslogentry",
        "monitor.review_access",
    ]
}
JOB = ("Toegangscontrole: herinnering open maanden", "reports.tasks.access_review_remind", "D", 8)


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
        ("monitor", "0130_access_review"),
        ("dossiers", "0131_privacy_supervision_role"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
