"""The role "Toezicht privacy": resolves names in the access log (each lookup is logged).

No demo user and no other role holds it; an administrator assigns it for an incident
investigation and takes it back afterwards (docs/roles.md).
"""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.PRIVACY_SUPERVISION: [
        "wagtailadmin.access_admin",
        "dossiers.view_accesslogentry",
        "dossiers.resolve_accesslog_names",
    ]
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0130_access_log_name_resolution")]
    operations = [migrations.RunPython(forwards, backwards)]
