"""Give the roles their permissions on signals."""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.INTAKE: ["dossiers.add_signal", "dossiers.view_signal"],
    roles.POLICE_INTAKE: ["dossiers.add_signal", "dossiers.view_signal"],
    roles.PRE_ASSESSMENT: ["dossiers.view_signal"],
    roles.STEERING_MEMBER: ["dossiers.view_signal"],
    roles.SECRETARY: ["dossiers.view_signal"],
    roles.CASE_DIRECTOR: ["dossiers.view_signal"],
    roles.ADVISORY_MEMBER: ["dossiers.view_signal"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_signals_decisions_relations")]
    operations = [migrations.RunPython(forwards, backwards)]
