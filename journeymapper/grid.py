"""What is where on the map: a grid of map cells, each holding the items whose boxes reach it.

The canvas's link layer asks on every frame which links meet the exposed area. The scene's
own index answers too, but returns every item there (cards, lanes) as Python objects, sorted
by stacking order: a few milliseconds per frame with hundreds of links. This answers in a
fraction of that, and keeping it current costs one set operation per cell a moved link
leaves or enters. The PDF export asks it which cards, notes and links each page's tile shows,
so a big map's pages do not each test every item (no Qt).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable
from typing import Generic, TypeVar

CELL = 1024.0
Item = TypeVar("Item", bound=Hashable)
Span = tuple[int, int, int, int]  # first and last column, first and last row


def span(left: float, top: float, right: float, bottom: float, cell: float = CELL) -> Span:
    """The grid cells (``cell`` map units square) a box reaches."""
    return (math.floor(left / cell), math.floor(right / cell),
            math.floor(top / cell), math.floor(bottom / cell))


class Grid(Generic[Item]):
    """Items by the grid cells their boxes reach."""

    def __init__(self, cell: float = CELL) -> None:
        self._cell = cell
        self._cells: defaultdict[tuple[int, int], set[Item]] = defaultdict(set)
        self._spans: dict[Item, Span] = {}

    def place(self, item: Item, box: tuple[float, float, float, float] | None) -> None:
        """File ``item`` under the cells its box (left, top, right, bottom) reaches; None
        takes it out."""
        new = span(*box, self._cell) if box is not None else None
        old = self._spans.get(item)
        if old == new:
            return
        cells = self._cells
        if old is not None:
            for cell in _cells(old):
                cells[cell].discard(item)
            del self._spans[item]
        if new is not None:
            first_column, last_column, first_row, last_row = new
            for i in range(first_column, last_column + 1):
                for j in range(first_row, last_row + 1):
                    cells[(i, j)].add(item)
            self._spans[item] = new

    def near(self, left: float, top: float, right: float, bottom: float) -> set[Item]:
        """The items filed in the cells this box reaches (their boxes may miss it)."""
        found: set[Item] = set()
        cells = self._cells
        for cell in _cells(span(left, top, right, bottom, self._cell)):
            items = cells.get(cell)
            if items:
                found |= items
        return found

    def clear(self) -> None:
        """Forget every item."""
        self._cells.clear()
        self._spans.clear()

    def __len__(self) -> int:
        return len(self._spans)


def _cells(s: Span) -> list[tuple[int, int]]:
    return [(i, j) for i in range(s[0], s[1] + 1) for j in range(s[2], s[3] + 1)]
