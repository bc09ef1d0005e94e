"""The emotion curve of one persona (or of everyone) across the stages."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.ui.canvas import style

DOT = 6.0


class EmotionCurveItem(QGraphicsItem):
    """A smooth line through the mean emotion of each stage, in the emotions lane."""

    z_value = 10.0

    def __init__(self, persona_id: str | None, color: str) -> None:
        super().__init__()
        self.persona_id = persona_id
        self._color = QColor(color)
        self._points: list[QPointF] = []
        self._path = QPainterPath()
        self._dimmed = False
        self.setZValue(self.z_value)
        # A long antialiased curve costs a millisecond a frame: keep a picture while the zoom
        # stays (Qt keeps only the part in view of a curve wider than the view).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_points(self, points: list[tuple[float, float]]) -> None:
        """The curve's points in map coordinates, left to right."""
        new = [QPointF(x, y) for x, y in points]
        if new == self._points:
            return
        self.prepareGeometryChange()
        self._points = new
        self._path = QPainterPath()
        if new:
            self._path.moveTo(new[0])
            for a, b in itertools.pairwise(new):
                mid_x = (a.x() + b.x()) / 2
                self._path.cubicTo(QPointF(mid_x, a.y()), QPointF(mid_x, b.y()), b)

    def points(self) -> list[tuple[float, float]]:
        """The curve's points in map coordinates."""
        return [(p.x(), p.y()) for p in self._points]

    def set_color(self, color: str) -> None:
        """The persona's colour."""
        if QColor(color) != self._color:
            self._color = QColor(color)
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the curve while another persona is highlighted."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-DOT - 2, -DOT - 2, DOT + 2, DOT + 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._points:
            return
        painter.setOpacity(0.2 if self._dimmed else 0.9)
        painter.setPen(QPen(self._color, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(QPen(style.PAPER, 2))
        painter.setBrush(self._color)
        for point in self._points:
            painter.drawEllipse(point, DOT, DOT)
