"""Geometry of the map from the model: stage columns, lane rows, cells, cards (no Qt).

The canvas and the PDF export both draw from :func:`compute_layout`, so what you see is what
you print. Units are points of the map at 100% zoom. Cards are stored relative to their cell;
a cell grows to hold its cards, so no card ever spills into a neighbour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from journeymapper.model import LaneKind, Project, Touchpoint

HEADER_HEIGHT = 96.0
LANE_LABEL_WIDTH = 150.0
CARD_WIDTH = 200.0
CARD_HEIGHT = 100.0
NOTE_WIDTH = 170.0
NOTE_HEIGHT = 80.0
PADDING = 14.0
GRID = 10.0

Cell = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle; y grows downwards as on screen."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, px: float, py: float) -> bool:
        """True when the point lies inside or on the edge."""
        return self.x <= px <= self.right and self.y <= py <= self.bottom

    def intersects(self, other: Rect) -> bool:
        """True when the two rectangles overlap by more than an edge."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(slots=True)
class MapLayout:
    """Where everything of one project sits on the map."""

    width: float = 0.0
    height: float = 0.0
    headers: dict[str, Rect] = field(default_factory=dict)
    columns: dict[str, Rect] = field(default_factory=dict)
    rows: dict[str, Rect] = field(default_factory=dict)
    cells: dict[Cell, Rect] = field(default_factory=dict)
    cards: dict[str, Rect] = field(default_factory=dict)
    notes: dict[str, Rect] = field(default_factory=dict)

    def cell_at(self, px: float, py: float) -> Cell | None:
        """The (stage id, lane id) cell under a map point, or None outside the grid."""
        stage = next((s for s, r in self.columns.items() if r.x <= px < r.right), None)
        lane = next((lane for lane, r in self.rows.items() if r.y <= py < r.bottom), None)
        if stage is None or lane is None:
            return None
        return (stage, lane)


def compute_layout(project: Project) -> MapLayout:
    """Lay out stages, lanes, cells, cards and notes of the project."""
    need_w: dict[str, float] = defaultdict(float)
    need_h: dict[str, float] = defaultdict(float)
    for tp in project.touchpoints:
        need_w[tp.stage_id] = max(need_w[tp.stage_id], max(tp.x, 0) + CARD_WIDTH + PADDING)
        need_h[tp.lane_id] = max(need_h[tp.lane_id], max(tp.y, 0) + CARD_HEIGHT + PADDING)
    for note in project.notes:
        need_w[note.stage_id] = max(need_w[note.stage_id], max(note.x, 0) + NOTE_WIDTH + PADDING)
        need_h[note.lane_id] = max(need_h[note.lane_id], max(note.y, 0) + NOTE_HEIGHT + PADDING)

    out = MapLayout()
    x = LANE_LABEL_WIDTH
    widths: dict[str, float] = {}
    for stage in project.stages:
        widths[stage.id] = max(stage.width, need_w[stage.id])
        out.headers[stage.id] = Rect(x, 0.0, widths[stage.id], HEADER_HEIGHT)
        x += widths[stage.id]
    y = HEADER_HEIGHT
    heights: dict[str, float] = {}
    for lane in project.lanes:
        heights[lane.id] = max(lane.height, need_h[lane.id])
        out.rows[lane.id] = Rect(0.0, y, x, heights[lane.id])
        y += heights[lane.id]
    out.width, out.height = x, y
    for stage in project.stages:
        header = out.headers[stage.id]
        out.columns[stage.id] = Rect(header.x, 0.0, header.w, y)
        for lane in project.lanes:
            row = out.rows[lane.id]
            out.cells[(stage.id, lane.id)] = Rect(header.x, row.y, header.w, row.h)
    for tp in project.touchpoints:
        cell = out.cells[(tp.stage_id, tp.lane_id)]
        out.cards[tp.id] = Rect(cell.x + max(tp.x, 0), cell.y + max(tp.y, 0),
                                CARD_WIDTH, CARD_HEIGHT)
    for note in project.notes:
        cell = out.cells[(note.stage_id, note.lane_id)]
        out.notes[note.id] = Rect(cell.x + max(note.x, 0), cell.y + max(note.y, 0),
                                  NOTE_WIDTH, NOTE_HEIGHT)
    return out


def snap(value: float, grid: float = GRID) -> float:
    """Round a coordinate to the nearest grid line."""
    return round(value / grid) * grid


def free_slot(project: Project, stage_id: str, lane_id: str,
              width: float = CARD_WIDTH, height: float = CARD_HEIGHT) -> tuple[float, float]:
    """The first free card position (relative to the cell) in reading order."""
    stage = next(s for s in project.stages if s.id == stage_id)
    taken = [Rect(max(t.x, 0), max(t.y, 0), CARD_WIDTH, CARD_HEIGHT)
             for t in project.touchpoints if t.stage_id == stage_id and t.lane_id == lane_id]
    taken += [Rect(max(n.x, 0), max(n.y, 0), NOTE_WIDTH, NOTE_HEIGHT)
              for n in project.notes if n.stage_id == stage_id and n.lane_id == lane_id]
    per_row = max(1, int((stage.width - PADDING) // (width + PADDING)))
    slot = 0
    while True:
        col, row = slot % per_row, slot // per_row
        candidate = Rect(PADDING + col * (width + PADDING), PADDING + row * (height + PADDING),
                         width, height)
        if not any(candidate.intersects(r) for r in taken):
            return (candidate.x, candidate.y)
        slot += 1


def relative_position(layout: MapLayout, cell: Cell, px: float, py: float) -> tuple[float, float]:
    """A map point expressed relative to a cell's top-left corner, never negative."""
    rect = layout.cells[cell]
    return (max(0.0, px - rect.x), max(0.0, py - rect.y))


def border_point(rect: Rect, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the rectangle's centre toward a point leaves the rectangle."""
    cx, cy = rect.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scale = min(
        (rect.w / 2) / abs(dx) if dx else float("inf"),
        (rect.h / 2) / abs(dy) if dy else float("inf"),
    )
    return (cx + dx * scale, cy + dy * scale)


def link_line(source: Rect, target: Rect) -> tuple[tuple[float, float], tuple[float, float]]:
    """Start and end points of an arrow between two cards, on their borders."""
    return (border_point(source, target.center), border_point(target, source.center))


def emotion_curve(project: Project, layout: MapLayout,
                  persona_id: str | None = None) -> list[tuple[float, float]]:
    """Points of the emotion curve in the first emotions lane: mean emotion per stage.

    Stages without a touchpoint for the persona have no point; the curve skips them.
    """
    lane = next((lane for lane in project.lanes if lane.kind is LaneKind.EMOTIONS), None)
    if lane is None:
        return []
    row = layout.rows[lane.id]
    by_stage: Mapping[str, list[Touchpoint]] = defaultdict(list)
    for tp in project.touchpoints:
        if tp.serves(persona_id):
            by_stage[tp.stage_id].append(tp)
    margin = min(24.0, row.h / 4)
    points: list[tuple[float, float]] = []
    for stage in project.stages:
        cards = by_stage.get(stage.id)
        if not cards:
            continue
        mean = sum(t.emotion for t in cards) / len(cards)
        # -2 sits at the bottom of the lane, +2 at the top.
        y = row.bottom - margin - (mean + 2) / 4 * (row.h - 2 * margin)
        points.append((layout.columns[stage.id].center[0], y))
    return points
