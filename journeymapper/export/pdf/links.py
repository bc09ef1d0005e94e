"""Customer flows on the map: arrows between card borders, captioned "share · label".

Geometry is computed once per export (LinkShape) and drawn on every tile an arrow crosses,
as the canvas's link items draw them (journeymapper/ui/canvas/items/link.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import text_width
from journeymapper.export.pdf.map_draw import LINE, TextBatch, rect
from journeymapper.export.pdf.styles import INK, LINK, PAPER, fade
from journeymapper.export.pdf.text import elide
from journeymapper.layout import MapLayout, Rect, link_line, segment_meets
from journeymapper.model import Link, Project, Touchpoint

ARROW = 14.0


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
    caption: str
    caption_box: Rect


def link_shapes(project: Project, layout: MapLayout, persona_colors: Mapping[str, Color],
                highlight: str | None) -> list[LinkShape]:
    """Arrows between card borders with their "share · label" captions, as on the canvas."""
    touchpoints: dict[str, Touchpoint] = {tp.id: tp for tp in project.touchpoints}
    shapes = []
    for link in project.links:
        source, target = layout.cards.get(link.source_id), layout.cards.get(link.target_id)
        if source is None or target is None:
            continue
        start, end = link_line(source, target)
        if math.hypot(end[0] - start[0], end[1] - start[1]) < 1:
            continue  # cards touching: no room for an arrow (the canvas skips it too)
        parts = [f"{link.share:.0%}"] if link.share is not None else []
        if link.label.strip():
            parts.append(clean(link.label))
        caption = elide(" · ".join(parts), 200, 13, True) if parts else ""
        w, h = text_width(caption, 13, True) + 10, LINE * 13 + 4
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        faded = _link_faded(link, touchpoints, highlight)
        color = fade(persona_colors.get(link.persona_id or "", LINK), 0.2 if faded else 1.0)
        shapes.append(LinkShape(start, end, *_arrow_geometry(start, end), color, caption,
                                Rect(mid[0] - w / 2, mid[1] - h / 2, w, h)))
    return shapes


def draw_links(c: Canvas, shapes: Iterable[LinkShape], view: Rect) -> None:
    """The arrows and captions that cross ``view``.

    Arrows of one colour go into one path (shafts stroked, heads filled): a big map has
    thousands of them on every tile, and one path per arrow made the export slow.
    """
    # Long flows cross many tiles: test the segment itself, not its bounding box.
    reach = Rect(view.x - ARROW, view.y - ARROW, view.w + 2 * ARROW, view.h + 2 * ARROW)
    by_color: dict[Color, list[LinkShape]] = {}
    captions: list[LinkShape] = []
    for shape in shapes:
        show_caption = bool(shape.caption) and shape.caption_box.intersects(view)
        if show_caption:
            captions.append(shape)
        if show_caption or segment_meets(reach, shape.start, shape.end):
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
    if not captions:
        return
    labels = TextBatch(c)
    for shape in captions:
        alpha = shape.color.alpha
        box = shape.caption_box
        rect(c, box, fill=fade(PAPER, alpha), stroke=shape.color, width=1.2, radius=5)
        labels.add(box.x + 5, box.y + 2, shape.caption, 13, bold=True, color=fade(INK, alpha))
    labels.draw()


def _link_faded(link: Link, touchpoints: Mapping[str, Touchpoint], pid: str | None) -> bool:
    """As on the canvas: another persona's flow, or a flow to or from a faded card."""
    if pid is None:
        return False
    ends = (touchpoints.get(link.source_id), touchpoints.get(link.target_id))
    return link.persona_id not in (None, pid) or any(
        tp is None or not tp.serves(pid) for tp in ends)
