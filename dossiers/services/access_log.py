"""The access log: one row per read or export of a dossier's personal data.

What a search asked is never stored (docs/adr/0009): the path keeps the names of the query
parameters, but only the values of a few that cannot carry a name (page, ordering, state…);
a search term is stored as ``q=*`` and the number of results goes to ``row_count``.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

from django.utils import timezone

from dossiers.models import AccessAction, AccessLogEntry, Dossier, Subject

# Query parameters whose values are codes or numbers, never free text typed by a user.
PLAIN_PARAMETERS = frozenset(
    {"p", "page", "ordering", "o", "export", "state", "status", "kind", "tab", "year", "period"}
)
PLAIN_VALUE_LENGTH = 40
HIDDEN = "*"


def _plain(key: str, value: str) -> bool:
    return (
        key in PLAIN_PARAMETERS
        and len(value) <= PLAIN_VALUE_LENGTH
        and value.replace("_", "").replace("-", "").isalnum()
    )


def logged_path(full_path: str) -> str:
    """``full_path`` with the value of every query parameter that could hold a name hidden."""
    parts = urlsplit(full_path)
    if not parts.query:
        return parts.path[:500]
    query = [
        (key, value if _plain(key, value) else HIDDEN)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return f"{parts.path}?{urlencode(query, safe=HIDDEN)}"[:500]


def access_log_record(
    *,
    request,
    action: str = AccessAction.VIEW,
    dossier: Dossier | None = None,
    subject: Subject | None = None,
    description: str = "",
    purpose: str = "",
    row_count: int | None = None,
) -> AccessLogEntry:
    """Write one access-log row for a read or export; raises (and so fails the read) on error."""
    user = request.user
    if subject is None and dossier is not None:
        subject = dossier.subject
    organisation = getattr(user, "organisation", None)
    request.access_logged = True  # ScopedViewMixin then adds no row of its own
    return AccessLogEntry.objects.create(
        at=timezone.now(),
        user_id_snapshot=user.pk,
        username=user.get_username(),
        organisation=organisation.name if organisation else "",
        dossier_id_snapshot=dossier.pk if dossier else None,
        dossier_reference=dossier.reference if dossier else "",
        subject_id_snapshot=subject.pk if subject else None,
        subject_name=str(subject) if subject else "",
        action=action,
        object_description=str(description)[:255],
        purpose=purpose[:255],
        request_id=getattr(request, "request_id", ""),
        path=logged_path(request.get_full_path()),
        row_count=row_count,
    )


def access_log_record_many(
    *, request, dossiers, action: str = AccessAction.VIEW, description: str = ""
) -> list[AccessLogEntry]:
    """One access-log row per dossier shown (an agenda, a print), written in one query.

    ``dossiers`` must have their subject loaded (``select_related("subject")``).
    """
    user = request.user
    organisation = getattr(user, "organisation", None)
    now = timezone.now()
    request.access_logged = True
    rows = [
        AccessLogEntry(
            at=now,
            user_id_snapshot=user.pk,
            username=user.get_username(),
            organisation=organisation.name if organisation else "",
            dossier_id_snapshot=dossier.pk,
            dossier_reference=dossier.reference,
            subject_id_snapshot=dossier.subject_id,
            subject_name=str(dossier.subject) if dossier.subject_id else "",
            action=action,
            object_description=str(description)[:255],
            request_id=getattr(request, "request_id", ""),
            path=logged_path(request.get_full_path()),
        )
        for dossier in {d.pk: d for d in dossiers}.values()
    ]
    return AccessLogEntry.objects.bulk_create(rows)
