"""The frozen shape of a form: plain dicts built from field rows (live or historical models)."""

from decimal import Decimal

CHOICE_TYPES = frozenset({"single_choice", "multiple_choice"})
HEADING = "heading"
#: repeating answers (forms/rows.py): only as bound fields, the system fills their rows
ROW_TYPES = frozenset({"agreements", "plan_item_results"})


def parse_choices(text: str) -> list[str]:
    """The answer options of a choice field: one per line, trimmed, no blanks or duplicates."""
    seen: dict[str, None] = {}
    for line in (text or "").splitlines():
        option = line.strip()
        if option:
            seen.setdefault(option, None)
    return list(seen)


def _number(value) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def field_snapshot(field) -> dict:
    """A field row as the schema stores it; reads attributes only, so migrations can call it."""
    snapshot = {
        "key": field.key,
        "type": field.field_type,
        "label": field.label,
        "help_text": field.help_text,
        "required": bool(field.required) and field.field_type != HEADING,
        "choices": parse_choices(field.choices) if field.field_type in CHOICE_TYPES else [],
        "min_value": _number(field.min_value),
        "max_value": _number(field.max_value),
    }
    if getattr(field, "binding", ""):
        snapshot["binding"] = field.binding
    return snapshot


def definition_snapshot(definition, fields) -> dict:
    """The whole form as one JSON-ready dict: what a ``FormVersion`` freezes."""
    return {
        "title": definition.title,
        "intro": definition.intro,
        "fields": [field_snapshot(field) for field in fields],
    }
