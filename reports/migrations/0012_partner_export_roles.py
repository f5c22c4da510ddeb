"""Administrators keep the partners' export profiles; the secretary makes the exports."""

from django.db import migrations

from dossiers import roles

TABLE = {
    roles.ADMINISTRATOR: [
        "monitor.add_partnerexportprofile",
        "monitor.change_partnerexportprofile",
        "monitor.view_partnerexportprofile",
    ],
    roles.SECRETARY: ["monitor.export_partner"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, TABLE)


def backwards(apps, schema_editor):
    roles.revoke(apps, TABLE)


class Migration(migrations.Migration):
    dependencies = [("monitor", "0011_partner_export"), ("dossiers", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
