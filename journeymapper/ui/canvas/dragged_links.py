"""The links of cards being dragged, run to the cards on every mouse move.

A drag of 500 cards moves about as many links per mouse event. Where both cards were when the
drag began is read once; each move then works in plain numbers, runs the links in sight to
their cards and leaves the others (nothing on screen changes) for the drop.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QRectF

from journeymapper.layout import Rect, link_line
from journeymapper.ui.canvas.items.link import LinkItem


class DraggedLinks:
    """Links with a dragged card at one end or both."""

    def __init__(self, links: Iterable[LinkItem], starts: Mapping[str, Rect],
                 dragged: set[str]) -> None:
        """``starts``: where each card at either end is as the drag begins; ``dragged``:
        the ids of the cards that move."""
        self._ends = [(link, starts[link.source_id], link.source_id in dragged,
                       starts[link.target_id], link.target_id in dragged)
                      for link in links
                      if link.source_id in starts and link.target_id in starts]
        self.stale: set[str] = set()
        """Links not run to their cards yet: out of sight since the drag began."""

    def follow(self, dx: float, dy: float, within: QRectF) -> None:
        """The dragged cards are ``dx, dy`` from where they began: run the links that are,
        or were, ``within`` this part of the map to them."""
        w_left, w_top, w_right, w_bottom = (within.left(), within.top(), within.right(),
                                            within.bottom())
        stale = self.stale
        for link, s, s_moves, t, t_moves in self._ends:
            source = Rect(s.x + dx, s.y + dy, s.w, s.h) if s_moves else s
            target = Rect(t.x + dx, t.y + dy, t.w, t.h) if t_moves else t
            # The arrow runs inside the box around both cards.
            out = (max(source.right, target.right) < w_left
                   or min(source.x, target.x) > w_right
                   or max(source.bottom, target.bottom) < w_top
                   or min(source.y, target.y) > w_bottom)
            if out and not link.boundingRect().intersects(within):
                stale.add(link.item_id)
                continue
            link.set_points(*link_line(source, target))
            stale.discard(link.item_id)
