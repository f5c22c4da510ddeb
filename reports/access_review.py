"""The monthly access review: per user, what they read and exported, and which reads stand out.

Computed from the access log (pseudonymous: usernames and dossier numbers, never names).
A read stands out when it is of a dossier that is closed (read-only), an export of many rows
(a bulk export), made outside office hours, or when a user reads far more dossiers than in the
months before (a sudden rise).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.models import AccessAction, AccessLogEntry, Dossier
from dossiers.workflow.states import READ_ONLY_STATES

OFFICE_HOURS = (datetime.time(7, 0), datetime.time(19, 0))  # local time, Monday to Friday
BULK_EXPORT_ROWS = 50
RISE_FACTOR = 2  # this month's dossiers read >= twice the mean of the three months before...
RISE_MINIMUM = 10  # ...and at least this many more
RISE_MONTHS = 3

REASONS = {
    "closed": _("Gesloten dossier gelezen"),
    "bulk": _("Grote export"),
    "after_hours": _("Buiten kantoortijd"),
}


@dataclass
class Finding:
    """One log row that stands out, and why."""

    entry: AccessLogEntry
    reasons: list[str]

    @property
    def reason_labels(self) -> list[str]:
        return [str(REASONS[reason]) for reason in self.reasons]


@dataclass
class UserReview:
    username: str
    organisation: str = ""
    dossiers: set = field(default_factory=set)
    reads: int = 0
    exports: int = 0
    exported_rows: int = 0
    findings: list[Finding] = field(default_factory=list)
    baseline: float = 0.0
    rise: bool = False

    @property
    def dossier_count(self) -> int:
        return len(self.dossiers)

    @property
    def stands_out(self) -> bool:
        return self.rise or bool(self.findings)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _bounds(month: datetime.date, months: int = 1) -> tuple[datetime.datetime, datetime.datetime]:
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(month, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(add_months(month, months), datetime.time(), tzinfo=zone)
    return start, end


def _after_hours(moment: datetime.datetime) -> bool:
    local = timezone.localtime(moment)
    return local.weekday() >= 5 or not (OFFICE_HOURS[0] <= local.time() < OFFICE_HOURS[1])


def _reasons(entry: AccessLogEntry, closed_ids: set[int]) -> list[str]:
    reasons = []
    if entry.dossier_id_snapshot in closed_ids:
        reasons.append("closed")
    if entry.action == AccessAction.EXPORT and (entry.row_count or 0) >= BULK_EXPORT_ROWS:
        reasons.append("bulk")
    if _after_hours(entry.at):
        reasons.append("after_hours")
    return reasons


def _baselines(month: datetime.date) -> dict[str, float]:
    """Per user, the mean number of distinct dossiers read per month in the months before."""
    start, _end = _bounds(add_months(month, -RISE_MONTHS), RISE_MONTHS)
    earlier = (
        AccessLogEntry.objects.filter(
            at__gte=start, at__lt=_bounds(month)[0], dossier_id_snapshot__isnull=False
        )
        .values_list("username", "dossier_id_snapshot", "at")
        .iterator()
    )
    seen: dict[str, set] = defaultdict(set)
    for username, dossier_id, at in earlier:
        local = timezone.localtime(at)
        seen[username].add((local.year, local.month, dossier_id))
    return {username: len(keys) / RISE_MONTHS for username, keys in seen.items()}


def access_review(month: datetime.date) -> list[UserReview]:
    """The report for ``month`` (its first day): one ``UserReview`` per user who read or
    exported something, those that stand out first."""
    start, end = _bounds(month)
    entries = list(AccessLogEntry.objects.filter(at__gte=start, at__lt=end).order_by("at", "pk"))
    dossier_ids = {e.dossier_id_snapshot for e in entries if e.dossier_id_snapshot}
    closed_ids = set(
        Dossier.objects.filter(pk__in=dossier_ids, state__in=READ_ONLY_STATES).values_list(
            "pk", flat=True
        )
    )
    reviews: dict[str, UserReview] = {}
    for entry in entries:
        review = reviews.setdefault(
            entry.username, UserReview(entry.username, organisation=entry.organisation)
        )
        if entry.dossier_id_snapshot:
            review.dossiers.add(entry.dossier_id_snapshot)
        if entry.action == AccessAction.EXPORT:
            review.exports += 1
            review.exported_rows += entry.row_count or 0
        else:
            review.reads += 1
        if reasons := _reasons(entry, closed_ids):
            review.findings.append(Finding(entry, reasons))
    baselines = _baselines(month)
    for review in reviews.values():
        review.baseline = baselines.get(review.username, 0.0)
        review.rise = review.dossier_count >= max(
            RISE_FACTOR * review.baseline, review.baseline + RISE_MINIMUM
        )
    return sorted(reviews.values(), key=lambda r: (not r.stands_out, r.username))


def reviewable_months(today: datetime.date) -> list[datetime.date]:
    """The months that can be reviewed: from the first month in the access log up to and
    including the last full month, newest first."""
    first = AccessLogEntry.objects.order_by("at").values_list("at", flat=True).first()
    last = add_months(month_start(today), -1)
    if first is None:
        return []
    month = month_start(timezone.localtime(first).date())
    months = []
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months[::-1]


def open_months(today: datetime.date) -> list[datetime.date]:
    """Reviewable months not yet marked done, newest first."""
    from reports.models import AccessReview

    done = set(AccessReview.objects.values_list("month", flat=True))
    return [month for month in reviewable_months(today) if month not in done]
