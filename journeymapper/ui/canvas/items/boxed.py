"""Items of a fixed size whose box Qt knows without asking Python."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem

NO_PEN = QPen(Qt.PenStyle.NoPen)  # shared by every card and link: a QPen each was a third of a card


class BoxedItem(QGraphicsRectItem):
    """A card or note: paints itself in Python, but its bounding box is answered in C++.

    Qt asks an item for its bounding rectangle over and over (index, repaints, drawing): a
    Python ``boundingRect()`` made every ask a call into Python, about 1,300 per mouse move
    while 500 cards were dragged. A ``QGraphicsRectItem`` given its box answers in C++; its
    own painting of the rectangle is replaced by the subclass's ``paint``."""

    def __init__(self, bounds: QRectF) -> None:
        super().__init__(bounds)
        self.setPen(NO_PEN)  # the box is exactly ``bounds``
