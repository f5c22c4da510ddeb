"""django-q2 jobs: thin wrappers that call services; each is idempotent in the database.

django-q2 is at-least-once and replays missed schedule slots (``catch_up``), so a job may run
twice or concurrently; the services it calls make that harmless (docs/adr/0006).
"""

from django.utils import timezone

from dossiers.meetings.services import meetings_generate as _meetings_generate


def meetings_generate() -> int:
    """Generate the series' meetings about a year ahead."""
    return _meetings_generate()


def deadlines_refresh() -> int:
    """The nightly rewrite of every dossier's stored deadlines (new meetings, a new day)."""
    from dossiers.services.deadlines import deadlines_refresh as _deadlines_refresh

    return _deadlines_refresh()


def reminder_scan() -> int:
    """The daily scan: write the day's reminder markers and send them."""
    from dossiers.services.reminders import reminders_scan

    return reminders_scan(on=timezone.localdate())


def reminder_retry() -> int:
    """Retry failed reminders (and ones left by a killed worker)."""
    from dossiers.services.reminders import reminders_send_pending

    return reminders_send_pending()


def retention_run() -> int:
    """The daily deletion of finished cases past their retention period."""
    from dossiers.services.retention import retention_run as _retention_run

    return _retention_run(today=timezone.localdate())
