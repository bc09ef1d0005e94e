"""Transient marks drawn over the map: the keyboard focus frame and drag guides."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.ui.canvas import style


class FocusFrameItem(QGraphicsItem):
    """The visible keyboard focus: a thick dashed frame around a cell or a card."""

    z_value = 90.0

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(self.z_value)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_frame(self, rect: QRectF) -> None:
        """Frame this rectangle (map coordinates)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def frame(self) -> QRectF:
        """The framed rectangle."""
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-5, -5, 5, 5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pen = QPen(style.FOCUS, 4, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect.adjusted(2, 2, -2, -2), 6, 6)


class GuideItem(QGraphicsItem):
    """A line shown while dragging: where a stage lands, a new edge, a link being drawn."""

    z_value = 95.0

    def __init__(self, dashed: bool = True) -> None:
        super().__init__()
        self._line = QLineF()
        self._dashed = dashed
        self.setZValue(self.z_value)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_line(self, line: QLineF) -> None:
        """Where the guide runs (map coordinates)."""
        if line != self._line:
            self.prepareGeometryChange()
            self._line = QLineF(line)

    def line(self) -> QLineF:
        """Where the guide runs."""
        return QLineF(self._line)

    def boundingRect(self) -> QRectF:
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        style_ = Qt.PenStyle.DashLine if self._dashed else Qt.PenStyle.SolidLine
        pen = QPen(style.SELECTED, 3, style_, Qt.PenCapStyle.RoundCap)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLine(self._line)
