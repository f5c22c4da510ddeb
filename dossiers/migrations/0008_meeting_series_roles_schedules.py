"""The two meeting series, the roles' permissions on meetings and reminders, and the jobs.

Schedules are matched by name, so running this again (or after a manual edit) never adds a
second copy of a job.
"""

import datetime

from django.db import migrations
from django.utils import timezone

from dossiers import roles

TABLE = {
    roles.SECRETARY: [
        "dossiers.manage_agenda",
        "dossiers.view_meeting",
        "dossiers.change_meeting",
        "dossiers.view_agendaitem",
        "dossiers.view_meetingseries",
    ],
    roles.STEERING_MEMBER: ["dossiers.view_meeting", "dossiers.view_agendaitem"],
    roles.CASE_DIRECTOR: ["dossiers.view_meeting", "dossiers.view_agendaitem"],
    roles.ADVISORY_MEMBER: ["dossiers.view_meeting", "dossiers.view_agendaitem"],
    roles.INTAKE: ["dossiers.receive_letter_reminders"],
    roles.PROGRAMME_TEAM: [
        "dossiers.view_meetingseries",
        "dossiers.change_meetingseries",
        "dossiers.change_programmesettings",
    ],
    roles.ADMINISTRATOR: ["dossiers.view_reminder"],
}

SERIES = [
    # Thursday 8 January 2026 starts the three-weekly ITAT-R rhythm; Wednesday 7 January the
    # two-weekly Regieoverleg. The programme team can change both in the admin.
    {
        "kind": "itatr",
        "name": "ITAT-R",
        "weekday": 3,
        "interval_weeks": 3,
        "first_date": datetime.date(2026, 1, 8),
        "start_time": datetime.time(13, 0),
    },
    {
        "kind": "steering",
        "name": "Regieoverleg",
        "weekday": 2,
        "interval_weeks": 2,
        "first_date": datetime.date(2026, 1, 7),
        "start_time": datetime.time(9, 0),
    },
]

JOBS = [
    ("Herinneringen: dagelijkse scan", "dossiers.tasks.reminder_scan", "D", 6),
    ("Herinneringen: mislukte opnieuw versturen", "dossiers.tasks.reminder_retry", "H", 7),
    ("Vergaderingen vooruit plannen", "dossiers.tasks.meetings_generate", "D", 5),
]


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)
    MeetingSeries = apps.get_model("dossiers", "MeetingSeries")
    for series in SERIES:
        MeetingSeries.objects.get_or_create(kind=series["kind"], defaults=series)
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for name, func, schedule_type, hour in JOBS:
        first_run = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(hour)))
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": schedule_type, "repeats": -1},
            create_defaults={
                "func": func,
                "schedule_type": schedule_type,
                "repeats": -1,
                "next_run": first_run,
            },
        )


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)
    apps.get_model("django_q", "Schedule").objects.filter(
        name__in=[name for name, *_ in JOBS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0007_meetings_reminders"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
