"""Move each assessment into the one form: the bound answers from what the guard read.

Before, the assessment page had a fixed block (model columns; the guard read these) and the
configured form (a response of version 1, with its own answer lists). Each assessment now gets
one response of the bound version: bound answers from the columns the guard read (urgency from
the dossier), every other answer from the old response. The old response stays, unchanged and
shown under earlier fillings on the dossier page, so any answer that disagreed stays visible.
"""

from django.db import migrations

ADVICE_FROM_TEXT = {
    "Opnemen in de aanpak": "include",
    "Niet opnemen": "not_include",
    "Aanhouden: meer informatie nodig": "more_information",
}


def _pks(manager) -> list[str]:
    return [str(pk) for pk in manager.order_by("pk").values_list("pk", flat=True)]


def _by_name(model, names) -> list[str]:
    if not isinstance(names, list):
        return []
    return [str(pk) for pk in model.objects.filter(name__in=names).values_list("pk", flat=True)]


def migrate_assessments(apps) -> int:
    """Give every assessment one response of the current (bound) version; returns how many."""
    Assessment = apps.get_model("dossiers", "Assessment")
    Response = apps.get_model("structuredforms", "FormResponse")
    Version = apps.get_model("structuredforms", "FormVersion")
    ProblemArea = apps.get_model("catalogue", "ProblemArea")
    OtherApproach = apps.get_model("catalogue", "OtherApproach")
    version = (
        Version.objects.filter(definition__slug="beoordelingskader").order_by("-number").first()
    )
    if version is None:
        return 0
    fields = version.schema.get("fields", [])
    key_of = {f["binding"]: f["key"] for f in fields if f.get("binding")}
    free_keys = {f["key"] for f in fields if not f.get("binding") and f["type"] != "heading"}
    moved = 0
    for assessment in Assessment.objects.select_related("dossier", "form_response"):
        old = assessment.form_response
        if old is not None and old.version_id == version.pk:
            continue  # already in the new shape
        before = dict(old.answers) if old is not None else {}
        answers = {key: before.get(key) for key in free_keys if key in before}
        risks_key = next((k for k in free_keys if k.startswith("risico")), None)
        if risks_key and not answers.get(risks_key) and assessment.risks:
            answers[risks_key] = assessment.risks
        bound = {
            "risk_groups": _pks(assessment.risk_groups),
            "problem_areas": _pks(assessment.problem_areas)
            or _by_name(ProblemArea, before.get(key_of.get("problem_areas", ""))),
            "other_approach_known": (
                assessment.other_approaches.exists() if assessment.other_approach_checked else None
            ),
            "other_approaches": _pks(assessment.other_approaches)
            or _by_name(OtherApproach, before.get(key_of.get("other_approaches", ""))),
            "advice": assessment.advice
            or ADVICE_FROM_TEXT.get(before.get(key_of.get("advice", "")), None),
            "advice_reasoning": assessment.advice_text
            or before.get(key_of.get("advice_reasoning", "")),
            "urgent": bool(assessment.dossier.urgent),
        }
        for name, value in bound.items():
            if name in key_of:
                answers[key_of[name]] = value if value not in ("", []) else None
        response = Response.objects.create(
            version=version,
            dossier=assessment.dossier,
            submitted_by=(old.submitted_by if old is not None else None) or assessment.updated_by,
            submitted_at=old.submitted_at if old is not None else assessment.updated_at,
            answers=answers,
            is_draft=old is None,
        )
        if old is not None:
            assessment.form_response = response
            assessment.save(update_fields=["form_response"])
        moved += 1
    return moved


def forwards(apps, schema_editor):
    migrate_assessments(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0051_retention_schedule_roles"),  # merge order of the parallel branches
        ("dossiers", "0040_signal_external_reference"),
        ("structuredforms", "0101_bind_step_fields"),
        ("catalogue", "0010_other_approach_list_entry"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
