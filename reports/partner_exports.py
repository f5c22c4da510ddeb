"""Partner exports: "who does what, when" for one implementing organisation, in Excel.

A partner gets only (1) the columns its profile allows, chosen from ``COLUMNS`` below, which by
construction holds no intelligence-derived field (signal, reporter, assessment, risks, logbook,
UVO reports are not reachable from it), and (2) the plan items of the active dossiers it
concerns: those where it carries out an item or sits in a UVO, within the exporting user's
scope. The workbook is written row by row (openpyxl write-only) from ``values_list().iterator()``,
so memory does not grow with the number of rows (docs/spec/quality.md P3); every cell goes through
``safe_cell`` (S8).
"""

import datetime
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from adminkit.cells import safe_cell
from dossiers import access
from dossiers.models import PlanItem, PlanItemStatus
from dossiers.models.plan_item import CLOSED_ITEM_STATUSES
from dossiers.workflow.states import ACTIVE_STATES
from reports.spreadsheets import HEADER_FILL, HEADER_FONT

CHUNK = 2000


def _full_name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


def _status(value: str) -> str:
    return str(PlanItemStatus(value).label) if value else ""


@dataclass(frozen=True)
class ExportColumn:
    key: str
    label: object
    paths: tuple[str, ...]  # PlanItem lookups this column reads
    render: Callable = lambda value: value


COLUMNS: dict[str, ExportColumn] = {
    column.key: column
    for column in (
        ExportColumn("dossier", _("Dossiernummer"), ("dossier__reference",)),
        ExportColumn(
            "subject_name",
            _("Naam persoon"),
            ("dossier__subject__first_name", "dossier__subject__last_name"),
            _full_name,
        ),
        ExportColumn("birth_date", _("Geboortedatum"), ("dossier__subject__birth_date",)),
        ExportColumn(
            "case_director",
            _("Regisseur"),
            ("dossier__case_director__first_name", "dossier__case_director__last_name"),
            _full_name,
        ),
        ExportColumn(
            "case_director_organisation",
            _("Organisatie regisseur"),
            ("dossier__case_director_organisation__name",),
        ),
        ExportColumn("intervention", _("Interventie"), ("intervention__name",)),
        ExportColumn("goal", _("Doel"), ("goal",)),
        ExportColumn(
            "implementer", _("Uitvoerende organisatie"), ("implementer_organisation__name",)
        ),
        ExportColumn(
            "implementer_contact", _("Contactpersoon uitvoerder"), ("implementer_contact",)
        ),
        ExportColumn("planned_start", _("Start gepland"), ("planned_start",)),
        ExportColumn("planned_end", _("Einde gepland"), ("planned_end",)),
        ExportColumn("status", _("Status"), ("status",), _status),
    )
}
# Where intelligence-derived or sensitive assessment data lives: no column may read from here.
FORBIDDEN_PATHS = (
    "dossier__signals",
    "dossier__assessment",
    "dossier__journal",
    "dossier__case_meetings__report",
    "considerations",
    "result",
)


def column_choices() -> list[tuple[str, str]]:
    return [(key, str(column.label)) for key, column in COLUMNS.items()]


def partner_dossiers(*, organisation, user) -> QuerySet:
    """The active dossiers in ``user``'s scope that ``organisation`` works on."""
    return (
        access.dossiers_for(user)
        .filter(state__in=ACTIVE_STATES)
        .filter(
            Q(plan_items__implementer_organisation=organisation)
            | Q(case_meetings__participant_organisations=organisation)
        )
        .values("pk")
    )


def partner_export_items(*, organisation, user, only_open: bool) -> QuerySet:
    items = PlanItem.objects.filter(
        dossier__in=partner_dossiers(organisation=organisation, user=user)
    )
    if only_open:
        items = items.exclude(status__in=CLOSED_ITEM_STATUSES)
    return items.order_by("dossier__reference", "planned_start", "pk")


def _rows(items: QuerySet, columns: list[ExportColumn]) -> Iterator[list]:
    paths = [path for column in columns for path in column.paths]
    for values in items.values_list(*paths).iterator(chunk_size=CHUNK):
        row, position = [], 0
        for column in columns:
            width = len(column.paths)
            row.append(column.render(*values[position : position + width]))
            position += width
        yield row


def partner_workbook_write(
    *, items: QuerySet, column_keys: list[str], progress: Callable[[int], None] | None = None
) -> tuple[tempfile.TemporaryFile, int]:
    """Stream ``items`` into a write-only workbook; returns the file (at 0) and the row count.

    The workbook goes to a temporary file on disk, so memory stays flat in the number of rows.
    """
    columns = [COLUMNS[key] for key in column_keys]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Wie doet wat, wanneer")))
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=str(column.label))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in _rows(items, columns):
        sheet.append([_cell(value) for value in row])
        count += 1
        if progress and count % CHUNK == 0:
            progress(count)
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return output, count


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    return safe_cell(value)
