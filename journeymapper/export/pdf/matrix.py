"""Importance-performance matrix: where each touchpoint stands, and what to work on first.

Dots carry the touchpoint's register number; beside the chart each quadrant lists its
touchpoints, so the chart stays readable with hundreds of dots.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph, Table

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD
from journeymapper.export.pdf.register import ranked
from journeymapper.export.pdf.styles import (
    INK,
    MUTED,
    RULE,
    drawing,
    ink_on,
    layout_style,
    styles,
)
from journeymapper.export.pdf.text import elide, markup
from journeymapper.model import Project, Quadrant, performance_percent, quadrant
from journeymapper.model.scoring import MATRIX_SPLIT

# Quadrant: where its label sits (left/right, top/bottom), tint, dot colour.
QUADRANTS: dict[Quadrant, tuple[str, str, str, str]] = {
    Quadrant.CONCENTRATE: ("left", "top", "#fbe3e1", "#d62728"),
    Quadrant.KEEP_UP: ("right", "top", "#e2f1df", "#2e8b3a"),
    Quadrant.LOW_PRIORITY: ("left", "bottom", "#eeeeee", "#8a8a8a"),
    Quadrant.OVERKILL: ("right", "bottom", "#fdf3d6", "#c28a00"),
}
LISTED = 8           # touchpoints listed per quadrant beside the chart
NUMBERED_UP_TO = 150  # above this, dots are too small to carry numbers
PAD = 6.0            # axis units kept free around 0 and 100 so edge dots are whole


@dataclass(frozen=True, slots=True)
class Dot:
    """One touchpoint on the chart."""

    number: int
    name: str
    importance: float
    performance: float
    quadrant: Quadrant


def dots(project: Project) -> list[Dot]:
    """Every touchpoint as a dot, numbered as in the register."""
    return [Dot(n, tp.name, importance, performance_percent(tp), quadrant(importance, tp))
            for n, (tp, importance, _) in enumerate(ranked(project), start=1)]


def spread(points: list[tuple[float, float]], radius: float,
           max_shift: float) -> list[tuple[float, float]]:
    """Points nudged sideways so dots at the same place sit next to each other.

    Performance takes five values only, so many touchpoints share a spot; without this the
    dots would hide each other. Placed dots are kept in a grid of cells one dot wide, so
    each test looks at nine cells instead of every dot placed before.
    """
    step = 2 * radius + 0.5
    grid: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)

    def free(x: float, y: float) -> bool:
        gx, gy = int(x // step), int(y // step)
        return all((x - px) ** 2 + (y - py) ** 2 >= step * step
                   for i in (-1, 0, 1) for j in (-1, 0, 1)
                   for px, py in grid.get((gx + i, gy + j), ()))

    placed: list[tuple[float, float]] = []
    tries = int(2 * max_shift / step) + 1
    for x, y in points:
        chosen = (x, y)
        for k in range(tries):
            dx = ((k + 1) // 2) * step * (1 if k % 2 else -1)
            if abs(dx) > max_shift:
                break
            if free(x + dx, y):
                chosen = (x + dx, y)
                break
        grid[(int(chosen[0] // step), int(chosen[1] // step))].append(chosen)
        placed.append(chosen)
    return placed


def matrix_drawing(items: list[Dot], size: float) -> Drawing:
    """The chart: four tinted quadrants with their names, axes, numbered dots."""
    left, bottom, top_pad = 44.0, 36.0, 6.0
    side = size - left - 8
    plot_h = size - bottom - top_pad
    d = drawing(size, size)

    def px(value: float) -> float:
        return left + (value + PAD) / (100 + 2 * PAD) * side

    def py(value: float) -> float:
        return bottom + (value + PAD) / (100 + 2 * PAD) * plot_h

    split_x, split_y = px(MATRIX_SPLIT), py(MATRIX_SPLIT)
    counts = {q: sum(1 for i in items if i.quadrant is q) for q in Quadrant}
    for q, (h, v, tint, _) in QUADRANTS.items():
        x0, x1 = (left, split_x) if h == "left" else (split_x, left + side)
        y0, y1 = (bottom, split_y) if v == "bottom" else (split_y, bottom + plot_h)
        d.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=colors.HexColor(tint), strokeColor=None))
        ty = y1 - 13 if v == "top" else y0 + 6
        anchor, tx = ("start", x0 + 6) if h == "left" else ("end", x1 - 6)
        d.add(String(tx, ty, f"{q.label} ({counts[q]})", fontName=FONT_BOLD, fontSize=9,
                     fillColor=INK, textAnchor=anchor))
    d.add(Rect(left, bottom, side, plot_h, fillColor=None, strokeColor=RULE, strokeWidth=0.8))
    d.add(Line(split_x, bottom, split_x, bottom + plot_h, strokeColor=MUTED, strokeWidth=0.6,
               strokeDashArray=[3, 3]))
    d.add(Line(left, split_y, left + side, split_y, strokeColor=MUTED, strokeWidth=0.6,
               strokeDashArray=[3, 3]))
    for tick in (0, 25, 50, 75, 100):
        d.add(String(px(tick), bottom - 11, str(tick), fontName=FONT, fontSize=7,
                     fillColor=MUTED, textAnchor="middle"))
        d.add(String(left - 5, py(tick) - 2.5, str(tick), fontName=FONT, fontSize=7,
                     fillColor=MUTED, textAnchor="end"))
    d.add(String(left + side / 2, 8, "Performance today (0\u2013100) →", fontName=FONT_BOLD,
                 fontSize=8, fillColor=INK, textAnchor="middle"))
    label = String(0, 0, "Importance (0\u2013100) →", fontName=FONT_BOLD, fontSize=8, fillColor=INK,
                   textAnchor="middle")
    turned = Group(label)
    turned.transform = (0, 1, -1, 0, 12, bottom + plot_h / 2)
    d.add(turned)

    numbered = len(items) <= NUMBERED_UP_TO
    radius = 7.0 if numbered else max(2.0, 5.0 - len(items) / 300)
    column_w = side / (100 + 2 * PAD) * 25  # performance columns are 25 units apart
    where = spread([(px(i.performance), py(i.importance)) for i in items], radius,
                   column_w / 2 - radius)
    for item, (x, y) in zip(items, where, strict=True):
        fill: Color = colors.HexColor(QUADRANTS[item.quadrant][3])
        d.add(Circle(x, y, radius, fillColor=fill, strokeColor=colors.white, strokeWidth=0.6))
        if numbered:
            text = str(item.number)
            d.add(String(x, y - 2.2, text, fontName=FONT_BOLD, fontSize=6 if len(text) > 2
                         else 6.5, fillColor=ink_on(fill), textAnchor="middle"))
    return d


def quadrant_lists(items: list[Dot], width: float) -> Table:
    """Each quadrant's touchpoints by number, most urgent first, the tail summarised."""
    st = styles()
    rows: list[list[object]] = []
    for q in (Quadrant.CONCENTRATE, Quadrant.KEEP_UP, Quadrant.LOW_PRIORITY, Quadrant.OVERKILL):
        members = [i for i in items if i.quadrant is q]
        colour = QUADRANTS[q][3]
        lines = [f"<font color='{colour}'><b>{q.label}</b></font> ({len(members)})"]
        # One line each (elided), so the list always fits beside the chart.
        lines += [markup(elide(f"{i.number}. {clean(i.name)}", width - 12, 7.5))
                  for i in members[:LISTED]]
        if len(members) > LISTED:
            lines.append(f"<font color='#666666'>… and {len(members) - LISTED} more in the "
                         "register</font>")
        rows.append([Paragraph("<br/>".join(lines), st.cell)])
    return Table(rows, colWidths=[width], hAlign="LEFT",
                 style=layout_style(*[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                                   ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE)]))


def matrix_flowables(project: Project, width: float, height: float) -> list[Flowable]:
    """The matrix section for a frame ``width`` x ``height`` points (below its heading)."""
    st = styles()
    intro = Paragraph(
        "Importance is the weighted score of the project's criteria; performance is how well "
        "the touchpoint works today. Numbers are the touchpoints' rank in the register.",
        st.small)
    if not project.touchpoints:
        return [intro, Paragraph("No touchpoints yet.", st.body)]
    items = dots(project)
    # Square, as tall as the page allows below the introduction (a drawing cannot split).
    size = min(height - intro.wrap(width, height)[1] - 4, width * 0.6)
    chart = matrix_drawing(items, size)
    side = width - size - 12
    pair = Table([[chart, quadrant_lists(items, side)]], colWidths=[size + 12, side],
                 hAlign="LEFT",
                 style=layout_style(*[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [intro, pair]
