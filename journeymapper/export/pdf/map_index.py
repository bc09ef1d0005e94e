"""Which cards, notes and links a part of the printed map shows, found without testing them all.

A map of thousands of touchpoints prints on hundreds of tiles; testing every card and link
against every tile made its export grow with the square of its size. Each kind is filed once
per export in a grid by the box it can be drawn in, and a tile asks only the grid cells it
covers. Answers keep the project's order, which is the canvas's stacking order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from journeymapper.export.pdf.links import ARROW, LinkShape
from journeymapper.grid import Grid
from journeymapper.layout import MapLayout, Rect
from journeymapper.model import Note, Project, Touchpoint

T = TypeVar("T")
Box = tuple[float, float, float, float]  # left, top, right, bottom


class _Filed(Generic[T]):
    """Items of one kind, filed by their boxes, found in their original order."""

    def __init__(self, items: Sequence[tuple[T, Box]]) -> None:
        self._items = [item for item, _box in items]
        self._grid: Grid[int] = Grid()
        for i, (_item, box) in enumerate(items):
            self._grid.place(i, box)

    def near(self, view: Rect) -> list[T]:
        """The items whose boxes may meet ``view`` (callers test the shape itself)."""
        found = self._grid.near(view.x, view.y, view.right, view.bottom)
        return [self._items[i] for i in sorted(found)]


def _box(r: Rect) -> Box:
    return (r.x, r.y, r.right, r.bottom)


def _link_box(shape: LinkShape) -> Box:
    """The shaft with room for the head, and the caption: all a link can draw."""
    (x0, y0), (x1, y1), cap = shape.start, shape.end, shape.caption_box
    return (min(x0, x1, cap.x) - ARROW, min(y0, y1, cap.y) - ARROW,
            max(x0, x1, cap.right) + ARROW, max(y0, y1, cap.bottom) + ARROW)


@dataclass(frozen=True, slots=True)
class Nearby:
    """What may show in one view, in drawing order."""

    touchpoints: list[Touchpoint]
    notes: list[Note]
    links: list[LinkShape]


class MapIndex:
    """The map's cards, notes and links by where they are, built once per export."""

    def __init__(self, project: Project, layout: MapLayout, links: Sequence[LinkShape]) -> None:
        self._touchpoints = _Filed([(tp, _box(layout.cards[tp.id]))
                                    for tp in project.touchpoints])
        self._notes = _Filed([(note, _box(layout.notes[note.id])) for note in project.notes])
        self._links = _Filed([(shape, _link_box(shape)) for shape in links])

    def near(self, view: Rect) -> Nearby:
        """The cards, notes and links that may show in ``view``."""
        return Nearby(self._touchpoints.near(view), self._notes.near(view),
                      self._links.near(view))
