"""The access log: one row per read or export of a dossier's personal data."""

from django.utils import timezone

from dossiers.models import AccessAction, AccessLogEntry, Dossier, Subject


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
        path=request.get_full_path()[:500],
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
            path=request.get_full_path()[:500],
        )
        for dossier in {d.pk: d for d in dossiers}.values()
    ]
    return AccessLogEntry.objects.bulk_create(rows)
