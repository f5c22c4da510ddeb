"""Demo access log: four months of ordinary reads, and one user whose last month stands out.

So the monthly access review (``reports.access_review``) has something to show on demo data:
case directors read their own dossiers in office hours; in the last full month ``regisseur3``
reads many dossiers, closed ones included, late in the evening, and exports a long list.
"""

import datetime
import random

from django.utils import timezone

from dossiers.models import AccessAction, AccessLogEntry
from dossiers.workflow.states import READ_ONLY_STATES

MONTHS = 4
UNUSUAL_USER = "regisseur3"


def _month_start(day: datetime.date, back: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def _moment(month: datetime.date, rng: random.Random, *, late: bool = False) -> datetime.datetime:
    day = month + datetime.timedelta(days=rng.randint(0, 27))
    while not late and day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    hour = rng.randint(21, 23) if late else rng.randint(8, 17)
    local = datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59)))
    return timezone.make_aware(local)


def _row(user, dossier, at, **kwargs) -> AccessLogEntry:
    return AccessLogEntry(
        at=at,
        user_id_snapshot=user.pk,
        username=user.username,
        organisation=user.organisation.name if user.organisation_id else "",
        dossier_id_snapshot=dossier.pk if dossier else None,
        dossier_reference=dossier.reference if dossier else "",
        subject_id_snapshot=dossier.subject_id if dossier else None,
        subject_name=str(dossier.subject) if dossier else "",
        path=f"/admin/dossiers/inspect/{dossier.pk}/" if dossier else "/admin/dossiers/",
        **kwargs,
    )


def demo_access_log_create(*, dossiers, users, rng: random.Random) -> int:
    """Write the demo access log rows; returns how many."""
    today = timezone.localdate()
    rows = []
    own = {}
    for dossier in dossiers:
        if dossier.case_director_id:
            own.setdefault(dossier.case_director_id, []).append(dossier)
    for back in range(MONTHS, 0, -1):
        month = _month_start(today, back)
        for user in users.values():
            for dossier in rng.sample(own.get(user.pk, []), k=min(3, len(own.get(user.pk, [])))):
                rows.append(
                    _row(
                        user,
                        dossier,
                        _moment(month, rng),
                        action=AccessAction.VIEW,
                        object_description="Dossier",
                    )
                )
    last = _month_start(today, 1)
    unusual = users[UNUSUAL_USER]
    closed = [d for d in dossiers if d.state in READ_ONLY_STATES]
    for dossier in (closed[:5] + [d for d in dossiers if d not in closed])[:25]:
        rows.append(
            _row(
                unusual,
                dossier,
                _moment(last, rng, late=True),
                action=AccessAction.VIEW,
                object_description="Dossier",
            )
        )
    rows.append(
        _row(
            unusual,
            None,
            _moment(last, rng, late=True),
            action=AccessAction.EXPORT,
            object_description="Dossiers",
            row_count=len(dossiers),
        )
    )
    AccessLogEntry.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
