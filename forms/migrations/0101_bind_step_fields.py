"""Bind the assessment's facts to its form and add the closure proposal form (new versions)."""

from django.db import migrations

from forms import seed


def forwards(apps, schema_editor):
    seed.bind_fields(apps)


def backwards(apps, schema_editor):
    seed.unbind_fields(apps)


class Migration(migrations.Migration):
    dependencies = [("structuredforms", "0100_binding_and_drafts")]
    operations = [migrations.RunPython(forwards, backwards)]
