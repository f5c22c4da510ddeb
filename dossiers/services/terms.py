"""Stores, per UVO and per evaluation, how long its term had run, so the monitor counts a
period's "in time" and "late" with one grouped query (issue 17).

Whether a UVO counts towards the UVO term, and from when its term ran, depends on the dossier's
other UVOs and its status history; an evaluation's on the adoption and the evaluations before.
Worked out per row at every monitor request, that was three lookups per UVO (0.33 s for one
month at 50,000 dossiers). It is written here instead, to ``CaseMeeting.term_days`` and
``Evaluation.term_days``: the days from the term's start (``obligations.uvo_term_start``,
``obligations.evaluation_term_start``, the engine's own rules) to the day held, or empty when the
row does not count. The interval stays a setting, compared when counted, so a changed interval
(the programme's or a dossier's own) rewrites nothing.

What changes it refreshes the dossier in the same transaction (``dossiers.deadline_signals``):
a UVO or evaluation saved or deleted, and a step of the state machine (the state on a UVO's
day, the adoption; the adoption decision's date is written by the step's effect, before the
history row). Bulk inserts send no signals: ``demo_data`` and the data migration call
``terms_refresh`` themselves, and ``manage.py deadlines_refresh`` rewrites all.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps as global_apps
from django.utils import timezone

from dossiers.obligations import (
    EXECUTION_STATES,
    StepHistory,
    evaluation_term_start,
    uvo_term_start,
)

BATCH = 500


def uvo_term_days(history: StepHistory, held: list[datetime.date], index: int) -> int | None:
    """Days since the term of the UVO ``held[index]`` began, or None when it does not count."""
    start = uvo_term_start(held[:index])
    if start is None or history.state_on(held[index]) not in EXECUTION_STATES:
        return None
    return (held[index] - start).days


def evaluation_term_days(
    history: StepHistory, decided_on, evaluated: list[datetime.date], index: int
) -> int | None:
    """Days since the term of the evaluation ``evaluated[index]`` began, or None before adoption."""
    on = evaluated[index]
    adopted_on = history.adopted_on(on, decided_on)
    if adopted_on is None:
        return None
    return (on - evaluation_term_start(adopted_on, evaluated[:index])).days


def _rows(model, ids: list[int], date_field: str) -> dict[int, list[tuple]]:
    rows = defaultdict(list)
    ordered = model.objects.filter(dossier_id__in=ids).order_by("dossier_id", date_field, "pk")
    values = ordered.values_list("pk", "dossier_id", date_field, "term_days")
    for pk, dossier_id, on, days in values:
        rows[dossier_id].append((pk, on, days))
    return rows


def _changed(model, rows: list[tuple], term_days) -> list:
    """The rows whose stored value differs from the one worked out by ``term_days(dates, i)``."""
    dates = [on for _, on, _ in rows]
    changed = []
    for index, (pk, _, stored) in enumerate(rows):
        days = term_days(dates, index)
        if days != stored:
            changed.append(model(pk=pk, term_days=days))
    return changed


def _refresh_batch(apps, ids: list[int]) -> int:
    CaseMeeting = apps.get_model("dossiers", "CaseMeeting")
    Evaluation = apps.get_model("dossiers", "Evaluation")
    uvos = _rows(CaseMeeting, ids, "held_on")
    evaluations = _rows(Evaluation, ids, "evaluated_on")
    if not uvos and not evaluations:
        return 0
    steps = defaultdict(list)
    history = apps.get_model("dossiers", "DossierStatusChange").objects.filter(
        dossier_id__in=[*uvos, *evaluations]
    )
    for dossier_id, at, state in history.order_by("at", "pk").values_list(
        "dossier_id", "at", "to_state"
    ):
        steps[dossier_id].append((timezone.localdate(at), state))
    decided = dict(
        apps.get_model("dossiers", "ActionPlan")
        .objects.filter(dossier_id__in=list(evaluations))
        .values_list("dossier_id", "adopted_on")
    )
    uvo_rows, evaluation_rows = [], []
    for dossier_id, rows in uvos.items():
        timeline = StepHistory(steps[dossier_id])
        uvo_rows += _changed(
            CaseMeeting, rows, lambda held, i, t=timeline: uvo_term_days(t, held, i)
        )
    for dossier_id, rows in evaluations.items():
        timeline, on = StepHistory(steps[dossier_id]), decided.get(dossier_id)
        evaluation_rows += _changed(
            Evaluation,
            rows,
            lambda dates, i, t=timeline, on=on: evaluation_term_days(t, on, dates, i),
        )
    CaseMeeting.objects.bulk_update(uvo_rows, ["term_days"], batch_size=BATCH)
    Evaluation.objects.bulk_update(evaluation_rows, ["term_days"], batch_size=BATCH)
    return len(uvo_rows) + len(evaluation_rows)


def terms_refresh(*, dossier_ids: Iterable[int] | None = None, apps=global_apps) -> int:
    """Rewrite the stored terms of the UVOs and evaluations of ``dossier_ids`` (all when None).

    ``apps``: a migration's model registry (the data migration that fills the new columns).
    Returns the number of rows changed.
    """
    Dossier = apps.get_model("dossiers", "Dossier")
    if dossier_ids is None:
        ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(dossier_ids))
    return sum(_refresh_batch(apps, ids[i : i + BATCH]) for i in range(0, len(ids), BATCH))
