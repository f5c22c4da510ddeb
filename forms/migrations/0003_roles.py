"""The programme team edits and publishes form definitions; roles that fill forms get responses."""

from django.db import migrations

from dossiers import roles

FILL = ["structuredforms.add_formresponse", "structuredforms.view_formresponse"]

TABLE = {
    roles.PROGRAMME_TEAM: [
        "structuredforms.add_formdefinition",
        "structuredforms.change_formdefinition",
        "structuredforms.publish_formdefinition",
        "structuredforms.view_formdefinition",
        *FILL,
    ],
    roles.PRE_ASSESSMENT: FILL,
    roles.CASE_DIRECTOR: FILL,
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [
        ("structuredforms", "0002_seed_forms"),
        ("dossiers", "0002_roles"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
