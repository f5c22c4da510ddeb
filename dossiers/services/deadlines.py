"""Stores what the obligations engine works out, so queues and listings read it in SQL.

``dossiers.obligations`` stays the one place of the deadline rules: this module only writes its
output to ``DossierDeadline`` and to the dossier's ``next_due_on``/``next_due_kind``. The state
machine's history rows and the records that fulfil an obligation (letters, UVOs, evaluations)
refresh the dossier they belong to (``dossiers.deadline_signals``); a changed calendar or
setting refreshes every active dossier; ``manage.py deadlines_refresh`` and the daily job
refresh all.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from dossiers.meetings.calendar import MeetingCalendar
from dossiers.models import Dossier, DossierDeadline
from dossiers.obligations import dossier_obligation_list

BATCH = 500


def _refresh_batch(ids: list[int], calendar: MeetingCalendar) -> int:
    dossiers = list(Dossier.objects.filter(pk__in=ids))
    obligations = dossier_obligation_list(dossiers, calendar=calendar)
    rows = [
        DossierDeadline(
            dossier_id=o.dossier.pk,
            kind=o.kind,
            due_on=o.due_on,
            rule=o.rule[:300],
            meeting_id=o.meeting.pk if o.meeting else None,
            responsible_user_id=o.responsible_user_id,
            responsible_permission=o.responsible_permission,
        )
        for o in obligations
    ]
    # The case director's own next deadline: the first obligation that is theirs.
    nxt: dict[int, tuple] = {}
    for o in obligations:  # sorted by due date
        if o.responsible_user_id and o.dossier.pk not in nxt:
            nxt[o.dossier.pk] = (o.due_on, o.kind)
    by_value: dict[tuple, list[int]] = defaultdict(list)
    for dossier in dossiers:
        value = nxt.get(dossier.pk, (None, ""))
        if (dossier.next_due_on, dossier.next_due_kind) != value:
            by_value[value].append(dossier.pk)
    with transaction.atomic():
        DossierDeadline.objects.filter(dossier_id__in=ids).delete()
        DossierDeadline.objects.bulk_create(rows)
        for (due_on, kind), pks in by_value.items():
            Dossier.objects.filter(pk__in=pks).update(next_due_on=due_on, next_due_kind=kind)
    return len(rows)


def deadlines_refresh(*, dossier_ids: Iterable[int] | None = None) -> int:
    """Rewrite the stored deadlines of ``dossier_ids`` (all dossiers when None).

    Dossiers that are no longer active lose their rows. Returns the number of open deadlines.
    """
    if dossier_ids is None:
        ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(dossier_ids))
    if not ids:
        return 0
    calendar = MeetingCalendar.load()
    return sum(
        _refresh_batch(ids[start : start + BATCH], calendar) for start in range(0, len(ids), BATCH)
    )


def deadlines_refresh_active() -> int:
    """After a calendar or settings change: every dossier that has or may have deadlines."""
    from dossiers.workflow.states import ACTIVE_STATES

    ids = Dossier.objects.filter(state__in=ACTIVE_STATES).values_list("pk", flat=True)
    stale = DossierDeadline.objects.exclude(dossier__state__in=ACTIVE_STATES)
    return deadlines_refresh(dossier_ids=[*ids, *stale.values_list("dossier_id", flat=True)])
