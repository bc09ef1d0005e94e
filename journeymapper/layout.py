"""Geometry of the map from the model: stage columns, lane rows, cells, cards (no Qt).

The canvas and the PDF export both draw from :func:`compute_layout`, so what you see is what
you print. Units are points of the map at 100% zoom. Cards are stored relative to their cell;
a cell grows to hold its cards, so no card ever spills into a neighbour.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from journeymapper.model import LaneKind, Note, Project, Touchpoint

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


class LiveLayout:
    """:func:`compute_layout` kept current while cards and notes move, come and go.

    A stage is as wide as its widest card needs (or its own width), a lane as tall as its
    lowest card needs; the needs of each stage and lane are kept as multisets, so a change of a
    few cards tells at once whether any stage or lane changes size. When none does, only those
    cards' rectangles change; otherwise the whole map is laid out again. Either way the result
    equals ``compute_layout(project)``.
    """

    def __init__(self) -> None:
        self.layout = MapLayout()
        # Built on the first incremental update: (stage, lane, width, height) each card needs.
        self._needed: dict[str, tuple[str, str, float, float]] | None = None
        self._widths: dict[str, Counter[float]] = defaultdict(Counter)
        self._heights: dict[str, Counter[float]] = defaultdict(Counter)

    def full(self, project: Project) -> MapLayout:
        """Lay out the whole project (after stages or lanes changed, or a new project)."""
        self.layout = compute_layout(project)
        self._needed = None
        return self.layout

    def update(self, project: Project, touchpoints: Mapping[str, Touchpoint | None],
               notes: Mapping[str, Note | None]) -> tuple[MapLayout, set[str] | None]:
        """The layout after these cards (None: removed) were added, moved or removed, and the
        ids whose rectangle changed; None instead of ids when everything was laid out again."""
        if self._needed is None:
            self._count_needs(project)
        stages: set[str] = set()
        lanes: set[str] = set()
        for item_id, card in (*touchpoints.items(), *notes.items()):
            old = self._needed.pop(item_id, None)  # type: ignore[union-attr]
            if old is not None:
                self._forget(old)
                stages.add(old[0])
                lanes.add(old[1])
            if card is not None:
                need = _need(card, isinstance(card, Note))
                self._needed[item_id] = need  # type: ignore[index]
                self._widths[need[0]][need[2]] += 1
                self._heights[need[1]][need[3]] += 1
                stages.add(need[0])
                lanes.add(need[1])
        old_layout = self.layout
        if not self._sizes_kept(project, old_layout, stages, lanes):
            self.layout = compute_layout(project)
            return self.layout, None
        new = MapLayout(old_layout.width, old_layout.height, old_layout.headers,
                        old_layout.columns, old_layout.rows, old_layout.cells,
                        dict(old_layout.cards), dict(old_layout.notes))
        changed: set[str] = set()
        for table, cards, width, height in ((new.cards, touchpoints, CARD_WIDTH, CARD_HEIGHT),
                                            (new.notes, notes, NOTE_WIDTH, NOTE_HEIGHT)):
            for item_id, card in cards.items():
                if card is None:
                    if table.pop(item_id, None) is not None:
                        changed.add(item_id)
                    continue
                cell = new.cells[(card.stage_id, card.lane_id)]
                rect = Rect(cell.x + max(card.x, 0), cell.y + max(card.y, 0), width, height)
                if table.get(item_id) != rect:
                    changed.add(item_id)
                    table[item_id] = rect
        if len(new.cards) != len(old_layout.cards) or any(
                c is None or c.id not in old_layout.cards for c in touchpoints.values()):
            new.cards = {tp.id: new.cards[tp.id] for tp in project.touchpoints}
        if len(new.notes) != len(old_layout.notes) or any(
                n is None or n.id not in old_layout.notes for n in notes.values()):
            new.notes = {n.id: new.notes[n.id] for n in project.notes}
        self.layout = new
        return new, changed

    def _count_needs(self, project: Project) -> None:
        self._needed = {}
        self._widths.clear()
        self._heights.clear()
        for group, is_note in ((project.touchpoints, False), (project.notes, True)):
            for card in group:
                need = self._needed[card.id] = _need(card, is_note)
                self._widths[need[0]][need[2]] += 1
                self._heights[need[1]][need[3]] += 1

    def _forget(self, need: tuple[str, str, float, float]) -> None:
        for counts, key, value in ((self._widths, need[0], need[2]),
                                   (self._heights, need[1], need[3])):
            bag = counts[key]
            bag[value] -= 1
            if bag[value] <= 0:
                del bag[value]

    def _sizes_kept(self, project: Project, layout: MapLayout, stages: set[str],
                    lanes: set[str]) -> bool:
        """True when every touched stage and lane keeps its size (and exists)."""
        own_w = {s.id: s.width for s in project.stages if s.id in stages}
        own_h = {ln.id: ln.height for ln in project.lanes if ln.id in lanes}
        if len(own_w) != len(stages) or len(own_h) != len(lanes):
            return False
        for stage_id, own in own_w.items():
            header = layout.headers.get(stage_id)
            need = self._widths.get(stage_id)
            if header is None or header.w != max(own, max(need, default=0.0) if need else 0.0):
                return False
        for lane_id, own in own_h.items():
            row = layout.rows.get(lane_id)
            need = self._heights.get(lane_id)
            if row is None or row.h != max(own, max(need, default=0.0) if need else 0.0):
                return False
        return True


def _need(card: Touchpoint | Note, is_note: bool) -> tuple[str, str, float, float]:
    """(stage, lane, width, height) the card needs its cell to be, as compute_layout has it."""
    width, height = (NOTE_WIDTH, NOTE_HEIGHT) if is_note else (CARD_WIDTH, CARD_HEIGHT)
    return (card.stage_id, card.lane_id, max(card.x, 0) + width + PADDING,
            max(card.y, 0) + height + PADDING)


def snap(value: float, grid: float = GRID) -> float:
    """Round a coordinate to the nearest grid line."""
    return round(value / grid) * grid


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
    return emotion_curves(project, layout, [persona_id])[persona_id]


def emotion_curves(project: Project, layout: MapLayout, persona_ids: Iterable[str | None]
                   ) -> dict[str | None, list[tuple[float, float]]]:
    """:func:`emotion_curve` of several personas (None: everyone) in one pass."""
    wanted = list(dict.fromkeys(persona_ids))
    lane = next((lane for lane in project.lanes if lane.kind is LaneKind.EMOTIONS), None)
    if lane is None:
        return {pid: [] for pid in wanted}
    named = {pid for pid in wanted if pid is not None}
    everyone: list[str | None] = [None] if None in wanted else []
    sums: dict[str | None, dict[str, list[int]]] = {pid: {} for pid in wanted}
    for tp in project.touchpoints:
        # Touchpoint.serves: no personas serves everyone; otherwise only those listed.
        serves = wanted if not tp.persona_ids else everyone + [
            pid for pid in dict.fromkeys(tp.persona_ids) if pid in named]
        for pid in serves:
            total = sums[pid].get(tp.stage_id)
            if total is None:
                sums[pid][tp.stage_id] = [tp.emotion, 1]
            else:
                total[0] += tp.emotion
                total[1] += 1
    row = layout.rows[lane.id]
    margin = min(24.0, row.h / 4)
    curves: dict[str | None, list[tuple[float, float]]] = {}
    for pid in wanted:
        points = curves[pid] = []
        for stage in project.stages:
            total = sums[pid].get(stage.id)
            if not total:
                continue
            mean = total[0] / total[1]
            # -2 sits at the bottom of the lane, +2 at the top.
            y = row.bottom - margin - (mean + 2) / 4 * (row.h - 2 * margin)
            points.append((layout.columns[stage.id].center[0], y))
    return curves


def clip_segment(r: Rect, p0: tuple[float, float], p1: tuple[float, float]
                 ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment p0-p1 inside the rectangle, or None (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    for p, q in ((-dx, p0[0] - r.x), (dx, r.right - p0[0]),
                 (-dy, p0[1] - r.y), (dy, r.bottom - p0[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return ((p0[0] + t0 * dx, p0[1] + t0 * dy), (p0[0] + t1 * dx, p0[1] + t1 * dy))


def segment_meets(r: Rect, p0: tuple[float, float], p1: tuple[float, float]) -> bool:
    """True when the segment p0-p1 passes through the rectangle."""
    return clip_segment(r, p0, p1) is not None


def segment_boxes(p0: tuple[float, float], p1: tuple[float, float], step: float,
                  margin: float) -> list[Rect]:
    """Boxes that together cover the segment (each of a piece at most ``step`` long) with
    ``margin`` around it: what must be drawn again when a long, slanted line moves, without
    its whole bounding box."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    pieces = max(1, math.ceil(math.hypot(dx, dy) / step))
    boxes = []
    for i in range(pieces):
        ax, ay = p0[0] + dx * i / pieces, p0[1] + dy * i / pieces
        bx, by = p0[0] + dx * (i + 1) / pieces, p0[1] + dy * (i + 1) / pieces
        left, top = min(ax, bx) - margin, min(ay, by) - margin
        boxes.append(Rect(left, top, abs(bx - ax) + 2 * margin, abs(by - ay) + 2 * margin))
    return boxes
