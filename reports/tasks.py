"""django-q2 jobs of the reports app: thin wrappers that call services (idempotent)."""

from django.utils import timezone


def access_review_remind() -> int:
    """Daily: remind the privacy officer of months whose access review is open (weekly)."""
    from reports.access_review_services import access_review_remind as _remind

    return _remind(today=timezone.localdate())
