"""Drawing the map's structure on a reportlab canvas, in map points, from the shared layout.

The caller sets a transform so one map point prints at ``scale`` points; these functions only
flip y (the layout grows downwards, PDF upwards). Shapes, sizes and colours follow the canvas
items (journeymapper/ui/canvas/items/), so the printed map looks like the screen. Everything
is vector and text is drawn with ``drawString`` in the embedded font, so it stays selectable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.styles import (
    DIMMED_ALPHA,
    HAPPY,
    INK,
    LABEL_FILL,
    LANE_FILLS,
    MARGIN_LINE,
    MUTED,
    NEUTRAL_LINE,
    PAPER,
    RULE,
    UNHAPPY,
    darker,
    fade,
    hex_color,
    ink_on,
)
from journeymapper.export.pdf.text import wrap
from journeymapper.layout import LANE_LABEL_WIDTH, MapLayout, Rect
from journeymapper.model import LaneKind, Note, Project

# DejaVu Sans metrics as Qt uses them (hhea): text boxes are placed by their top edge on the
# canvas, so the baseline sits one ascent below it and lines are LINE apart.
ASCENT = 0.928
LINE = 1.164
FOLD = 14.0
CURVE_DOT = 6.0

LANE_KINDS: dict[LaneKind, str] = {
    LaneKind.TOUCHPOINTS: "touchpoints", LaneKind.ACTIONS: "customer actions",
    LaneKind.EMOTIONS: "emotions", LaneKind.PAIN_POINTS: "pain points",
    LaneKind.OPPORTUNITIES: "opportunities", LaneKind.BACKSTAGE: "backstage",
}


def rect(c: Canvas, r: Rect, *, fill: Color | None = None, stroke: Color | None = None,
         width: float = 1.0, radius: float = 0.0) -> None:
    """A layout rectangle (y down) drawn filled and/or stroked."""
    if fill is not None:
        c.setFillColor(fill)
    if stroke is not None:
        c.setStrokeColor(stroke)
        c.setLineWidth(width)
    draw = c.roundRect if radius else c.rect
    args = (r.x, -r.bottom, r.w, r.h, radius) if radius else (r.x, -r.bottom, r.w, r.h)
    draw(*args, stroke=int(stroke is not None), fill=int(fill is not None))


def text(c: Canvas, x: float, top: float, value: str, size: float, *, bold: bool = False,
         color: Color = INK, align: str = "left") -> None:
    """One line of text whose box starts ``top`` map points down (as Qt places text)."""
    if not value:
        return
    c.setFillColor(color)
    c.setFont(FONT_BOLD if bold else FONT, size)
    baseline = -(top + ASCENT * size)
    if align == "right":
        c.drawRightString(x, baseline, value)
    elif align == "center":
        c.drawCentredString(x, baseline, value)
    else:
        c.drawString(x, baseline, value)


class TextBatch:
    """Many one-line strings in a single PDF text object, drawn on top when ``draw`` is called.

    ``drawString`` makes a text object per string; a card has about eight strings and a map
    thousands of cards, so batching a card's strings saves a good part of the export time.
    Font and colour are only switched when they change.
    """

    def __init__(self, c: Canvas) -> None:
        self.canvas = c
        self.text = c.beginText()
        self.font: tuple[str, float] | None = None
        self.color: Color | None = None

    def add(self, x: float, top: float, value: str, size: float, *, bold: bool = False,
            color: Color = INK, align: str = "left") -> None:
        """Like :func:`text`: one line whose box starts ``top`` map points down."""
        if not value:
            return
        font = (FONT_BOLD if bold else FONT, size)
        if font != self.font:
            self.text.setFont(*font)
            self.font = font
        if color != self.color:
            self.text.setFillColor(color)
            self.color = color
        if align != "left":
            width = text_width(value, size, bold)
            x -= width if align == "right" else width / 2
        self.text.setTextOrigin(x, -(top + ASCENT * size))
        self.text.textOut(value)

    def draw(self) -> None:
        """Put the strings on the page."""
        self.canvas.drawText(self.text)


def lines(c: Canvas, x: float, top: float, value: str, size: float, width: float,
          max_lines: int, *, bold: bool = False, color: Color = INK,
          break_words: bool = True) -> float:
    """Wrapped, elided text from a top edge; returns the height it took."""
    fitted = wrap(value, width, size, bold=bold, max_lines=max_lines, break_words=break_words)
    for n, line in enumerate(fitted):
        text(c, x, top + n * LINE * size, line, size, bold=bold, color=color)
    return len(fitted) * LINE * size


def stamp(c: Canvas, name: str, bounds: tuple[float, float, float, float],
          draw: Callable[[Canvas], None], x: float = 0.0, y: float = 0.0) -> None:
    """Draw ``draw`` once per document as a PDF form and place that form at (x, y).

    A card's rounded frame (four Bezier corners) or the legend repeated on every tile cost
    one short instruction each time instead of all their drawing operations. ``bounds`` is
    (x0, y0, x1, y1) of the drawing in its own coordinates; PDF clips a form to it.
    """
    if not c.hasForm(name):
        c.beginForm(name, *bounds)
        draw(c)
        c.endForm()
    c.saveState()
    # A form inherits the opacity in force where it is placed, and reportlab writes no
    # opacity for opaque colours inside it: make sure a faded card before it cannot leak in.
    c.setFillAlpha(1)
    c.setStrokeAlpha(1)
    if x or y:
        c.translate(x, y)
    c.doForm(name)
    c.restoreState()


def disc(c: Canvas, x: float, y: float, radius: float, color: Color) -> None:
    """A filled circle, drawn as a zero-length line with round caps.

    PDF paints a degenerate subpath with round caps as a filled circle; that is four numbers
    instead of a circle's four Bezier curves, which matters for thousands of badges and dots.
    """
    c.setStrokeColor(color)
    c.setLineWidth(2 * radius)
    c.setLineCap(1)
    c.line(x, -y, x, -y)


def fitting_size(value: str, width: float, size: float, smallest: float, *,
                 bold: bool = False) -> float:
    """The largest size up to ``size`` at which the longest word fits ``width``.

    "Opportunities" at the canvas's 17 pt is wider than the lane label column; a slightly
    smaller size reads better on paper than a word cut in two or elided.
    """
    longest = max((text_width(word, size, bold) for word in clean(value).split()), default=0.0)
    if longest <= width:
        return size
    # A hair smaller than the exact fit, so rounding never elides the word after all.
    return max(smallest, size * width / longest * 0.98)


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


def draw_lanes(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Lane bands across the map, the column rules, and the emotions lane's scale."""
    xs = [layout.columns[s.id].right for s in project.stages]
    for i, lane in enumerate(project.lanes):
        row = layout.rows[lane.id]
        visible = overlap(row, view)
        if visible is None:
            continue
        rect(c, Rect(visible.x, row.y, visible.w, row.h), fill=LANE_FILLS[i % 2])
        if lane.kind is LaneKind.EMOTIONS:
            _emotion_scale(c, row, visible)
        c.setStrokeColor(RULE)
        c.setLineWidth(1.5)
        for x in xs:
            if visible.x <= x <= visible.right:
                c.line(x, -row.y, x, -row.bottom)
        c.line(visible.x, -row.bottom, visible.right, -row.bottom)


def _emotion_scale(c: Canvas, row: Rect, visible: Rect) -> None:
    margin = min(24.0, row.h / 4)
    x0, x1 = max(visible.x, row.x + LANE_LABEL_WIDTH), visible.right
    c.setStrokeColor(NEUTRAL_LINE)
    c.setLineWidth(1.2)
    c.setDash(4, 3)
    c.line(x0, -(row.y + row.h / 2), x1, -(row.y + row.h / 2))
    c.setStrokeColor(MARGIN_LINE)
    c.setLineWidth(1)
    c.setDash(1, 2)
    for y in (row.y + margin, row.bottom - margin):
        c.line(x0, -y, x1, -y)
    c.setDash()
    if x0 == row.x + LANE_LABEL_WIDTH:
        text(c, x0 + 4, row.y + margin - 18, "\u263a", 14, bold=True, color=HAPPY)
        text(c, x0 + 4, row.bottom - margin, "\u2639", 14, bold=True, color=UNHAPPY)


def draw_lane_labels(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Lane labels: name and kind, placed in the visible part of a lane taller than a tile."""
    for lane in project.lanes:
        row = layout.rows[lane.id]
        box = Rect(row.x, row.y, LANE_LABEL_WIDTH, row.h)
        visible = overlap(box, Rect(box.x, view.y, box.w, view.h))
        if visible is None:
            continue
        rect(c, box, fill=LABEL_FILL)
        top = visible.y + 12
        width = LANE_LABEL_WIDTH - 20
        size = fitting_size(lane.name, width, 17, 12, bold=True)
        used = lines(c, 12, top, lane.name, size, width, 3, bold=True, break_words=False)
        text(c, 12, top + used + 4, LANE_KINDS.get(lane.kind, ""), 13, color=MUTED)


def draw_headers(c: Canvas, project: Project, layout: MapLayout, view: Rect) -> None:
    """Stage headers: colour, name and the customer's goal at that stage.

    Text sits in the visible part of the header, so a tile showing half a stage names it.
    """
    for stage in project.stages:
        box = layout.headers[stage.id]
        visible = overlap(box, Rect(view.x, box.y, view.w, box.h))
        if visible is None:
            continue
        fill = hex_color(stage.color)
        rect(c, box, fill=fill)
        c.setStrokeColor(darker(fill, 125))
        c.setLineWidth(2)
        c.line(box.x, -(box.bottom - 1), box.right, -(box.bottom - 1))
        c.line(box.right - 1, -box.y, box.right - 1, -box.bottom)
        inner = visible.w - 24
        if inner < 40:
            continue  # a sliver of a stage at a tile's edge: a cut-off name helps nobody
        ink = ink_on(fill)
        used = lines(c, visible.x + 12, box.y + 10, stage.name, 22, inner, 1, bold=True,
                     color=ink)
        if stage.goal.strip():
            lines(c, visible.x + 12, box.y + 14 + used, "Goal: " + stage.goal, 14, inner, 2,
                  color=ink)


def smooth_path(c: Canvas, points: list[tuple[float, float]]) -> PDFPathObject:
    """The canvas's curve: cubic segments with control points at the horizontal midpoints."""
    path = c.beginPath()
    path.moveTo(points[0][0], -points[0][1])
    for (ax, ay), (bx, by) in pairwise(points):
        mid = (ax + bx) / 2
        path.curveTo(mid, -ay, mid, -by, bx, -by)
    return path


def draw_emotion_curves(c: Canvas, curves: Iterable[tuple[Color, list[tuple[float, float]], bool]],
                        view: Rect) -> None:
    """One smooth curve per persona (``(colour, points, faded)``) with a dot per stage."""
    for color, points, faded in curves:
        if not points:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        bounds = Rect(min(xs) - 10, min(ys) - 10, max(xs) - min(xs) + 20, max(ys) - min(ys) + 20)
        if not bounds.intersects(view):
            continue
        alpha = 0.2 if faded else 0.9  # the canvas draws curves at 90% opacity
        c.saveState()
        c.setStrokeColor(fade(color, alpha))
        c.setLineWidth(4)
        c.setLineCap(1)
        c.drawPath(smooth_path(c, points), stroke=1, fill=0)
        for x, y in points:
            # A white ring (the canvas's 2 pt pen) around the coloured dot.
            disc(c, x, y, CURVE_DOT + 1, fade(PAPER, alpha))
            disc(c, x, y, CURVE_DOT - 1, fade(color, alpha))
        c.restoreState()


def draw_notes(c: Canvas, notes: Iterable[Note], layout: MapLayout, view: Rect,
               faded: bool) -> None:
    """Sticky notes: coloured paper with a folded corner and up to three lines of text."""
    for note in notes:
        box = layout.notes[note.id]
        if not box.intersects(view):
            continue
        alpha = DIMMED_ALPHA if faded else 1.0
        fill = hex_color(note.color)
        x, y, w, h = box.x, box.y, box.w, box.h
        c.setFillColor(fade(fill, alpha))
        c.setStrokeColor(fade(darker(fill, 130), alpha))
        c.setLineWidth(1)
        path = c.beginPath()
        for n, (px, py) in enumerate(((x, y), (x + w, y), (x + w, y + h - FOLD),
                                      (x + w - FOLD, y + h), (x, y + h))):
            (path.lineTo if n else path.moveTo)(px, -py)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        c.setFillColor(fade(darker(fill, 115), alpha))
        fold = c.beginPath()
        fold.moveTo(x + w, -(y + h - FOLD))
        fold.lineTo(x + w - FOLD, -(y + h - FOLD))
        fold.lineTo(x + w - FOLD, -(y + h))
        fold.close()
        c.drawPath(fold, stroke=1, fill=1)
        lines(c, x + 8, y + 7, note.text, 14, w - 16, 3, color=fade(INK, alpha))
