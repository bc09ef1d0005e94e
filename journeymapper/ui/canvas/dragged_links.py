"""The links of cards being dragged, run to the cards on every mouse move.

A drag of 500 cards moves about as many links per mouse event. Most of them join two dragged
cards: those are *carried*, drawn by the carrier with the cards (see ``dragged_cards.py``) and
not run anywhere until the drop. The others join a dragged card to one that stays: where both
cards were when the drag began is read once; each move then works in plain numbers, runs the
links in sight to their cards and leaves the others (nothing on screen changes) for the drop.
The links drawn along are filed in the scene's index once, on the drop (``settle``), not on
every move.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QRectF

from journeymapper.layout import Rect
from journeymapper.ui.canvas.items.link import LinkItem


class DraggedLinks:
    """Links with a dragged card at one end or both."""

    def __init__(self, links: Iterable[LinkItem], starts: Mapping[str, Rect],
                 dragged: set[str]) -> None:
        """``starts``: where each card at either end is as the drag begins; ``dragged``:
        the ids of the cards that move."""
        links = [link for link in links
                 if link.source_id in starts and link.target_id in starts]
        self.carried = [link for link in links
                        if link.source_id in dragged and link.target_id in dragged]
        """Links between two dragged cards: they move as one with the cards."""
        # Per link, in plain numbers: each card's x, y, w, h where the drag began, and
        # whether the source is the card that moves (else the target is).
        self._ends = [(link, *_xywh(starts[link.source_id]), *_xywh(starts[link.target_id]),
                       link.source_id in dragged)
                      for link in links
                      if link.source_id not in dragged or link.target_id not in dragged]
        self.stale: set[str] = {link.item_id for link in self.carried}
        """Links not run to their cards yet: carried, or out of sight since the drag began."""

    def settle(self) -> None:
        """The drag is over: file every link where it was last drawn (see
        ``LinkItem.run``)."""
        for link in self.links():
            link.settle()

    def links(self) -> list[LinkItem]:
        """Every link that follows the dragged cards, carried or run to them."""
        return [*self.carried, *self.following()]

    def following(self) -> list[LinkItem]:
        """The links with one dragged card: run to it on every move."""
        return [ends[0] for ends in self._ends]

    def follow(self, dx: float, dy: float, within: QRectF) -> None:
        """The dragged cards are ``dx, dy`` from where they began: run the links that are,
        or were, ``within`` this part of the map to them."""
        w_left, w_top, w_right, w_bottom = (within.left(), within.top(), within.right(),
                                            within.bottom())
        stale = self.stale
        for link, sx, sy, sw, sh, tx, ty, tw, th, source_moves in self._ends:
            if source_moves:
                sx, sy = sx + dx, sy + dy
            else:
                tx, ty = tx + dx, ty + dy
            # The arrow runs inside the box around both cards; the box it is drawn in now
            # is the link's own.
            if ((max(sx + sw, tx + tw) < w_left or min(sx, tx) > w_right
                 or max(sy + sh, ty + th) < w_top or min(sy, ty) > w_bottom)
                    and not link.meets(w_left, w_top, w_right, w_bottom)):
                stale.add(link.item_id)
                continue
            link.run(Rect(sx, sy, sw, sh), Rect(tx, ty, tw, th), preview=True)
            stale.discard(link.item_id)


def _xywh(rect: Rect) -> tuple[float, float, float, float]:
    return rect.x, rect.y, rect.w, rect.h
