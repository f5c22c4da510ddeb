

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0111_access_log_without_search_terms'),
        ('structuredforms', '0102_step_form_bindings'),
    ]

    operations = [
        migrations.AddField(
            model_name='closureproposal',
            name='form_response',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='structuredforms.formresponse', verbose_name='voorstelformulier'),
        ),
    ]
