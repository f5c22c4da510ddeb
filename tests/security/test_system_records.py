"""System records are immutable for everyone, the superuser included (issue 15): reminders
(the exactly-once markers of ADR 0006), the access log, the status history and the deletion
log have no add, change or delete views and no bulk actions; the URL walker sends GET and POST
as the superuser to every URL of their viewsets and to the generic bulk-action URL, and every
row stays as it was."""

import datetime

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from dossiers.models import (
    AccessAction,
    AccessLogEntry,
    DeletionLogEntry,
    DossierStatusChange,
    Reminder,
)
from dossiers.workflow.states import DossierState as S
from tests.factories.dossiers import UserFactory
from tests.harness.urls import all_cases
from tests.harness.viewsets import models_by_namespace

pytestmark = pytest.mark.django_db

IMMUTABLE = (Reminder, AccessLogEntry, DossierStatusChange, DeletionLogEntry)
READ_ONLY_URL_NAMES = {"index", "index_results", "inspect", "resolve"}


def _namespaces():
    return {ns: model for ns, model in models_by_namespace().items() if model in IMMUTABLE}


def test_system_records_have_only_read_views():
    namespaces = _namespaces()
    assert set(namespaces.values()) == {Reminder, AccessLogEntry, DeletionLogEntry}
    for case in all_cases():
        if case.namespace in namespaces:
            name = case.url_name.split(":", 1)[1]
            assert name in READ_ONLY_URL_NAMES, f"{case.url_name} ({case.route}) changes records"
    for namespace in namespaces:
        for view in ("add", "edit", "delete", "copy", "history", "usage"):
            with pytest.raises(NoReverseMatch):
                reverse(f"{namespace}:{view}", args=[1])
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


@pytest.fixture
def records(walk, users):
    dossier = walk(S.INCLUDED)
    reminder = Reminder.objects.create(
        obligation_key=f"dossier:{dossier.pk}:plan",
        obligation_kind="plan",
        due_on=datetime.date(2026, 3, 1),
        kind="due",
        dossier=dossier,
        recipients="regisseur@test.ipga.invalid",
        subject="Plan van aanpak",
        body="Herinnering",
    )
    entry = AccessLogEntry.objects.create(
        at=dossier.created_at,
        username="regisseur",
        dossier_reference=dossier.reference,
        action=AccessAction.VIEW,
    )
    deletion = DeletionLogEntry.objects.create(
        deleted_at=dossier.created_at,
        dossier_reference="2020-00001",
        final_state=S.CLOSED,
        ended_on=dossier.created_at.date(),
        retention_until=dossier.created_at.date(),
        rows={"dossiers.Dossier": 1},
        files=0,
    )
    return {
        Reminder: reminder,
        AccessLogEntry: entry,
        DeletionLogEntry: deletion,
        DossierStatusChange: dossier.history.first(),
    }


def _snapshot():
    return {model: list(model.objects.order_by("pk").values()) for model in IMMUTABLE}


def _paths(records):
    namespaces = _namespaces()
    for case in all_cases():
        model = namespaces.get(case.namespace)
        if model is None:
            continue
        kwargs = dict.fromkeys(case.kwarg_names, records[model].pk)
        yield reverse(case.url_name, kwargs=kwargs or None)
    for model in IMMUTABLE:
        meta = model._meta
        for action in ("delete", "edit", "change"):
            yield (
                reverse(
                    "wagtail_bulk_action",
                    kwargs={
                        "app_label": meta.app_label,
                        "model_name": meta.model_name,
                        "action": action,
                    },
                )
                + f"?id={records[model].pk}"
            )


def test_superuser_changes_no_system_record(client, records):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    client.raise_request_exception = False
    before = _snapshot()
    assert all(before[model] for model in IMMUTABLE)
    answered = {}
    for path in _paths(records):
        for method in ("get", "post"):
            data = {"id": [str(r.pk) for r in records.values()], "status": "sent", "subject": "x"}
            response = getattr(client, method)(path, data if method == "post" else None)
            answered[f"{method.upper()} {path}"] = response.status_code
            assert _snapshot() == before, f"{method.upper()} {path} changed a system record"
    assert not [key for key, status in answered.items() if status >= 500], answered
    # The read views answer: the walk reached the records.
    assert answered[f"GET {reverse('reminders:inspect', args=[records[Reminder].pk])}"] == 200
    assert answered[f"GET {reverse('access_log:index')}"] == 200
