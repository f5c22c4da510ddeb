"""Writes of the reports app: applying a clean intervention import."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reports.imports import ImportPlan
from snippets.models import Intervention
from snippets.services import catalogue_publish


@transaction.atomic
def intervention_import_apply(*, plan: ImportPlan, by) -> int:
    """Create or update every planned row in one transaction; returns the rows written."""
    if not by.has_perm("catalogue.publish_intervention"):
        raise PermissionDenied
    if not plan.is_clean:
        raise ValidationError(_("Alleen een bestand zonder fouten kan worden ingelezen."))
    written = 0
    for row in plan.rows:
        if row.action == "unchanged":
            continue
        values = dict(row.values)
        organisations = values.pop("organisations")
        intervention = Intervention.objects.filter(name=values["name"]).first() or Intervention()
        for key, value in values.items():
            setattr(intervention, key, value)
        intervention.organisations.set(organisations)
        if intervention.pk is None:
            intervention.live = False
            intervention.save()
        catalogue_publish(obj=intervention, by=by)
        written += 1
    return written
