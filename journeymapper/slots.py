"""Free places for new or moved cards: the slots of a cell in reading order (no Qt).

A cell's slots are a grid of card-sized places from its top-left corner, as many per row as
the stage is wide. A card goes to the first slot that overlaps no card or note of the cell.
Placing many cards at once (a move of 500 to the next stage, a paste, an import) asks the
same :class:`FreeSlots` card after card: it remembers what it handed out, resumes each
search after the last slot it gave, and tests a slot only against the rectangles near its
row, so that placing n cards costs about n steps, not n^3 (a move of 500 cards into cells of
2,000 took 28 s when each slot was sought afresh).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, NOTE_HEIGHT, NOTE_WIDTH, PADDING, Rect
from journeymapper.model import Note, Project, Stage, Touchpoint

Cell = tuple[str, str]
BAND = 50.0  # map points: a cell's rectangles are filed in horizontal bands this tall


class _Cell:
    """One cell's taken rectangles, filed by band."""

    def __init__(self, rects: Iterable[Rect]) -> None:
        self.bands: dict[int, list[Rect]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    def add(self, rect: Rect) -> None:
        for band in range(math.floor(rect.y / BAND), math.floor(rect.bottom / BAND) + 1):
            self.bands[band].append(rect)

    def free(self, slot: Rect) -> bool:
        bands = self.bands
        return not any(slot.intersects(rect)
                       for band in range(math.floor(slot.y / BAND),
                                         math.floor(slot.bottom / BAND) + 1)
                       for rect in bands.get(band, ()))


class FreeSlots:
    """The free slots of a map's cells; each slot handed out is taken from then on."""

    def __init__(self, stages: Iterable[Stage], cards: Iterable[Touchpoint],
                 notes: Iterable[Note]) -> None:
        self._widths = {stage.id: stage.width for stage in stages}
        self._rects: dict[Cell, list[Rect]] = defaultdict(list)
        for tp in cards:
            self._rects[(tp.stage_id, tp.lane_id)].append(
                Rect(max(tp.x, 0), max(tp.y, 0), CARD_WIDTH, CARD_HEIGHT))
        for note in notes:
            self._rects[(note.stage_id, note.lane_id)].append(
                Rect(max(note.x, 0), max(note.y, 0), NOTE_WIDTH, NOTE_HEIGHT))
        self._cells: dict[Cell, _Cell] = {}  # filed when first asked
        # Per cell and slot size: the slots before this index are all taken (cards only come).
        self._next: dict[tuple[Cell, float, float], int] = {}

    @classmethod
    def of(cls, project: Project, leaving: Collection[str] = ()) -> FreeSlots:
        """The free slots of ``project``'s cells, where the cards and notes with an id in
        ``leaving`` (the ones being moved away) no longer count."""
        return cls(project.stages, (t for t in project.touchpoints if t.id not in leaving),
                   (n for n in project.notes if n.id not in leaving))

    def take(self, cell: Cell, width: float = CARD_WIDTH,
             height: float = CARD_HEIGHT) -> tuple[float, float]:
        """The first free slot of ``cell`` in reading order (relative to the cell), now taken."""
        taken = self._cells.get(cell)
        if taken is None:
            taken = self._cells[cell] = _Cell(self._rects.pop(cell, ()))
        per_row = max(1, int((self._widths[cell[0]] - PADDING) // (width + PADDING)))
        key = (cell, width, height)
        index = self._next.get(key, 0)
        while True:
            col, row = index % per_row, index // per_row
            slot = Rect(PADDING + col * (width + PADDING), PADDING + row * (height + PADDING),
                        width, height)
            if taken.free(slot):
                self._next[key] = index + 1
                taken.add(slot)
                return (slot.x, slot.y)
            index += 1


def free_slot(project: Project, stage_id: str, lane_id: str,
              width: float = CARD_WIDTH, height: float = CARD_HEIGHT) -> tuple[float, float]:
    """The first free card position of one cell (relative to the cell) in reading order."""
    return FreeSlots.of(project).take((stage_id, lane_id), width, height)
