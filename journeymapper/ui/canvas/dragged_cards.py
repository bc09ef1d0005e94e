"""The cards of a drag, carried by one item so that a mouse move moves one item, not 500.

Moving each of 500 selected cards on every mouse event made Qt file every one of them again
in the scene's index and walk each of them for what to repaint. The carrier holds them as its
children while the drag lasts: it tells Qt they stay within its box
(``ItemContainsChildrenInShape``), so the index files the carrier alone, and one ``setPos``
moves them all. It also lifts them above the map and fades them, for every card at once. The
links between two carried cards go with them: the carrier draws them under the cards, where
they were as the drag began (the link layer leaves them out), instead of running each one to
its cards on every move. The scene keeps one carrier for good: taking an item out of the scene
repaints the whole view.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.ui.canvas.items.link import LinkItem
from journeymapper.ui.canvas.items.link_layer import LinkLayer

DRAG_OPACITY = 0.75
DRAG_Z = 80.0
CARRIER_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
                 | QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape
                 # paint() gets the part of the box in sight, not all of it
                 | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)


class DraggedCards(QGraphicsItem):
    """Holds the dragged cards and notes; its position is how far the drag has gone."""

    def __init__(self, link_layer: LinkLayer) -> None:
        super().__init__()
        self._starts: list[tuple[QGraphicsItem, QPointF]] = []
        self._carried: frozenset[QGraphicsItem] = frozenset()
        self._layer = link_layer
        self._box = QRectF()
        self.setFlags(CARRIER_FLAGS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(DRAG_Z)
        self.setOpacity(DRAG_OPACITY)

    def pick_up(self, items: Iterable[QGraphicsItem], links: Iterable[LinkItem] = ()) -> None:
        """Carry these cards and notes from where they are, and draw ``links`` (the link
        layer's carried links) with them (puts down any carried before)."""
        self.put_down(QPointF())
        self._starts = [(item, item.pos()) for item in items]
        self._carried = frozenset(item for item, _start in self._starts)
        box = QRectF()
        for item, _start in self._starts:
            box = box.united(item.sceneBoundingRect())
        drawn = False
        for link in links:  # a caption or an arrow head may reach past the cards
            box = box.united(link.boundingRect())
            place = link.caption_place()
            if place is not None:
                box = box.united(QRectF(place.box.x, place.box.y, place.box.w, place.box.h))
            drawn = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not drawn)
        # The carrier kept its box and place from the last drag (see put_down).
        self.setPos(0, 0)
        self.prepareGeometryChange()
        self._box = box
        for item, _start in self._starts:
            item.setParentItem(self)  # keeps its position: the carrier sits at 0, 0

    def put_down(self, delta: QPointF) -> None:
        """Hand the cards back to the scene, ``delta`` from where they began."""
        for item, start in self._starts:
            if item.parentItem() is self:  # not taken off the map during the drag
                item.setParentItem(None)
                item.setPos(start + delta)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        # The empty carrier keeps its box and place until the next drag: an empty box at the
        # map's corner would make Qt repaint everything from there to the cards.
        self._starts = []
        self._carried = frozenset()

    def carried(self) -> frozenset[QGraphicsItem]:
        """The cards and notes carried now (their positions are the carrier's, not the
        map's: add the carrier's position)."""
        return self._carried

    def boundingRect(self) -> QRectF:
        return self._box

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """The carried links (the cards paint themselves, over them)."""
        self._layer.draw_carried(painter, option, widget)
