"""Who takes part in which meeting (and so receives its agenda): permissions as data."""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.SECRETARY: ["dossiers.attend_steering", "dossiers.attend_advisory"],
    roles.STEERING_MEMBER: ["dossiers.attend_steering"],
    roles.ADVISORY_MEMBER: ["dossiers.attend_advisory"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0051_retention_schedule_roles")]

    operations = [
        migrations.AlterModelOptions(
            name="meeting",
            options={
                "ordering": ["date", "start_time"],
                "permissions": [
                    ("manage_agenda", "Agenda's opstellen, versturen en besluiten vastleggen"),
                    ("attend_steering", "Deelnemer Regieoverleg: ontvangt de agenda"),
                    ("attend_advisory", "Deelnemer ITAT-R: ontvangt de agenda"),
                ],
                "verbose_name": "vergadering",
                "verbose_name_plural": "vergaderingen",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
