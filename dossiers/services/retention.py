"""Retention: delete a finished case after its period, leaving only what may remain.

What remains of a deleted case (docs/adr/0007): a pseudonymised monitor fact (dates and
categories, ``reports.facts``), one deletion-log row (dossier number, dates, row counts), and
the access-log rows with the person's name and the page description blanked. Everything else
that hangs off the dossier (found by Django's deletion collector, so new models are included
without a list to keep), the person if no other dossier has them, their files, Wagtail
revisions and log entries, search-index entries, and the partner exports made since the case
began (they may list the person; reports.export_lifetime) go, in one transaction per case.
"""

import datetime

import pgtrigger
from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, Revision

from dossiers.letters.services import letters_drop_undue
from dossiers.models import (
    AccessLogEntry,
    DeletionLogEntry,
    Dossier,
    DossierLogEntry,
    NotificationLetter,
)
from dossiers.selectors.retention import retention_due, retention_until
from reports.export_lifetime import EXPORT_JOBS, exports_delete
from reports.facts import monitor_fact_data
from reports.models import MonitorFact


class RetentionNotDue(Exception):
    """The case is not (or no longer) past its retention period: nothing was deleted."""


def _belongs_to(instance, dossier) -> bool:
    return getattr(instance, "dossier_id", None) == dossier.pk


def _delete_case(dossier: Dossier, targets: list) -> tuple[dict[type, list[str]], list[tuple]]:
    """Delete ``targets`` with their cascades; returns the pks per model and the files.

    Objects of the case that protect a target (a structured-form response protects its dossier)
    are deleted before it; an object outside the case that protects it stops the deletion.
    """
    found: dict[type, list[str]] = {}
    files: list[tuple] = []
    pending = list(targets)
    for _attempt in range(100):
        if not pending:
            return found, files
        collector = Collector(using=router.db_for_write(Dossier))
        try:
            collector.collect([pending[0]])
        except ProtectedError as error:
            blocking = list(error.protected_objects)
            if not all(_belongs_to(instance, dossier) for instance in blocking):
                raise
            pending = blocking + pending
            continue
        collected = {model: set(objects) for model, objects in collector.data.items()}
        for queryset in collector.fast_deletes:
            collected.setdefault(queryset.model, set()).update(queryset)
        for model, objects in collected.items():
            found.setdefault(model, []).extend(str(instance.pk) for instance in objects)
            files += _file_names(model, objects)
        collector.delete()
        pending.pop(0)
    raise RuntimeError("retention: protected objects do not resolve")  # pragma: no cover


def _file_names(model, objects) -> list[tuple]:
    file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    return [
        (field.storage, getattr(instance, field.attname).name)
        for instance in objects
        for field in file_fields
        if getattr(instance, field.attname)
    ]


def _wagtail_traces(found: dict[type, list[str]]) -> None:
    for model, object_ids in found.items():
        content_type = ContentType.objects.get_for_model(model)
        Revision.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
        ModelLogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()


def retention_purge(*, dossier: Dossier, today: datetime.date) -> DeletionLogEntry:
    """Delete one finished case past its retention period; returns its deletion-log row."""
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        ended_on = (
            retention_due(today=today)
            .filter(pk=locked.pk)
            .values_list("ended_at", flat=True)
            .first()
        )
        if ended_on is None:
            raise RetentionNotDue(_("Dit dossier is nog niet aan verwijdering toe."))
        ended_on = timezone.localdate(ended_on)
        MonitorFact.objects.create(created_on=today, data=monitor_fact_data(locked))
        subject = locked.subject
        targets = [locked]
        if subject and not subject.dossiers.exclude(pk=locked.pk).exists():
            targets.append(subject)
        reference, final_state, included = locked.reference, locked.state, locked.included_on
        pk = locked.pk
        # Relatives (ADR 0007): other dossiers this case's records link to lose those links
        # and the unsent letters only this case asked for; their own records stay.
        mirrored_letters = list(
            NotificationLetter.objects.filter(
                dossier__subject_id__in=locked.relatives.values("linked_subject_id"),
                recipient_subject_id=locked.subject_id,
                recipient_relative=None,
                sent_on=None,
            )
            .exclude(dossier=locked)
            .values_list("pk", flat=True)
        )
        created_at = locked.created_at
        # The status history is append-only in the database too (PostgreSQL triggers); its
        # rows go with their dossier, so this deletion alone lifts the delete trigger.
        with pgtrigger.ignore("dossiers.DossierStatusChange:append_only_delete"):
            found, files = _delete_case(locked, targets)
        letters_drop_undue(letter_ids=mirrored_letters)
        # An export made since the case began may list the person: it goes now too.
        for export_model in EXPORT_JOBS:
            exports, export_files = exports_delete(
                export_model.objects.filter(requested_at__gte=created_at)
            )
            if exports:
                found[export_model] = exports
                files += export_files
        _wagtail_traces(found)
        DossierLogEntry.objects.filter(object_id=str(pk)).delete()
        # The access log is append-only; this named scrub is its one exception (it lifts the
        # table's update trigger for its own UPDATE).
        AccessLogEntry.objects.filter(dossier_id_snapshot=pk).retention_scrub(
            subject_name="",
            subject_id_snapshot=None,
            object_description=_("(verwijderd na bewaartermijn)"),
        )
        entry = DeletionLogEntry.objects.create(
            deleted_at=timezone.now(),
            dossier_reference=reference,
            final_state=final_state,
            ended_on=ended_on,
            retention_until=retention_until(ended_on=ended_on, included=included is not None),
            rows={
                model._meta.label: len(objects)
                for model, objects in sorted(found.items(), key=lambda item: item[0]._meta.label)
            },
            files=len(files),
        )
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return entry


def retention_run(*, today: datetime.date) -> int:
    """Delete every case past its retention period; safe to run twice or concurrently."""
    deleted = 0
    for dossier in retention_due(today=today).only("pk"):
        try:
            retention_purge(dossier=dossier, today=today)
        except (RetentionNotDue, Dossier.DoesNotExist):
            continue  # another run deleted it first
        deleted += 1
    return deleted
