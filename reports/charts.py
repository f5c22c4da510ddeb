"""Server-side bar chart geometry: the template draws SVG from it, no script (CSP)."""

from dataclasses import dataclass

from reports.selectors import Table
from reports.suppression import SUPPRESSED

LABEL_WIDTH = 300
BAR_AREA = 320
ROW_HEIGHT = 22


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: a label, the shown value and its geometry in SVG units."""

    label: str
    value: int | str
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    """A chart of one table; suppressed values get no bar, only their "<5" label."""

    bars: list[Bar]
    height: int
    width: int = LABEL_WIDTH + BAR_AREA + 60
    label_width: int = LABEL_WIDTH


def bar_chart(*, table: Table) -> BarChart:
    """Lay out ``table``'s shown (suppressed) values as horizontal bars."""
    shown = table.shown
    largest = max((v for _, v in shown if v != SUPPRESSED), default=0) or 1
    bars = [
        Bar(
            label=label,
            value=value,
            y=index * ROW_HEIGHT,
            width=0 if value == SUPPRESSED else round(BAR_AREA * value / largest),
        )
        for index, (label, value) in enumerate(shown)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW_HEIGHT)
