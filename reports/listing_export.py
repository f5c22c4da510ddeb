"""One export path for every admin listing that offers one (xlsx, and CSV for Dutch Excel).

A listing declares ``export_columns``: model field paths (resolved to a Dutch heading, choice
labels, "Ja"/"Nee" for booleans, date cells) or explicit ``ExportColumn`` objects. The export
streams ``values_list(...).iterator()`` of the listing's own queryset (its scope, filters,
search and ordering) through the safe writer (``reports.spreadsheets``), so no model instance
is built per row and memory stays flat. A listing without ``export_columns`` offers no export:
``?export=`` is ignored there.

Query parameters: ``?export=xlsx``, ``?export=csv`` (Dutch Excel: ``;``, BOM, dd-mm-jjjj) and
``?export=csv&dialect=comma`` (plain comma CSV for tools).

An export of more than ``settings.LISTING_EXPORT_BACKGROUND_ROWS`` rows is not written inside
the request: it becomes a background job with a progress page (``reports.listing_export_jobs``).
"""

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from reports.spreadsheets import DIALECTS, SafeXlsxWriter, csv_lines

CHUNK = 2000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def yes_no(value) -> str | None:
    if value is None:
        return None
    return str(_("Ja")) if value else str(_("Nee"))


def full_name(first, last) -> str:
    return " ".join(part for part in (first, last) if part)


def _identity(value):
    return value


@dataclass(frozen=True)
class ExportColumn:
    """One column: a heading, the ``values_list`` paths it reads, how to render them."""

    label: object
    paths: tuple[str, ...]
    render: Callable = _identity
    width: int = 20


def _resolve(model, path: str) -> models.Field:
    current, found = model, None
    for part in path.split("__"):
        found = current._meta.get_field(part)
        if found.is_relation and found.related_model is not None:
            current = found.related_model
    return found


# What a foreign key shows: the related model's own display field(s).
_DISPLAY_FIELDS = (
    ("reference",),
    ("first_name", "last_name"),
    ("name",),
    ("title",),
)


def _choice_render(flatchoices) -> Callable:
    labels = dict(flatchoices)

    def render(value):
        if value in (None, ""):
            return None
        return str(labels.get(value, value))

    return render


def _relation_column(model_field, path: str, heading, width) -> ExportColumn:
    related = model_field.related_model
    for names in _DISPLAY_FIELDS:
        if all(_has_field(related, name) for name in names):
            paths = tuple(f"{path}__{name}" for name in names)
            render = full_name if len(names) == 2 else _identity
            return ExportColumn(heading, paths, render, width or 24)
    raise ValueError(f"no display field for {path}")


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# (field class, how to render, default width); the first match wins
_KINDS = (
    (models.BooleanField, yes_no, 10),
    (models.DateTimeField, _identity, 18),
    (models.DateField, _identity, 12),
    (models.TextField, _identity, 50),
    ((models.IntegerField, models.DecimalField, models.FloatField), _identity, 12),
)


def column(model, path: str, label=None, *, width: int | None = None) -> ExportColumn:
    """An ``ExportColumn`` for a model field path, with the field's Dutch verbose name."""
    try:
        model_field = _resolve(model, path)
    except FieldDoesNotExist:  # an annotation: a number
        return ExportColumn(label or capfirst(path), (path,), _identity, width or 12)
    heading = label or capfirst(model_field.verbose_name)
    if model_field.is_relation and model_field.related_model is not None:
        return _relation_column(model_field, path, heading, width)
    if model_field.flatchoices:
        return ExportColumn(heading, (path,), _choice_render(model_field.flatchoices), width or 20)
    for classes, render, default_width in _KINDS:
        if isinstance(model_field, classes):
            return ExportColumn(heading, (path,), render, width or default_width)
    return ExportColumn(heading, (path,), _identity, width or 24)


def columns_for(model, specs, headings=None) -> list[ExportColumn]:
    headings = headings or {}
    return [
        spec if isinstance(spec, ExportColumn) else column(model, spec, headings.get(spec))
        for spec in specs
    ]


def export_rows(queryset, columns: list[ExportColumn]) -> Iterator[list]:
    """The rows, streamed from ``values_list`` (no model instances), rendered per column."""
    paths = [path for col in columns for path in col.paths]
    spans, position = [], 0
    for col in columns:
        spans.append((col.render, position, position + len(col.paths)))
        position += len(col.paths)
    for values in queryset.values_list(*paths).iterator(chunk_size=CHUNK):
        yield [render(*values[start:end]) for render, start, end in spans]


def write_xlsx(queryset, columns: list[ExportColumn], *, title: str, output, progress=None) -> int:
    """Stream ``queryset`` into ``output``; returns the number of rows written."""
    writer = SafeXlsxWriter(
        title=title,
        headers=[str(col.label) for col in columns],
        widths=[col.width for col in columns],
    )
    for row in export_rows(queryset, columns):
        writer.write_row(row)
        if progress and writer.rows % CHUNK == 0:
            progress(writer.rows)
    writer.save(output)
    return writer.rows


class ListingExportMixin:
    """For Wagtail ``IndexView`` subclasses: replaces Wagtail's per-instance export.

    The viewset's ``list_export`` holds the columns (field paths or ``ExportColumn``);
    ``export_filename`` names the file, ``export_title`` (default: the model's plural name)
    the sheet. Put this mixin before Wagtail's view class.
    """

    export_title = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.list_export:
            self.is_export = False  # no export on listings that don't offer one

    def get(self, request, *args, **kwargs):
        """An export needs neither the table nor the page's context: building them would load
        every row as a model instance. The logging mixins get the queryset as ``object_list``."""
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        self.object_list = self.get_queryset()
        return self.render_to_response({"object_list": self.object_list})

    def get_export_columns(self) -> list[ExportColumn]:
        return columns_for(self.model, self.list_export, self.export_headings)

    def get_export_title(self) -> str:
        return str(self.export_title or capfirst(self.model._meta.verbose_name_plural))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        from reports.listing_export_jobs import background_rows

        total = queryset.count()
        if total > background_rows():
            return self.as_background_job(total)
        return self.as_streamed_spreadsheet(queryset, spreadsheet_format)

    def as_background_job(self, total: int):
        """Too large to write inside the request: a job, and the page that follows it."""
        from dossiers.models import AccessAction
        from dossiers.services import access_log_record
        from reports.listing_export_jobs import listing_export_start

        if not getattr(self.request, "access_logged", False):  # listings without a log mixin
            access_log_record(
                request=self.request,
                action=AccessAction.EXPORT,
                description=getattr(self, "log_description", "") or self.get_export_title(),
                row_count=total,
            )
        job = listing_export_start(view=self, total=total)
        return redirect("listing_exports:job", job.pk)

    def as_streamed_spreadsheet(self, queryset, spreadsheet_format):
        columns = self.get_export_columns()
        if spreadsheet_format == "csv":
            dialect = self.request.GET.get("dialect", "excel-nl")
            dialect = dialect if dialect in DIALECTS else "excel-nl"
            lines = csv_lines(
                headers=[str(col.label) for col in columns],
                rows=export_rows(queryset, columns),
                dialect=dialect,
            )
            response = StreamingHttpResponse(
                (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
            return response
        output = tempfile.TemporaryFile()
        write_xlsx(queryset, columns, title=self.get_export_title(), output=output)
        output.seek(0)
        return FileResponse(
            output, as_attachment=True, content_type=XLSX, filename=f"{self.get_filename()}.xlsx"
        )
