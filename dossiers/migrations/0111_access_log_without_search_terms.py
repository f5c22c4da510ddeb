"""Access-log paths written before docs/adr/0009: hide every query value that could hold a name
(a search term, a filter typed by a user). Idempotent: a hidden value stays hidden."""

from django.db import migrations

from dossiers.services.access_log import logged_path


def forwards(apps, schema_editor):
    AccessLogEntry = apps.get_model("dossiers", "AccessLogEntry")
    for pk, path in AccessLogEntry.objects.filter(path__contains="?").values_list("pk", "path"):
        hidden = logged_path(path)
        if hidden != path:
            AccessLogEntry.objects.filter(pk=pk).update(path=hidden)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0110_programme_export_lifetime")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
