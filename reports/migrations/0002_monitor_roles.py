"""The programme team publishes the monitor; the steering members and secretary read it."""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.PROGRAMME_TEAM: ["monitor.view_monitor"],
    roles.STEERING_MEMBER: ["monitor.view_monitor"],
    roles.SECRETARY: ["monitor.view_monitor"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0001_initial"),
        ("dossiers", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
