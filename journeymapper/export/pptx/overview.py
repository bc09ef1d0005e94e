"""The overview slide: the whole map drawn with native shapes, placed from the shared layout.

Positions come from ``journeymapper.layout.compute_layout`` scaled into the slide, so the
overview matches the canvas and the PDF: lane rows and labels, stage headers in their colours,
sticky notes, the emotion curves, touchpoint cards (rounded rectangles with a channel bar) and
the links between them as arrows glued to the cards (they follow a card that is moved).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import Shape

from journeymapper.export.pptx.shapes import (
    Groups,
    Line,
    box,
    connector,
    fitting_size,
    glue,
    text_box,
    write,
)
from journeymapper.export.pptx.style import (
    CONTENT_HEIGHT,
    CONTENT_TOP,
    CONTENT_WIDTH,
    DIMMED_FILL,
    EMU_PER_POINT,
    INK,
    LABEL_FILL,
    LANE_FILLS,
    LINK,
    MARGIN,
    MUTED,
    OVERDUE,
    PAPER,
    RULE,
    blend,
    channel_color,
    elide,
    fit_chars,
    ink_on,
)
from journeymapper.layout import LANE_LABEL_WIDTH, MapLayout, Rect, compute_layout, emotion_curve
from journeymapper.model import LaneKind, Project

MIN_TEXT = 5.0


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the map goes on the slide: one map point is ``scale`` type points."""

    left: int
    top: int
    scale: float

    def x(self, value: float) -> int:
        return self.left + round(value * self.scale * EMU_PER_POINT)

    def y(self, value: float) -> int:
        return self.top + round(value * self.scale * EMU_PER_POINT)

    def size(self, value: float) -> int:
        return round(value * self.scale * EMU_PER_POINT)

    def rect(self, r: Rect) -> tuple[int, int, int, int]:
        return (self.x(r.x), self.y(r.y), self.size(r.w), self.size(r.h))

    def point(self, p: tuple[float, float]) -> tuple[int, int]:
        return (self.x(p[0]), self.y(p[1]))

    def type_size(self, map_size: float, floor: float = MIN_TEXT) -> float:
        """A font size of the canvas scaled like the map, never below ``floor``."""
        return round(max(floor, map_size * self.scale), 1)


def fit_frame(layout: MapLayout) -> Frame:
    """The largest scale at which the whole map fits the content area, centred."""
    width_pt, height_pt = CONTENT_WIDTH / EMU_PER_POINT, CONTENT_HEIGHT / EMU_PER_POINT
    scale = min(width_pt / max(layout.width, 1.0), height_pt / max(layout.height, 1.0), 1.0)
    used = round(layout.width * scale * EMU_PER_POINT)
    return Frame(MARGIN + (CONTENT_WIDTH - used) // 2, CONTENT_TOP, scale)


def draw_overview(shapes: object, project: Project, *, persona_id: str | None,
                  today: dt.date) -> None:
    """Draw the whole map of ``project`` into a slide's shape tree."""
    layout = compute_layout(project)
    frame = fit_frame(layout)
    _grid(shapes, project, layout, frame)
    _emotions(shapes, project, layout, frame, persona_id)
    under: Any = None  # the first note or card: links are slid under it
    for note in project.notes:
        left, top, width, height = frame.rect(layout.notes[note.id])
        size = frame.type_size(9.5)
        shape = box(shapes, left, top, width, height, fill=note.color, line=RULE,
                    line_width=0.5, name="Note")
        if under is None:
            under = shape._element
        limit = fit_chars(width / EMU_PER_POINT - 4, height / EMU_PER_POINT - 4, size)
        write(shape.text_frame, [Line(elide(note.text, limit), size)],
              margins=(2, 2, 2, 2))
    groups = Groups(shapes)
    cards = _cards(shapes, groups, project, layout, frame, persona_id, today)
    if under is None and cards:
        under = next(iter(cards.values()))._element
    _links(shapes, project, cards, persona_id, under)
    groups.make()
    if not project.stages:
        text_box(shapes, MARGIN, CONTENT_TOP + frame.size(layout.height) + 100000, CONTENT_WIDTH,
                 400000, [Line("This map has no stages yet.", 14, color=MUTED)])


def _grid(shapes: object, project: Project, layout: MapLayout, frame: Frame) -> None:
    for i, lane in enumerate(project.lanes):
        row = layout.rows[lane.id]
        body = Rect(LANE_LABEL_WIDTH, row.y, row.w - LANE_LABEL_WIDTH, row.h)
        if body.w > 0:
            box(shapes, *frame.rect(body), fill=LANE_FILLS[i % 2], name=f"Lane {lane.name}")
        label = box(shapes, *frame.rect(Rect(0, row.y, LANE_LABEL_WIDTH, row.h)),
                    fill=LABEL_FILL, line=PAPER, line_width=1.0, name=f"Lane label {lane.name}")
        size = fitting_size(lane.name, frame.size(LANE_LABEL_WIDTH) / EMU_PER_POINT - 6,
                            frame.type_size(12, 6), 4.5)
        write(label.text_frame, [Line(lane.name, size, bold=True)], margins=(3, 3, 3, 3))
    for stage in project.stages:
        col = layout.columns[stage.id]
        connector(shapes, frame.point((col.right, layout.headers[stage.id].bottom)),
                  frame.point((col.right, layout.height)), line=RULE, width=0.5)
    for stage in project.stages:
        header = box(shapes, *frame.rect(layout.headers[stage.id]), fill=stage.color,
                     line=PAPER, line_width=1.0, name=f"Stage {stage.name}")
        ink = ink_on(stage.color)
        lines = [Line(stage.name, frame.type_size(15, 7), bold=True, color=ink)]
        if stage.goal.strip() and frame.scale >= 0.45:
            lines.append(Line("Goal: " + elide(stage.goal, 120), frame.type_size(9), color=ink))
        write(header.text_frame, lines, margins=(4, 3, 4, 3))


def _emotions(shapes: object, project: Project, layout: MapLayout, frame: Frame,
              persona_id: str | None) -> None:
    lane = next((lane for lane in project.lanes if lane.kind is LaneKind.EMOTIONS), None)
    if lane is None:
        return
    row = layout.rows[lane.id]
    mid = row.y + row.h / 2
    connector(shapes, frame.point((LANE_LABEL_WIDTH, mid)), frame.point((row.right, mid)),
              line=RULE, width=0.75, dashed=True)
    if project.personas:
        curves = [(p.color, emotion_curve(project, layout, p.id),
                   persona_id is not None and p.id != persona_id) for p in project.personas]
    else:
        curves = [(INK, emotion_curve(project, layout, None), False)]
    radius = 4.5
    for hex_color, points, faded in curves:
        ink = blend(hex_color, amount=0.7) if faded else hex_color
        for a, b in pairwise(points):
            connector(shapes, frame.point(a), frame.point(b), line=ink,
                      width=max(0.75, 2.5 * frame.scale))
        for x, y in points:
            box(shapes, frame.x(x - radius), frame.y(y - radius), frame.size(2 * radius),
                frame.size(2 * radius), fill=ink, shape=MSO_SHAPE.OVAL, name="Emotion")


def _cards(shapes: object, groups: Groups, project: Project, layout: MapLayout, frame: Frame,
           persona_id: str | None, today: dt.date) -> dict[str, Shape]:
    """Each card as a group (card + channel bar); the card shapes by touchpoint id."""
    cards: dict[str, Shape] = {}
    size = frame.type_size(11.5)
    for tp in project.touchpoints:
        left, top, width, height = frame.rect(layout.cards[tp.id])
        dimmed = persona_id is not None and not tp.serves(persona_id)
        overdue = tp.is_overdue(today)
        card = box(shapes, left, top, width, height,
                   fill=DIMMED_FILL if dimmed else PAPER,
                   line=OVERDUE if overdue and not dimmed else RULE,
                   line_width=1.25 if overdue and not dimmed else 0.5,
                   shape=MSO_SHAPE.ROUNDED_RECTANGLE, radius=0.08, name="Touchpoint")
        bar = channel_color(tp.channel)
        inset = frame.size(6)
        channel = box(shapes, left + inset, top + frame.size(1), width - 2 * inset,
                      max(frame.size(5), 12700),
                      fill=blend(bar, amount=0.65) if dimmed else bar, name="Channel")
        groups.add(f"Card {tp.name}"[:200], (card, channel))
        limit = fit_chars(width / EMU_PER_POINT - 6, height / EMU_PER_POINT - 8, size)
        write(card.text_frame,
              [Line(elide(tp.name, limit), size, bold=True, color=MUTED if dimmed else INK)],
              margins=(3, 3 + 5 * frame.scale, 3, 2))
        cards[tp.id] = card
    return cards


def _links(shapes: object, project: Project, cards: dict[str, Shape],
           persona_id: str | None, under: Any) -> None:
    """Arrows glued to the cards, moved under ``under`` (the first note or card) so that,
    as on the canvas, they never hide a name."""
    by_id = {tp.id: tp for tp in project.touchpoints}
    colors = {p.id: p.color for p in project.personas}
    for link in project.links:
        source, target = by_id[link.source_id], by_id[link.target_id]
        relevant = persona_id is None or (
            link.persona_id in (None, persona_id)
            and source.serves(persona_id) and target.serves(persona_id))
        ink = colors.get(link.persona_id or "", LINK)
        line = connector(shapes, (0, 0), (1, 1), line=ink if relevant else blend(ink, amount=0.7),
                         width=1.0 if relevant else 0.5, arrow=True)
        line.name = "Link"
        glue(line, cards[source.id], cards[target.id])
        if under is not None:
            under.addprevious(line._element)
        if link.label.strip():
            line.name = f"Link {link.label}"[:200]
