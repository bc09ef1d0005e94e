"""Customer flows on the map: arrows between card borders, captioned "share · label".

Geometry is computed once per export (LinkShape) and drawn on every tile an arrow crosses,
as the canvas's link items draw them (journeymapper/ui/canvas/items/link.py).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.captions import PAD_X, PAD_Y, CaptionPlacer, caption_of, place_all
from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import text_width
from journeymapper.export.pdf.map_draw import LINE, TextBatch, rect
from journeymapper.export.pdf.styles import INK, LINK, PAPER, blend, fade
from journeymapper.layout import MapLayout, Rect, link_line, segment_meets
from journeymapper.model import Link, Project, Touchpoint

ARROW = 14.0
CAPTION_SIZE = 13.0


def _arrow_geometry(start: tuple[float, float], end: tuple[float, float]
                    ) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """The shaft's end and the head's three corners, as the canvas draws them."""
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    # The shaft stops short of the tip so its round cap does not poke through the head.
    short = max(0.0, length - ARROW * 0.6)
    shaft_end = (start[0] + math.cos(angle) * short, start[1] + math.sin(angle) * short)
    head = [end] + [(end[0] - math.cos(angle + turn) * ARROW,
                     end[1] - math.sin(angle + turn) * ARROW) for turn in (-0.45, 0.45)]
    return shaft_end, head


@dataclass(frozen=True, slots=True)
class LinkShape:
    """A flow's arrow, computed once per export and drawn on every tile it crosses."""

    start: tuple[float, float]
    end: tuple[float, float]
    shaft_end: tuple[float, float]
    head: list[tuple[float, float]]
    color: Color
    caption: tuple[str, ...]  # its lines; none without a caption
    caption_box: Rect
    caption_over: bool = False  # no room beside the cards: drawn over them


def link_shapes(project: Project, layout: MapLayout, persona_colors: Mapping[str, Color],
                highlight: str | None) -> list[LinkShape]:
    """Arrows between card borders with their "share · label" captions, as on the canvas."""
    touchpoints: dict[str, Touchpoint] = {tp.id: tp for tp in project.touchpoints}
    runs = []
    for link in project.links:
        source, target = layout.cards.get(link.source_id), layout.cards.get(link.target_id)
        if source is None or target is None:
            continue
        start, end = link_line(source, target)
        if math.hypot(end[0] - start[0], end[1] - start[1]) < 1:
            continue  # cards touching: no room for an arrow (the canvas skips it too)
        runs.append((link, start, end))
    board = place_all(_placer(), layout.cards,
                      [(link.id, *caption_text(link), start, end) for link, start, end in runs])
    shapes = []
    for link, start, end in runs:
        place = board.place_of(link.id)
        faded = _link_faded(link, touchpoints, highlight)
        color = fade(persona_colors.get(link.persona_id or "", LINK), 0.2 if faded else 1.0)
        shapes.append(LinkShape(start, end, *_arrow_geometry(start, end), color,
                                *((place.lines, place.box, place.over) if place is not None
                                  else ((), Rect(*start, 0, 0), False))))
    return shapes


def caption_text(link: Link) -> tuple[str, str]:
    """A link's caption and its short form (see ``captions.caption_of``), fit for the PDF."""
    text, short = caption_of(link)
    return clean(text), clean(short)


@functools.cache
def _placer() -> CaptionPlacer:
    """Captions measured in the export's bold face, as the canvas measures its own."""
    return CaptionPlacer(lambda value: text_width(value, CAPTION_SIZE, True),
                         LINE * CAPTION_SIZE)


def draw_links(c: Canvas, shapes: Iterable[LinkShape], view: Rect) -> None:
    """The arrows that cross ``view`` (their captions: :func:`draw_captions`).

    Arrows of one colour go into one path (shafts stroked, heads filled): a big map has
    thousands of them on every tile, and one path per arrow made the export slow.
    """
    # Long flows cross many tiles: test the segment itself, not its bounding box.
    reach = Rect(view.x - ARROW, view.y - ARROW, view.w + 2 * ARROW, view.h + 2 * ARROW)
    by_color: dict[Color, list[LinkShape]] = {}
    for shape in shapes:
        if segment_meets(reach, shape.start, shape.end):
            by_color.setdefault(shape.color, []).append(shape)
    c.setLineWidth(3)
    c.setLineCap(1)
    for color, group in by_color.items():
        shafts, heads = c.beginPath(), c.beginPath()
        for shape in group:
            shafts.moveTo(shape.start[0], -shape.start[1])
            shafts.lineTo(shape.shaft_end[0], -shape.shaft_end[1])
            (x0, y0), (x1, y1), (x2, y2) = shape.head
            heads.moveTo(x0, -y0)
            heads.lineTo(x1, -y1)
            heads.lineTo(x2, -y2)
            heads.close()
        c.setStrokeColor(color)
        c.setFillColor(color)
        c.drawPath(shafts, stroke=1, fill=0)
        c.drawPath(heads, stroke=0, fill=1)


def draw_captions(c: Canvas, shapes: Iterable[LinkShape], view: Rect, *,
                  over: bool = False) -> None:
    """The captions in ``view`` that go under the cards (drawn over every arrow, before the
    cards), or, ``over``, those with no room beside them (drawn after the cards), as on the
    canvas."""
    captions = [shape for shape in shapes if shape.caption and shape.caption_over == over
                and shape.caption_box.intersects(view)]
    if not captions:
        return
    for shape in captions:  # box, then text: a caption over another hides it whole
        alpha = shape.color.alpha
        box = shape.caption_box
        rect(c, box, fill=fade(PAPER, alpha), stroke=shape.color, width=1.2, radius=5)
        labels = TextBatch(c)
        # A text's own opacity is not kept by every viewer: faded text is a paler ink.
        ink = INK if alpha >= 1 else blend(INK, PAPER, 1 - alpha)
        for i, line in enumerate(shape.caption):
            labels.add(box.x + PAD_X, box.y + PAD_Y + i * LINE * CAPTION_SIZE, line,
                       CAPTION_SIZE, bold=True, color=ink)
        labels.draw()


def _link_faded(link: Link, touchpoints: Mapping[str, Touchpoint], pid: str | None) -> bool:
    """As on the canvas: another persona's flow, or a flow to or from a faded card."""
    if pid is None:
        return False
    ends = (touchpoints.get(link.source_id), touchpoints.get(link.target_id))
    return link.persona_id not in (None, pid) or any(
        tp is None or not tp.serves(pid) for tp in ends)
