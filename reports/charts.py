"""Server-side bar chart geometry: the template draws SVG from it, no script (CSP)."""

import math
from dataclasses import dataclass

from reports.selectors import Table
from reports.suppression import SUPPRESSED

LABEL_WIDTH = 300
MAX_LABEL_WIDTH = 480
CHAR_WIDTH = 6.6  # about one character of the 12px label font
BAR_AREA = 320
ROW_HEIGHT = 22


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: a label, the shown value and its geometry in SVG units."""

    label: str
    value: int | str
    y: int
    width: int
    full_label: str = ""


@dataclass(frozen=True)
class BarChart:
    """A chart of one table; suppressed values get no bar, only their "<5" label."""

    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH

    @property
    def width(self) -> int:
        return self.label_width + BAR_AREA + 60


def _fit(label: str, room: int) -> str:
    """``label``, shortened with an ellipsis when it does not fit in ``room`` characters."""
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def bar_chart(*, table: Table) -> BarChart:
    """Lay out ``table``'s shown (suppressed) values as horizontal bars; the label column is as
    wide as the longest label (up to a limit: longer labels are shortened, whole in a tooltip)."""
    shown = table.shown
    largest = max((v for _, v in shown if v != SUPPRESSED), default=0) or 1
    longest = max((len(label) for label, _ in shown), default=0)
    label_width = min(MAX_LABEL_WIDTH, max(LABEL_WIDTH, math.ceil(longest * CHAR_WIDTH) + 12))
    room = math.floor((label_width - 12) / CHAR_WIDTH + 1e-9)
    bars = [
        Bar(
            label=_fit(label, room),
            value=value,
            y=index * ROW_HEIGHT,
            width=0 if value == SUPPRESSED else round(BAR_AREA * value / largest),
            full_label=label,
        )
        for index, (label, value) in enumerate(shown)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW_HEIGHT, label_width=label_width)
