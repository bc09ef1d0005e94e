"""One slide per stage: its goal and description, then its touchpoints as editable cards.

A card is a group (card, channel bar, importance badge) holding the channel, the name, the
owner, the deadline (red when overdue), the emotion and the personas served. Cards are laid out
in a grid that shrinks to fit the stage's touchpoints; past ``MAX_CARDS`` a note says how many
more are in the register.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import Shape

from journeymapper.export.formatting import channel_label, money, owner_label, short_date
from journeymapper.export.pptx.shapes import Groups, Line, box, text_box, write
from journeymapper.export.pptx.style import (
    CARD_NAME_CHARS,
    DIMMED_FILL,
    EMU_PER_INCH,
    EMU_PER_POINT,
    INK,
    MARGIN,
    MUTED,
    OVERDUE,
    PAPER,
    RULE,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    blend,
    channel_color,
    elide,
    importance_color,
    ink_on,
)
from journeymapper.model import LaneKind, Project, Stage, Touchpoint
from journeymapper.wording import plural

GOAL_TOP = int(1.45 * EMU_PER_INCH)
GOAL_HEIGHT = int(0.75 * EMU_PER_INCH)
GRID_TOP = GOAL_TOP + GOAL_HEIGHT + int(0.2 * EMU_PER_INCH)
GRID_WIDTH = SLIDE_WIDTH - 2 * MARGIN
GRID_HEIGHT = SLIDE_HEIGHT - GRID_TOP - int(0.3 * EMU_PER_INCH)
GAP = int(0.15 * EMU_PER_INCH)
CARD_W = int(2.95 * EMU_PER_INCH)
CARD_H = int(1.6 * EMU_PER_INCH)
MIN_SCALE = 0.4
MAX_COLUMNS = 12


@dataclass(frozen=True, slots=True)
class Grid:
    """How the cards of one stage are laid out: columns, rows and their size factor."""

    columns: int
    rows: int
    scale: float

    @property
    def width(self) -> int:
        return round(CARD_W * self.scale)

    @property
    def height(self) -> int:
        return round(CARD_H * self.scale)


def grid_for(count: int) -> Grid:
    """The grid that shows ``count`` cards as large as possible (never larger than full size).

    When even the smallest cards cannot hold them all, the grid is full and the caller shows
    ``grid.columns * grid.rows`` of them.
    """
    if count <= 0:
        return Grid(1, 1, 1.0)
    best = Grid(1, 1, 0.0)
    for columns in range(1, MAX_COLUMNS + 1):
        rows = math.ceil(count / columns)
        width = (GRID_WIDTH - (columns - 1) * GAP) / columns
        height = (GRID_HEIGHT - (rows - 1) * GAP) / rows
        scale = min(width / CARD_W, height / CARD_H, 1.0)
        # On a tie, more columns: cards read left to right, as on the map.
        if scale >= best.scale - 1e-9:
            best = Grid(columns, rows, scale)
    if best.scale >= MIN_SCALE:
        return best
    columns = min(MAX_COLUMNS, int((GRID_WIDTH + GAP) // (CARD_W * MIN_SCALE + GAP)))
    rows = int((GRID_HEIGHT + GAP) // (CARD_H * MIN_SCALE + GAP))
    return Grid(columns, rows, MIN_SCALE)


def stage_touchpoints(project: Project, stage: Stage) -> list[Touchpoint]:
    """The touchpoints of a stage in the map's reading order: lane, then row, then column."""
    lane_rank = {lane.id: i for i, lane in enumerate(project.lanes)}
    chosen = [(i, tp) for i, tp in enumerate(project.touchpoints) if tp.stage_id == stage.id]
    chosen.sort(key=lambda item: (lane_rank.get(item[1].lane_id, 0), round(item[1].y / 10),
                                  item[1].x, item[0]))
    return [tp for _, tp in chosen]


def mean_emotion(touchpoints: list[Touchpoint]) -> str:
    """``+0.5`` style mean emotion, or a dash."""
    if not touchpoints:
        return "\u2013"
    return f"{sum(t.emotion for t in touchpoints) / len(touchpoints):+.1f}"


def stage_summary(project: Project, stage: Stage, index: int, *, emotion: bool = True) -> str:
    """``Stage 2 of 5 · 6 touchpoints · budget ... · spent ... · mean emotion +0.5``."""
    cards = [tp for tp in project.touchpoints if tp.stage_id == stage.id]
    currency = project.business.currency
    budget = sum((t.budget for t in cards), Decimal(0))
    spent = sum((t.spent for t in cards), Decimal(0))
    summary = (f"Stage {index} of {len(project.stages)} \u00b7 "
               f"{plural(len(cards), 'touchpoint')} \u00b7 budget "
               f"{money(budget, currency)} \u00b7 spent {money(spent, currency)}")
    return summary + (f" \u00b7 mean emotion {mean_emotion(cards)}" if emotion else "")


def draw_stage(shapes: object, project: Project, stage: Stage, *, persona_id: str | None,
               today: dt.date) -> None:
    """The goal band and the touchpoint cards of one stage."""
    box(shapes, 0, 0, SLIDE_WIDTH, int(0.12 * EMU_PER_INCH), fill=stage.color, name="Stage colour")
    band = box(shapes, MARGIN, GOAL_TOP, GRID_WIDTH, GOAL_HEIGHT,
               fill=blend(stage.color, amount=0.85), line=stage.color, line_width=1.0,
               name="Stage goal")
    lines = [Line("Customer goal: " + (elide(stage.goal, 200) or "not set yet"), 14, bold=True)]
    if stage.description.strip():
        lines.append(Line(elide(stage.description, 260), 11, color=MUTED, space_before=2))
    write(band.text_frame, lines, anchor="middle", margins=(10, 4, 10, 4))

    cards = stage_touchpoints(project, stage)
    if not cards:
        text_box(shapes, MARGIN, GRID_TOP, GRID_WIDTH, int(0.5 * EMU_PER_INCH),
                 [Line("No touchpoints in this stage yet.", 14, color=MUTED, italic=True)])
        return
    grid = grid_for(len(cards))
    shown = cards[:grid.columns * grid.rows]
    if len(shown) < len(cards):
        # Keep the last cell for the note saying what is left out.
        shown = cards[:grid.columns * grid.rows - 1]
    lanes = {lane.id: lane for lane in project.lanes}
    personas = {p.id: p.name for p in project.personas}
    groups = Groups(shapes)
    for i, tp in enumerate(shown):
        col, row = i % grid.columns, i // grid.columns
        left = MARGIN + col * (grid.width + GAP)
        top = GRID_TOP + row * (grid.height + GAP)
        lane = lanes.get(tp.lane_id)
        lane_name = lane.name if lane is not None and lane.kind is not LaneKind.TOUCHPOINTS \
            else None
        groups.add(f"Card {tp.name}"[:200], draw_card(
            shapes, tp, project.importance(tp), left, top, grid, today=today,
            dimmed=persona_id is not None and not tp.serves(persona_id), lane_name=lane_name,
            personas=personas))
    groups.make()
    if len(shown) < len(cards):
        i = len(shown)
        left = MARGIN + (i % grid.columns) * (grid.width + GAP)
        top = GRID_TOP + (i // grid.columns) * (grid.height + GAP)
        text_box(shapes, left, top, grid.width, grid.height,
                 [Line(f"+{len(cards) - len(shown)} more touchpoints: see the register", 10,
                       color=MUTED, italic=True)], anchor="middle")


def persona_line(tp: Touchpoint, personas: dict[str, str]) -> str:
    """``For: Sofia, Markus`` or ``For: everyone``."""
    names = [personas[pid] for pid in tp.persona_ids if pid in personas]
    return "For: " + (", ".join(names) if names else "everyone")


def draw_card(shapes: object, tp: Touchpoint, importance: float, left: int, top: int,
              grid: Grid, *, today: dt.date, dimmed: bool, lane_name: str | None,
              personas: dict[str, str]) -> tuple[Shape, ...]:
    """One touchpoint card: the card, its channel bar and importance badge (to be grouped)."""
    k = grid.scale
    width, height = grid.width, grid.height
    overdue = tp.is_overdue(today)
    ink, muted = (MUTED, blend(MUTED, amount=0.4)) if dimmed else (INK, MUTED)
    card = box(shapes, left, top, width, height, fill=DIMMED_FILL if dimmed else PAPER,
               line=OVERDUE if overdue and not dimmed else RULE,
               line_width=1.75 if overdue and not dimmed else 0.75,
               shape=MSO_SHAPE.ROUNDED_RECTANGLE, radius=0.06, name="Touchpoint")
    bar = channel_color(tp.channel)
    inset = round(8 * k * EMU_PER_POINT)
    channel = box(shapes, left + inset, top + round(1.5 * EMU_PER_POINT), width - 2 * inset,
                  round(max(2.0, 5 * k) * EMU_PER_POINT),
                  fill=blend(bar, amount=0.65) if dimmed else bar, name="Channel")
    badge_w, badge_h = round(34 * k * EMU_PER_POINT), round(15 * k * EMU_PER_POINT)
    badge_fill = importance_color(importance)
    if dimmed:
        badge_fill = blend(badge_fill, amount=0.6)
    badge = box(shapes, left + width - inset - badge_w, top + round(9 * k * EMU_PER_POINT),
                badge_w, badge_h, fill=badge_fill, shape=MSO_SHAPE.ROUNDED_RECTANGLE,
                radius=0.5, name="Importance")
    write(badge.text_frame, [Line(f"{importance:.0f}", max(6.0, round(9 * k, 1)), bold=True,
                                  color=ink_on(badge_fill), align="center")],
          anchor="middle", margins=(0, 0, 0, 0), wrap=False)

    small = max(6.0, round(9 * k, 1))
    name_size = max(7.0, round(13 * k, 1))
    top_line = channel_label(tp.channel) + (f" \u00b7 {lane_name}" if lane_name else "")
    per_line = max(8, int((width / EMU_PER_POINT - 12 * k) / (name_size * 0.52)))
    lines = [
        Line(elide(top_line, max(8, int(per_line * name_size / small) - 8)), small, color=muted),
        # Space before the name clears the importance badge beside the channel line.
        Line(elide(tp.name, min(CARD_NAME_CHARS, per_line * 2)), name_size, bold=True,
             color=ink, space_before=round(6 * k, 1)),
        Line(elide("Owner: " + owner_label(tp.owner), 60), small, color=muted, space_before=2),
    ]
    if tp.deadline is not None:
        due = f"Due {short_date(tp.deadline)}" + (" \u00b7 overdue" if overdue else "")
        lines.append(Line(due, small, bold=overdue, color=OVERDUE if overdue and not dimmed
                          else muted))
    lines.append(Line(elide(f"Emotion {tp.emotion:+d} \u00b7 {persona_line(tp, personas)}", 70),
                      small, color=muted))
    write(card.text_frame, lines, margins=(8 * k, 8 * k, 8 * k, 4 * k))
    return card, channel, badge


def stage_notes(project: Project, stage: Stage) -> str:
    """Speaker notes of a stage slide: goal, description, the map's notes in this stage."""
    parts = [f"Customer goal: {stage.goal.strip() or 'not set yet'}"]
    if stage.description.strip():
        parts.append(stage.description.strip())
    notes = [n.text.strip() for n in project.notes if n.stage_id == stage.id]
    if notes:
        parts.append("Notes on the map:\n" + "\n".join(f"- {elide(n, 300)}" for n in notes))
    return "\n\n".join(parts)
