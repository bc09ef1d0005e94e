"""Keyboard focus on the map: a cell, or a card inside a cell, and how arrows and Tab move it.

Pure functions of the project and its layout (no Qt), so the rules are easy to test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeymapper.document import Kind
from journeymapper.layout import MapLayout, Rect
from journeymapper.model import Note, Project, Touchpoint
from journeymapper.ui.selection import Ref

LEFT, RIGHT, UP, DOWN = "left", "right", "up", "down"


@dataclass(frozen=True, slots=True)
class Focus:
    """The focused cell, and the focused card in it (None: the cell itself)."""

    stage_id: str
    lane_id: str
    card: Ref | None = None

    @property
    def cell(self) -> tuple[str, str]:
        """(stage id, lane id)."""
        return (self.stage_id, self.lane_id)


def cards_in_cell(project: Project, layout: MapLayout, cell: tuple[str, str]
                  ) -> list[tuple[Ref, Rect]]:
    """Touchpoints and notes of a cell in reading order (top to bottom, left to right)."""
    found: list[tuple[Ref, Rect]] = []
    for tp in project.touchpoints:
        if (tp.stage_id, tp.lane_id) == cell:
            found.append(((Kind.TOUCHPOINT, tp.id), layout.cards[tp.id]))
    for note in project.notes:
        if (note.stage_id, note.lane_id) == cell:
            found.append(((Kind.NOTE, note.id), layout.notes[note.id]))
    found.sort(key=lambda entry: (entry[1].y, entry[1].x))
    return found


def first_focus(project: Project) -> Focus | None:
    """The top-left cell, or None for a map without cells."""
    if not project.stages or not project.lanes:
        return None
    return Focus(project.stages[0].id, project.lanes[0].id)


def valid_focus(project: Project, layout: MapLayout, focus: Focus | None,
                find: Callable[[Kind, str], Touchpoint | Note | None] | None = None
                ) -> Focus | None:
    """The focus made valid again after an edit: a moved card takes the focus along, a
    removed card leaves its cell focused, a removed cell gives way to the first cell.
    ``find`` looks a card up by kind and id (the document's index; by default the project's
    lists are searched, which takes a millisecond at 10,000 touchpoints)."""
    if focus is None:
        return first_focus(project)
    if focus.card is not None:
        kind, item_id = focus.card
        if find is not None:
            card = find(kind, item_id)
        else:
            items = project.touchpoints if kind is Kind.TOUCHPOINT else project.notes
            card = next((c for c in items if c.id == item_id), None)
        if card is not None:
            return Focus(card.stage_id, card.lane_id, focus.card)
        focus = Focus(focus.stage_id, focus.lane_id)
    return focus if focus.cell in layout.cells else first_focus(project)


def focus_rect(layout: MapLayout, focus: Focus) -> Rect:
    """What the focus frame surrounds."""
    if focus.card is not None:
        kind, item_id = focus.card
        return (layout.cards if kind is Kind.TOUCHPOINT else layout.notes)[item_id]
    return layout.cells[focus.cell]


def _neighbour(project: Project, focus: Focus, d_stage: int, d_lane: int) -> Focus | None:
    stages = [s.id for s in project.stages]
    lanes = [ln.id for ln in project.lanes]
    si, li = stages.index(focus.stage_id) + d_stage, lanes.index(focus.lane_id) + d_lane
    if 0 <= si < len(stages) and 0 <= li < len(lanes):
        return Focus(stages[si], lanes[li])
    return None


def _nearest(cards: list[tuple[Ref, Rect]], here: Rect, direction: str) -> Ref | None:
    hx, hy = here.center
    best: tuple[float, Ref] | None = None
    for ref, rect in cards:
        x, y = rect.center
        dx, dy = x - hx, y - hy
        along, across = {LEFT: (-dx, dy), RIGHT: (dx, dy), UP: (-dy, dx), DOWN: (dy, dx)}[direction]
        if along <= 1:
            continue
        score = along + 2 * abs(across)
        if best is None or score < best[0]:
            best = (score, ref)
    return best[1] if best else None


def step(project: Project, layout: MapLayout, focus: Focus, direction: str) -> Focus:
    """Where an arrow key moves the focus.

    From a card: to the nearest card that way in the same cell; past the cell's edge, to the
    neighbouring cell (Up returns to the card's own cell first). From a cell: Down enters the
    cell's first card; otherwise to the neighbouring cell.
    """
    cards = cards_in_cell(project, layout, focus.cell)
    if focus.card is not None:
        here = dict(cards).get(focus.card)
        if here is not None:
            others = [(r, rect) for r, rect in cards if r != focus.card]
            target = _nearest(others, here, direction)
            if target is not None:
                return Focus(focus.stage_id, focus.lane_id, target)
        if direction == UP:
            return Focus(focus.stage_id, focus.lane_id)
    elif direction == DOWN and cards:
        return Focus(focus.stage_id, focus.lane_id, cards[0][0])
    d_stage, d_lane = {LEFT: (-1, 0), RIGHT: (1, 0), UP: (0, -1), DOWN: (0, 1)}[direction]
    return _neighbour(project, focus, d_stage, d_lane) or focus


def tab(project: Project, focus: Focus, backwards: bool = False) -> Focus:
    """Tab: the same lane's cell in the next stage; past the last stage, the next lane."""
    stages = [s.id for s in project.stages]
    lanes = [ln.id for ln in project.lanes]
    index = lanes.index(focus.lane_id) * len(stages) + stages.index(focus.stage_id)
    index = (index + (-1 if backwards else 1)) % (len(stages) * len(lanes))
    return Focus(stages[index % len(stages)], lanes[index // len(stages)])
