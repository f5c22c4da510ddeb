"""Who may import what, and who sees the imported lists of other approaches.

The programme team imports the catalogue; the Voorportaal, which checks other approaches
(docs/spec/domain.md), imports their lists. Migrating signals goes through the intake services, which only
a role that may register and triage can take, so MAP holds ``import_signals``
(administrators hold no case scope: docs/adr, access.py). The people on other approaches'
lists are seen only by the roles that run the duplicate check: administrators hold no
personal data.
"""

from django.db import migrations

from dossiers import roles

VIEW_LIST = "catalogue.view_otherapproachlistentry"
TABLE = {
    roles.PROGRAMME_TEAM: ["monitor.import_catalogue"],
    roles.INTAKE: ["monitor.import_signals", VIEW_LIST],
    roles.POLICE_INTAKE: [VIEW_LIST],
    roles.PRE_ASSESSMENT: ["monitor.import_other_approach_lists", VIEW_LIST],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0003_import_job"),
        ("catalogue", "0010_other_approach_list_entry"),
        ("dossiers", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
