"""Drawing the map's structure on a reportlab canvas, in map points, from the shared layout.

The caller sets a transform so one map point is drawn at ``scale`` printed points; these
functions only flip y (the layout grows downwards, PDF upwards). Everything is vector and text
is drawn with ``drawString`` in the embedded font, so it stays selectable and searchable.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.styles import (
    HEADER_FILL,
    INK,
    LANE_FILLS,
    LINK,
    MUTED,
    PAPER,
    RULE,
    blend,
    hex_color,
    ink_on,
)
from journeymapper.export.pdf.text import elide, wrap
from journeymapper.layout import LANE_LABEL_WIDTH, MapLayout, Rect, link_line
from journeymapper.model import LaneKind, Link, Note, Project

ARROW_LENGTH = 9.0
ARROW_HALF_WIDTH = 4.0


def rect(c: Canvas, r: Rect, *, fill: Color | None = None, stroke: Color | None = None,
         width: float = 1.0, radius: float = 0.0) -> None:
    """A layout rectangle (y down) drawn filled and/or stroked."""
    if fill is not None:
        c.setFillColor(fill)
    if stroke is not None:
        c.setStrokeColor(stroke)
        c.setLineWidth(width)
    if radius:
        c.roundRect(r.x, -r.bottom, r.w, r.h, radius, stroke=int(stroke is not None),
                    fill=int(fill is not None))
    else:
        c.rect(r.x, -r.bottom, r.w, r.h, stroke=int(stroke is not None),
               fill=int(fill is not None))


def text(c: Canvas, x: float, baseline: float, value: str, size: float, *,
         bold: bool = False, color: Color = INK, align: str = "left") -> None:
    """One line of text whose baseline sits ``baseline`` map points down the page."""
    c.setFillColor(color)
    c.setFont(FONT_BOLD if bold else FONT, size)
    if align == "right":
        c.drawRightString(x, -baseline, value)
    elif align == "center":
        c.drawCentredString(x, -baseline, value)
    else:
        c.drawString(x, -baseline, value)


def clip(c: Canvas, r: Rect) -> None:
    """Clip further drawing to a layout rectangle (inside a saveState/restoreState)."""
    path = c.beginPath()
    path.rect(r.x, -r.bottom, r.w, r.h)
    c.clipPath(path, stroke=0, fill=0)


def overlap(a: Rect, b: Rect) -> Rect | None:
    """The intersection of two rectangles, or None when they do not meet."""
    x0, y0 = max(a.x, b.x), max(a.y, b.y)
    x1, y1 = min(a.right, b.right), min(a.bottom, b.bottom)
    if x1 <= x0 or y1 <= y0:
        return None
    return Rect(x0, y0, x1 - x0, y1 - y0)


def draw_cells(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Lane backgrounds (alternating shades) and the stage column rules."""
    for i, lane in enumerate(project.lanes):
        row = layout.rows[lane.id]
        visible = overlap(row, view)
        if visible is not None:
            rect(c, Rect(visible.x, row.y, visible.w, row.h), fill=LANE_FILLS[i % 2])
    c.setStrokeColor(RULE)
    c.setLineWidth(0.8)
    for stage in project.stages:
        col = layout.columns[stage.id]
        c.line(col.right, -max(col.y, view.y), col.right, -min(col.bottom, view.bottom))
    for lane in project.lanes:
        row = layout.rows[lane.id]
        c.line(max(row.x, view.x), -row.bottom, min(row.right, view.right), -row.bottom)


def draw_headers(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Stage headers: the stage colour, its name and the customer's goal.

    Text is placed inside the visible part of the header, so a tile that shows only half a
    stage still names it.
    """
    for stage in project.stages:
        box = layout.headers[stage.id]
        visible = overlap(Rect(box.x, box.y, box.w, box.h),
                          Rect(view.x, box.y, view.w, box.h))
        if visible is None:
            continue
        fill = hex_color(stage.color)
        ink = ink_on(fill)
        rect(c, box, fill=fill, stroke=PAPER, width=1.5)
        inner = visible.w - 20
        if inner < 40:
            continue  # a sliver of a stage at a tile's edge: a cut-off name helps nobody
        text(c, visible.x + 10, box.y + 26, elide(clean(stage.name), inner, 15, True), 15,
             bold=True, color=ink)
        if stage.goal.strip() and inner >= 80:
            lines = wrap("Goal: " + stage.goal, inner, 9, max_lines=3)
            for n, line in enumerate(lines):
                text(c, visible.x + 10, box.y + 46 + n * 11.5, line, 9, color=ink)


def draw_lane_labels(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Lane labels in the left column; the name sits in the visible part of a tall lane."""
    for lane in project.lanes:
        row = layout.rows[lane.id]
        box = Rect(row.x, row.y, LANE_LABEL_WIDTH, row.h)
        visible = overlap(box, Rect(box.x, view.y, box.w, view.h))
        if visible is None:
            continue
        rect(c, box, fill=HEADER_FILL, stroke=PAPER, width=1.5)
        lines = wrap(lane.name, box.w - 20, 12, bold=True, max_lines=max(1, int(
            (visible.h - 16) // 14.5)))
        for n, line in enumerate(lines):
            text(c, box.x + 10, visible.y + 22 + n * 14.5, line, 12, bold=True)
        if lane.kind is LaneKind.EMOTIONS and visible.h >= 60:
            # Where the curve's scale lies: +2 at the top of the lane, -2 at the bottom.
            mid = row.y + row.h / 2
            for label, y in (("positive", row.y + 14), ("neutral", mid + 3),
                             ("negative", row.bottom - 8)):
                if visible.y <= y - 8 and y <= visible.bottom:
                    text(c, box.right - 8, y, label, 8, color=MUTED, align="right")


def draw_emotion_curves(c: Canvas, project: Project, layout: MapLayout,
                        curves: Iterable[tuple[Color, list[tuple[float, float]]]],
                        view: Rect) -> None:
    """The neutral line and one emotion curve per persona across the emotions lane."""
    lane = next((lane for lane in project.lanes if lane.kind is LaneKind.EMOTIONS), None)
    if lane is None:
        return
    row = layout.rows[lane.id]
    if overlap(row, view) is None:
        return
    mid = -(row.y + row.h / 2)
    c.setStrokeColor(RULE)
    c.setLineWidth(1)
    c.setDash(4, 4)
    c.line(max(row.x, view.x), mid, min(row.right, view.right), mid)
    c.setDash()
    for color, points in curves:
        if not points:
            continue
        c.setStrokeColor(color)
        c.setFillColor(color)
        c.setLineWidth(2.5)
        if len(points) > 1:
            path = c.beginPath()
            path.moveTo(points[0][0], -points[0][1])
            for x, y in points[1:]:
                path.lineTo(x, -y)
            c.drawPath(path, stroke=1, fill=0)
        for x, y in points:
            c.circle(x, -y, 4.5, stroke=0, fill=1)


def draw_notes(c: Canvas, notes: Iterable[Note], layout: MapLayout, view: Rect) -> None:
    """Sticky notes with their text wrapped to fit (the rest elided)."""
    for note in notes:
        box = layout.notes[note.id]
        if not box.intersects(view):
            continue
        rect(c, box, fill=hex_color(note.color), stroke=RULE, width=0.8, radius=2)
        max_lines = max(1, int((box.h - 12) // 12))
        for n, line in enumerate(wrap(note.text, box.w - 16, 9.5, max_lines=max_lines)):
            text(c, box.x + 8, box.y + 17 + n * 12, line, 9.5)


def _arrow_head(c: Canvas, start: tuple[float, float], end: tuple[float, float]) -> None:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1e-6:
        return
    ux, uy = dx / length, dy / length
    bx, by = end[0] - ux * ARROW_LENGTH, end[1] - uy * ARROW_LENGTH
    path = c.beginPath()
    path.moveTo(end[0], -end[1])
    path.lineTo(bx - uy * ARROW_HALF_WIDTH, -(by + ux * ARROW_HALF_WIDTH))
    path.lineTo(bx + uy * ARROW_HALF_WIDTH, -(by - ux * ARROW_HALF_WIDTH))
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def draw_links(c: Canvas, links: Iterable[Link], layout: MapLayout, view: Rect,
               persona_colors: dict[str, Color], highlight: str | None) -> None:
    """Customer flows as arrows between card borders, labelled with label and share."""
    for link in links:
        source, target = layout.cards.get(link.source_id), layout.cards.get(link.target_id)
        if source is None or target is None:
            continue
        start, end = link_line(source, target)
        bounds = Rect(min(start[0], end[0]) - 10, min(start[1], end[1]) - 10,
                      abs(end[0] - start[0]) + 20, abs(end[1] - start[1]) + 20)
        if not bounds.intersects(view):
            continue
        color = persona_colors.get(link.persona_id or "", LINK)
        if highlight is not None and link.persona_id not in (None, highlight):
            color = blend(color, amount=0.75)
        c.setStrokeColor(color)
        c.setFillColor(color)
        c.setLineWidth(1.6)
        c.line(start[0], -start[1], end[0], -end[1])
        _arrow_head(c, start, end)
        words = [clean(link.label)] if link.label.strip() else []
        if link.share is not None:
            words.append(f"{link.share:.0%}")
        if words:
            label = elide(" · ".join(words), 140, 8)
            mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
            w = text_width(label, 8) + 6
            rect(c, Rect(mx - w / 2, my - 7, w, 11), fill=PAPER, stroke=color, width=0.6,
                 radius=2)
            text(c, mx, my + 1.5, label, 8, color=INK, align="center")
