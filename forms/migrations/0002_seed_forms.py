"""Seed the assessment framework, the evaluation and the UVO report as published forms."""

from django.db import migrations

from forms import seed


def forwards(apps, schema_editor):
    seed.seed(apps)


def backwards(apps, schema_editor):
    seed.unseed(apps)


class Migration(migrations.Migration):
    dependencies = [("structuredforms", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
