"""Repeating answers inside one step form: a table of rows, each row a few columns.

Two field types use it, both only as bound fields (the system reads each row):

- ``agreements``: free rows (what, who, by when), for the UVO's agreements;
- ``plan_item_results``: one fixed row per plan item (result and goal attainment), for the
  evaluation. The rows come from the step (``rows``), never from what the browser sends.

The browser sends ``<name>-rows`` and ``<name>-<i>-<column>``; the cleaned value is a list of
plain dicts (dates as ISO text), ready to store as the answer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ROWS = 100
EMPTY_FREE_ROWS = 2
MIN_FREE_ROWS = 3


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str = "text"  # text, long_text, date, choice
    choices: tuple[tuple[str, str], ...] = ()


class RowsWidget(forms.Widget):
    """A table with a header row; each input is named by its label and row for screen readers."""

    template_name = "structuredforms/widgets/rows.html"
    is_group = True  # rendered as a fieldset with the question as legend

    def __init__(self, columns, fixed_rows=None, attrs=None):
        super().__init__(attrs)
        self.columns = list(columns)
        self.fixed_rows = fixed_rows  # [(key, label)] or None for free rows

    def value_from_datadict(self, data, files, name):
        try:
            count = min(int(data.get(f"{name}-rows", 0)), MAX_ROWS)
        except (TypeError, ValueError):
            count = 0
        rows = []
        for index in range(count):
            row = {
                c.name: (data.get(f"{name}-{index}-{c.name}") or "").strip() for c in self.columns
            }
            if self.fixed_rows is not None:
                row["key"] = (data.get(f"{name}-{index}-key") or "").strip()
            rows.append(row)
        return rows

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-rows" not in data

    def id_for_label(self, id_):
        return f"{id_}-0-{self.columns[0].name}" if id_ and self.columns else id_

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        given = [row for row in (value or []) if isinstance(row, dict)]
        if self.fixed_rows is not None:
            by_key = {str(row.get("key", row.get("plan_item", ""))): row for row in given}
            rows = [(key, label, by_key.get(str(key), {})) for key, label in self.fixed_rows]
        else:
            filled = [row for row in given if any(row.get(c.name) for c in self.columns)]
            total = max(MIN_FREE_ROWS, len(filled) + EMPTY_FREE_ROWS)
            rows = [("", "", row) for row in filled] + [("", "", {})] * (total - len(filled))
        base_id = context["widget"]["attrs"].get("id") or name
        context["widget"].update(
            columns=self.columns,
            fixed=self.fixed_rows is not None,
            count=len(rows),
            rows=[
                {
                    "number": number,
                    "key": key,
                    "label": label,
                    "cells": [
                        {
                            "column": column,
                            "name": f"{name}-{index}-{column.name}",
                            "id": f"{base_id}-{index}-{column.name}",
                            "value": _cell_text(row.get(column.name)),
                        }
                        for column in self.columns
                    ],
                    "key_name": f"{name}-{index}-key",
                }
                for index, (number, (key, label, row)) in enumerate(enumerate(rows, start=1))
            ],
        )
        return context


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class RowsField(forms.Field):
    """Base of the two row fields: parses every row, reports problems per row number."""

    def __init__(self, *, columns, fixed_rows=None, **kwargs):
        self.columns = list(columns)
        self.fixed_rows = fixed_rows
        kwargs.setdefault("widget", RowsWidget(self.columns, fixed_rows))
        super().__init__(**kwargs)

    def to_python(self, value):
        return [row for row in (value or []) if isinstance(row, dict)]

    def clean(self, value):
        rows, errors = [], []
        for number, raw in enumerate(self.to_python(value), start=1):
            row, problems = self.clean_row(raw, number)
            errors.extend(problems)
            if row is not None:
                rows.append(row)
        if errors:
            raise forms.ValidationError(errors)
        if self.required and not rows:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return rows

    def clean_row(self, raw: dict, number: int) -> tuple[dict | None, list[str]]:
        raise NotImplementedError


def _parse_date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class AgreementsField(RowsField):
    """Free rows: what is agreed, who does it, by when; an empty row is left out."""

    def __init__(self, **kwargs):
        columns = [
            Column("description", _("Afspraak")),
            Column("owner", _("Wie")),
            Column("due_on", _("Uiterlijk"), kind="date"),
        ]
        super().__init__(columns=columns, **kwargs)

    def clean_row(self, raw, number):
        if not any(raw.get(c.name) for c in self.columns):
            return None, []
        problems = []
        if not raw.get("description") or not raw.get("owner") or not raw.get("due_on"):
            problems.append(
                _("Afspraak %(n)d: vul de afspraak, wie en uiterlijk wanneer in.") % {"n": number}
            )
        due_on = _parse_date(raw.get("due_on", "")) if raw.get("due_on") else None
        if raw.get("due_on") and due_on is None:
            problems.append(
                _("Afspraak %(n)d: vul een geldige datum in, bijvoorbeeld 31-12-2024.")
                % {"n": number}
            )
        if len(raw.get("description", "")) > 500 or len(raw.get("owner", "")) > 200:
            problems.append(_("Afspraak %(n)d: de tekst is te lang.") % {"n": number})
        if problems:
            return None, problems
        return {
            "description": raw["description"],
            "owner": raw["owner"],
            "due_on": due_on.isoformat(),
        }, []


class PlanItemResultsField(RowsField):
    """One row per plan item the step offers: its result and how far its goal is reached."""

    def __init__(self, *, items, goal_choices, **kwargs):
        self.items = [(str(key), str(label)) for key, label in items]
        self.goal_values = {str(value) for value, _label in goal_choices}
        columns = [
            Column("result", _("Resultaat"), kind="long_text"),
            Column("goal_attainment", _("Doelbereik"), kind="choice", choices=tuple(goal_choices)),
        ]
        super().__init__(columns=columns, fixed_rows=self.items, **kwargs)

    def clean_row(self, raw, number):
        labels = dict(self.items)
        key = raw.get("key", "")
        if key not in labels:
            return None, []  # not a plan item of this step: ignored, never stored
        goal = raw.get("goal_attainment", "")
        if goal and goal not in self.goal_values:
            return None, [_("%(item)s: kies een doelbereik uit de lijst.") % {"item": labels[key]}]
        if self.required and not goal:
            return None, [_("%(item)s: kies het doelbereik.") % {"item": labels[key]}]
        return {
            "plan_item": int(key) if key.isdigit() else key,
            "label": labels[key],
            "result": raw.get("result", "")[:4000],
            "goal_attainment": goal,
        }, []
