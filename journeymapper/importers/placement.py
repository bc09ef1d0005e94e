"""Where imported cards go: the free slots of a cell, many at a time (no Qt).

``journeymapper.layout.free_slot`` finds one free slot by testing each slot against every card
of the cell, so asking it card after card costs O(n^3): 500 new cards in one cell took 21 s.
``CellSlots`` hands out the very same slots in the same order (a test checks it against
free_slot) in about linear time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, NOTE_HEIGHT, NOTE_WIDTH, PADDING, Rect
from journeymapper.model import Note, Touchpoint

Cell = tuple[str, str]


def occupied(cards: Iterable[Touchpoint], notes: Iterable[Note]) -> dict[Cell, list[Rect]]:
    """The rectangles cards and notes take in each cell, as free_slot sees them."""
    taken: dict[Cell, list[Rect]] = defaultdict(list)
    for tp in cards:
        taken[(tp.stage_id, tp.lane_id)].append(
            Rect(max(tp.x, 0), max(tp.y, 0), CARD_WIDTH, CARD_HEIGHT))
    for note in notes:
        taken[(note.stage_id, note.lane_id)].append(
            Rect(max(note.x, 0), max(note.y, 0), NOTE_WIDTH, NOTE_HEIGHT))
    return dict(taken)


class CellSlots:
    """The free card slots of one cell, in reading order, as free_slot gives them.

    The search resumes after the last slot given (the slots before it stay taken, since cards
    are only added), and a slot is tested only against the rectangles that reach its row.
    """

    def __init__(self, stage_width: float, taken: Iterable[Rect]) -> None:
        self.per_row = max(1, int((stage_width - PADDING) // (CARD_WIDTH + PADDING)))
        self.pitch = CARD_HEIGHT + PADDING
        self.by_row: dict[int, list[Rect]] = defaultdict(list)
        self.next = 0
        for rect in taken:
            self._add(rect)

    def _add(self, rect: Rect) -> None:
        first = max(0, math.floor((rect.y - PADDING - CARD_HEIGHT) / self.pitch))
        last = max(0, math.ceil((rect.bottom - PADDING) / self.pitch))
        for row in range(first, last + 1):
            self.by_row[row].append(rect)

    def take(self) -> tuple[float, float]:
        """The first free slot in reading order (relative to the cell), now taken."""
        index = self.next
        while True:
            col, row = index % self.per_row, index // self.per_row
            candidate = Rect(PADDING + col * (CARD_WIDTH + PADDING), PADDING + row * self.pitch,
                             CARD_WIDTH, CARD_HEIGHT)
            if not any(candidate.intersects(r) for r in self.by_row.get(row, ())):
                self.next = index + 1
                self._add(candidate)
                return (candidate.x, candidate.y)
            index += 1
