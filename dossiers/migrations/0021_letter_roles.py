"""The MAP makes and registers notification letters; case directors read their dossiers' ones."""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.INTAKE: ["dossiers.send_letters", "dossiers.view_notificationletter"],
    roles.CASE_DIRECTOR: ["dossiers.view_notificationletter"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0020_notification_letters")]
    operations = [migrations.RunPython(forwards, backwards)]
