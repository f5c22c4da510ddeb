"""The process picture, drawn from the transition table itself as server-side SVG.

No hand-kept copy: states are laid out in columns by their distance from registration,
each transition is an arrow. The current state and the next possible states are highlighted.
"""

import textwrap
from collections import deque
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dossiers.workflow.states import DossierState
from dossiers.workflow.transitions import TRANSITIONS

BOX_W, BOX_H, COL_GAP, ROW_GAP, MARGIN = 200, 40, 30, 26, 12
COLOURS = {
    "current": ("#005e5d", "#ffffff", "#003c3c"),
    "next": ("#e6f4f1", "#002c2b", "#007d7e"),
    "plain": ("#ffffff", "#333333", "#9aa0a6"),
}


def _layers() -> dict[str, int]:
    """Distance from registration; the archive, everyone's end, goes on the last row."""
    depth = {DossierState.REGISTERED.value: 0}
    queue = deque([DossierState.REGISTERED.value])
    while queue:
        state = queue.popleft()
        for step in TRANSITIONS:
            if step.source == state and step.target not in depth:
                depth[step.target] = depth[state] + 1
                queue.append(step.target)
    depth[DossierState.ARCHIVED.value] = max(depth.values()) + 1
    return depth


def _positions() -> dict[str, tuple[int, int]]:
    """Rows by distance from registration; within a row, ordered under their predecessors."""
    layers = _layers()
    column_of: dict[str, float] = {}
    rows: dict[int, list[str]] = {}
    for state in DossierState:
        rows.setdefault(layers.get(state.value, 0), []).append(state.value)
    positions = {}
    for row in sorted(rows):

        def parent_column(state, row=row):
            parents = [
                column_of[t.source]
                for t in TRANSITIONS
                if t.target == state and t.source in column_of and layers[t.source] < row
            ]
            return sum(parents) / len(parents) if parents else 0

        for column, state in enumerate(sorted(rows[row], key=parent_column)):
            column_of[state] = column
            positions[state] = (
                MARGIN + column * (BOX_W + COL_GAP),
                MARGIN + row * (BOX_H + ROW_GAP),
            )
    return positions


def _box(state: DossierState, x: int, y: int, kind: str) -> str:
    fill, text_colour, stroke = COLOURS[kind]
    width = 3 if kind != "plain" else 1
    lines = textwrap.wrap(str(state.label), 32)[:2]
    first_y = y + BOX_H / 2 - (len(lines) - 1) * 7 + 4
    tspans = "".join(
        f'<tspan x="{x + BOX_W / 2}" y="{first_y + i * 14}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g class="state state-{kind}" data-state="{state.value}">'
        f"<title>{escape(str(state.label))}</title>"
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{width}"/>'
        f'<text font-size="11" font-family="sans-serif" text-anchor="middle" fill="{text_colour}">'
        f"{tspans}</text></g>"
    )


def _arrow(source: tuple[int, int], target: tuple[int, int], highlighted: bool) -> str:
    sx, sy = source
    tx, ty = target
    colour = "#007d7e" if highlighted else "#b0b5ba"
    width = 2.5 if highlighted else 1
    marker = "arrow-hi" if highlighted else "arrow"
    if ty > sy:  # forward: down to the next row
        x1, y1, x2, y2 = sx + BOX_W / 2, sy + BOX_H, tx + BOX_W / 2, ty
        path = f"M{x1},{y1} C{x1},{y1 + 14} {x2},{y2 - 14} {x2},{y2}"
    else:  # a step back up: curve along the right-hand side
        x1, y1, x2, y2 = sx + BOX_W, sy + BOX_H / 2, tx + BOX_W, ty + BOX_H / 2
        bulge = max(x1, x2) + 40 + (y1 - y2) / 6
        path = f"M{x1},{y1} C{bulge},{y1} {bulge},{y2} {x2},{y2}"
    return (
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}" '
        f'marker-end="url(#{marker})"/>'
    )


def process_svg(
    *, current: str | None = None, next_states: frozenset[str] = frozenset()
) -> SafeString:
    """The whole process as SVG; ``current`` and ``next_states`` are highlighted."""
    positions = _positions()
    width = max(x for x, _y in positions.values()) + BOX_W + MARGIN + 120
    height = max(y for _x, y in positions.values()) + BOX_H + MARGIN
    arrows = [
        _arrow(
            positions[t.source],
            positions[t.target],
            t.source == current and t.target in next_states,
        )
        for t in TRANSITIONS
    ]
    boxes = []
    for state in DossierState:
        kind = "current" if state == current else "next" if state in next_states else "plain"
        boxes.append(_box(state, *positions[state.value], kind))
    markers = "".join(
        f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for name, colour in (("arrow", "#b0b5ba"), ("arrow-hi", "#007d7e"))
    )
    title = escape(_("Het werkproces van melding tot archief"))
    return mark_safe(  # noqa: S308 - every text above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto">'
        f"<title>{title}</title><defs>{markers}</defs>{''.join(arrows)}{''.join(boxes)}</svg>"
    )
