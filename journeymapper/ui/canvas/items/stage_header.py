"""A stage header: the coloured head of a column with the stage's name and goal."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import HeaderContent
from journeymapper.ui.canvas.items.text import TextBlock

# How close to the right edge (in view pixels) a press starts a resize.
EDGE_GRIP = 7.0


class StageHeaderItem(QGraphicsItem):
    """Name and goal of a stage on its colour; drag it to reorder, drag its edge to resize."""

    kind = Kind.STAGE
    z_value = 20.0

    def __init__(self, item_id: str, content: HeaderContent) -> None:
        super().__init__()
        self.item_id = item_id
        self._content = content
        self._size = (0.0, 0.0)
        self._texts: tuple[TextBlock, TextBlock] | None = None
        self._highlighted = False
        self.setZValue(self.z_value)

    def set_content(self, content: HeaderContent) -> None:
        """Show another name, goal or colour."""
        if content != self._content:
            self._content = content
            self._texts = None
            self.update()

    def content(self) -> HeaderContent:
        """What the header shows."""
        return self._content

    def set_rect(self, x: float, y: float, w: float, h: float) -> None:
        """Place the header (map coordinates)."""
        self.setPos(x, y)
        if (w, h) != self._size:
            self.prepareGeometryChange()
            self._size = (w, h)
            self._texts = None

    def set_highlighted(self, on: bool) -> None:
        """Mark the stage as selected (stages are not part of Qt's card selection)."""
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def is_highlighted(self) -> bool:
        """True while the stage is selected."""
        return self._highlighted

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        w, h = self._size
        fill = QColor(self._content.color)
        painter.fillRect(QRectF(0, 0, w, h), fill)
        painter.setPen(QPen(fill.darker(125), 2))
        painter.drawLine(0, h - 1, w, h - 1)
        painter.drawLine(w - 1, 0, w - 1, h)
        if self._texts is None:
            goal = f"Goal: {self._content.goal}" if self._content.goal else ""
            self._texts = (TextBlock(self._content.name, style.font(22, bold=True), w - 24),
                           TextBlock(goal, style.font(14), w - 24, 2))
        name, goal = self._texts
        painter.setPen(style.ink_on(fill))
        name.draw(painter, 12, 10)
        goal.draw(painter, 12, 14 + name.height)
        if self._highlighted:
            painter.setPen(QPen(style.SELECTED, 5))
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(QRectF(2.5, 2.5, w - 5, h - 5))
