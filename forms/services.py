"""Writes of structured forms: freezing a version on publish, drafts, and submitting a response."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import access
from forms.bindings import missing_bindings
from forms.models import FormDefinition, FormResponse, FormVersion
from forms.rendering import NO, YES, build_form
from forms.schema import definition_snapshot


def form_version_freeze(*, definition: FormDefinition) -> FormVersion:
    """Freeze the published definition as a new version, unless the latest one is the same."""
    with transaction.atomic():
        # The row lock serialises two publishes of one form, so numbers never collide.
        FormDefinition.objects.select_for_update().filter(pk=definition.pk).first()
        fields = list(definition.form_fields.order_by("sort_order"))
        problems = missing_bindings(definition.slug, {f.binding for f in fields if f.binding})
        if problems:
            raise ValidationError(problems)
        schema = definition_snapshot(definition, fields)
        latest = definition.versions.order_by("-number").first()
        if latest is not None and latest.schema == schema:
            return latest
        number = (definition.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        return FormVersion.objects.create(
            definition=definition, number=number, published_at=timezone.now(), schema=schema
        )


def form_response_submit(
    *, version: FormVersion, data: Mapping, by, dossier=None, draft: FormResponse | None = None
) -> FormResponse:
    """Validate ``data`` against ``version`` and store it; on any error raise, saving nothing.

    With ``draft`` (a concept of the same version and dossier), that concept becomes the
    submitted response; otherwise a new response is made.
    """
    _check_scope(by, dossier)
    form = build_form(version, _as_querydict(data), dossier=dossier)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    if draft is not None:
        _check_draft(draft, version=version, dossier=dossier)
        draft.answers = form.answers()
        draft.is_draft = False
        draft.submitted_by = by
        draft.submitted_at = timezone.now()
        draft.save()
        return draft
    return FormResponse.objects.create(
        version=version, dossier=dossier, submitted_by=by, answers=form.answers()
    )


def form_response_draft_save(
    *, version: FormVersion, data: Mapping, by, dossier=None, draft: FormResponse | None = None
) -> FormResponse:
    """Keep what is typed as a concept: every question optional, but each answer well-formed.

    A concept changes nothing else and counts nowhere as done; ``form_response_submit`` turns
    it into the submitted response.
    """
    _check_scope(by, dossier)
    form = build_form(version, _as_querydict(data), draft=True, dossier=dossier)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    if draft is None:
        return FormResponse.objects.create(
            version=version, dossier=dossier, submitted_by=by, answers=form.answers(), is_draft=True
        )
    _check_draft(draft, version=version, dossier=dossier)
    draft.answers = form.answers()
    draft.submitted_by = by
    draft.submitted_at = timezone.now()
    draft.save()
    return draft


def _check_scope(by, dossier) -> None:
    if dossier is not None and not access.dossiers_for(by).filter(pk=dossier.pk).exists():
        raise PermissionDenied


def _check_draft(draft: FormResponse, *, version: FormVersion, dossier) -> None:
    same_dossier = draft.dossier_id == (dossier.pk if dossier is not None else None)
    if not draft.is_draft or draft.version_id != version.pk or not same_dossier:
        raise ValidationError(_("Dit concept hoort niet bij dit formulier."))


def as_form_data(data: Mapping) -> QueryDict:
    """Answers (as stored, or as Python values) as the form data a browser would send."""
    return _as_querydict(data)


def _as_querydict(data: Mapping) -> QueryDict:
    """Turn any mapping into form data as a browser would send it: strings, lists of strings."""
    if isinstance(data, QueryDict):
        return data
    query = QueryDict(mutable=True)
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple) and value and all(isinstance(v, dict) for v in value):
            _expand_rows(query, str(key), value)
            continue
        values = value if isinstance(value, list | tuple | set | frozenset) else [value]
        query.setlist(str(key), [_as_text(item) for item in values if item is not None])
    return query


def _expand_rows(query: QueryDict, key: str, rows) -> None:
    """Rows of a repeating answer (forms/rows.py) as the browser sends them."""
    query[f"{key}-rows"] = str(len(rows))
    for index, row in enumerate(rows):
        for column, cell in row.items():
            name = "key" if column == "plan_item" else column
            query[f"{key}-{index}-{name}"] = "" if cell is None else _as_text(cell)


def _as_text(value) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)


def refusal_messages(error: ValidationError) -> dict[str, list[str]]:
    """Per-field messages of a refused submission, for views and tests."""
    return {key: [str(m) for m in messages] for key, messages in error.message_dict.items()}
