"""The UVO report and the evaluation bind their facts (two row types for the repeating ones)."""

from django.db import migrations, models

from forms import seed


def forwards(apps, schema_editor):
    seed.bind_execution_fields(apps)


def backwards(apps, schema_editor):
    seed.unbind_fields(apps)


class Migration(migrations.Migration):
    dependencies = [("structuredforms", "0101_bind_step_fields")]

    operations = [
        migrations.AlterField(
            model_name="formfield",
            name="field_type",
            field=models.CharField(
                choices=[
                    ("short_text", "Korte tekst"),
                    ("long_text", "Lange tekst"),
                    ("single_choice", "Eén keuze"),
                    ("multiple_choice", "Meerdere keuzes"),
                    ("date", "Datum"),
                    ("number", "Getal"),
                    ("yes_no", "Ja/nee"),
                    ("scale", "Schaal 1 tot 5"),
                    ("heading", "Tussenkop met toelichting"),
                    ("agreements", "Afsprakenlijst (gebonden veld)"),
                    ("plan_item_results", "Doelbereik per interventie (gebonden veld)"),
                ],
                default="short_text",
                max_length=20,
                verbose_name="soort veld",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
