"""django-q2 jobs of the reports app: thin wrappers that call services (idempotent)."""

from django.utils import timezone


def access_review_remind() -> int:
    """Daily: remind the privacy officer of months whose access review is open (weekly)."""
    from reports.access_review_services import access_review_remind as _remind

    return _remind(today=timezone.localdate())


def monitor_snapshots_take() -> int:
    """Nightly: the monitor's figures at the end of yesterday and of months still without."""
    from reports.snapshot_services import monitor_snapshots_take as _take

    return _take(today=timezone.localdate())
