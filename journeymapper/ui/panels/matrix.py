"""The importance-performance matrix: one dot per touchpoint in four labelled quadrants.

The quadrants and dots are drawn once into a picture per set of points and size; a change of
selection paints that picture and rings the selected dots on top (drawing 10,000 dots again
took 0.3 s per arrow key on a big map while the summary dock was shown).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QToolTip, QWidget

from journeymapper.model import Quadrant
from journeymapper.model.scoring import MATRIX_SPLIT
from journeymapper.ui.panels.rollups import MatrixPoint

DOT_RADIUS = 6.0
DEFAULT_DOT = "#4c78a8"
HIT_RADIUS = 9.0
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN = 22.0, 20.0, 4.0
# Quadrant backgrounds: what needs attention is warm, what is fine is cool.
QUADRANT_COLORS = {
    Quadrant.CONCENTRATE: QColor("#fde0dc"), Quadrant.KEEP_UP: QColor("#dff0d8"),
    Quadrant.LOW_PRIORITY: QColor("#eeeeee"), Quadrant.OVERKILL: QColor("#fff4cc"),
}


def _place(point: MatrixPoint) -> tuple[str, float, float]:
    return point.touchpoint_id, point.importance, point.performance


def _spread(point: MatrixPoint) -> tuple[float, float]:
    """The dot's place (0..100 both), spread a little so equal scores do not hide each other.

    Performance takes five values only, so many dots would share a spot. The offset comes from
    the id (stable between runs) and never pushes a dot across the line into another quadrant.
    """
    seed = zlib.crc32(point.touchpoint_id.encode())
    dx = ((seed & 0xFF) / 255 - 0.5) * 8
    dy = (((seed >> 8) & 0xFF) / 255 - 0.5) * 4

    def keep_side(value: float, original: float) -> float:
        if original >= MATRIX_SPLIT:
            return min(98.0, max(MATRIX_SPLIT + 2, value))
        return max(2.0, min(MATRIX_SPLIT - 2, value))

    return (keep_side(point.performance + dx, point.performance),
            keep_side(point.importance + dy, point.importance))


class ImportanceMatrix(QWidget):
    """Importance (up) against performance (right); clicking a dot reports its touchpoint."""

    point_clicked = Signal(str, bool)
    """(touchpoint id, extend): a dot was clicked (extend with Ctrl or Shift held)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[MatrixPoint] = []
        self._colors: dict[str, str] = {}
        self._selected: set[str] = set()
        self._spots: list[tuple[float, float]] | None = None  # each point's _spread()
        self._picture: QPixmap | None = None  # quadrants, axes and dots, none selected
        self.setMinimumSize(220, 200)
        self.setMouseTracking(False)

    def set_points(self, points: Sequence[MatrixPoint], colors: dict[str, str]) -> None:
        """Show these touchpoints, dots filled with the given colours (by id)."""
        points = list(points)
        moved = colors != self._colors or [_place(p) for p in points] != [
            _place(p) for p in self._points]
        self._points = points  # the names, for the tooltips
        if not moved:  # most edits move no dot: the picture stands (88 ms for 10,000 dots)
            return
        self._colors = dict(colors)
        self._spots = self._picture = None
        self.update()

    def points(self) -> list[MatrixPoint]:
        """The touchpoints shown."""
        return list(self._points)

    def set_selected(self, ids: Sequence[str]) -> None:
        """Ring these dots."""
        selected = set(ids)
        if selected != self._selected:
            self._selected = selected
            self.update()

    def plot_rect(self) -> QRectF:
        """The square area of the quadrants, in widget coordinates."""
        return QRectF(MARGIN_LEFT, MARGIN, self.width() - MARGIN_LEFT - MARGIN,
                      self.height() - MARGIN - MARGIN_BOTTOM)

    def position(self, touchpoint_id: str) -> QPointF:
        """Centre of a touchpoint's dot (for tests and tooltips)."""
        i = next(i for i, p in enumerate(self._points) if p.touchpoint_id == touchpoint_id)
        return self._to_widget(*self._spots_now()[i])

    def item_at(self, pos: QPointF) -> str | None:
        """The touchpoint whose dot is under ``pos`` (a selected one first, as they are drawn
        on top; then the topmost), or None."""
        hits = [point.touchpoint_id for point, spot in zip(self._points, self._spots_now(),
                                                            strict=True)
                if (self._to_widget(*spot) - pos).manhattanLength() <= HIT_RADIUS * 1.4]
        return next((i for i in reversed(hits) if i in self._selected),
                    hits[-1] if hits else None)

    def _spots_now(self) -> list[tuple[float, float]]:
        if self._spots is None:
            self._spots = [_spread(point) for point in self._points]
        return self._spots

    def sizeHint(self) -> QSize:
        return QSize(300, 260)

    def _to_widget(self, performance: float, importance: float) -> QPointF:
        rect = self.plot_rect()
        return QPointF(rect.left() + rect.width() * performance / 100,
                       rect.bottom() - rect.height() * importance / 100)

    # ----- events --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            extend = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                               | Qt.KeyboardModifier.ShiftModifier))
            self.point_clicked.emit(item, extend)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(QPointF(event.pos()))
            point = next((p for p in self._points if p.touchpoint_id == item), None)
            if point is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), (
                    f"<b>{point.name}</b><br>Importance {point.importance:g}, performance "
                    f"{point.performance:g}<br>{point.quadrant.label}"), self)
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self._picture = None
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture_now())
        if not self._selected:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QPen(QColor("#1a1a1a"), 2.5)
        radius = DOT_RADIUS + 1.5
        for point, spot in zip(self._points, self._spots_now(), strict=True):
            if point.touchpoint_id in self._selected:
                painter.setPen(ring)
                painter.setBrush(self._color(point))
                painter.drawEllipse(self._to_widget(*spot), radius, radius)

    def _color(self, point: MatrixPoint) -> QColor:
        return QColor(self._colors.get(point.touchpoint_id, DEFAULT_DOT))

    def _picture_now(self) -> QPixmap:
        """The matrix with no dot selected, drawn again when the points or the size changed."""
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if self._picture is None or self._picture.size() != size \
                or self._picture.devicePixelRatio() != ratio:
            self._picture = QPixmap(size)
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._picture)
            self._paint_matrix(painter)
            painter.end()
        return self._picture

    def _paint_matrix(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.plot_rect()
        mid = self._to_widget(MATRIX_SPLIT, MATRIX_SPLIT)
        quads = {
            Quadrant.CONCENTRATE: QRectF(rect.topLeft(), mid),
            Quadrant.KEEP_UP: QRectF(QPointF(mid.x(), rect.top()), QPointF(rect.right(), mid.y())),
            Quadrant.LOW_PRIORITY: QRectF(QPointF(rect.left(), mid.y()),
                                          QPointF(mid.x(), rect.bottom())),
            Quadrant.OVERKILL: QRectF(mid, rect.bottomRight()),
        }
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for quad, area in quads.items():
            painter.fillRect(area, QUADRANT_COLORS[quad])
            painter.setPen(QColor("#555555"))
            align = (Qt.AlignmentFlag.AlignTop if quad in (Quadrant.CONCENTRATE, Quadrant.KEEP_UP)
                     else Qt.AlignmentFlag.AlignBottom) | Qt.AlignmentFlag.AlignHCenter
            painter.drawText(area.adjusted(3, 2, -3, -2), align | Qt.TextFlag.TextWordWrap,
                             quad.label)
        painter.setPen(QPen(QColor("#9a9a9a"), 1))
        painter.drawRect(rect)
        painter.drawLine(QPointF(mid.x(), rect.top()), QPointF(mid.x(), rect.bottom()))
        painter.drawLine(QPointF(rect.left(), mid.y()), QPointF(rect.right(), mid.y()))
        self._paint_axes(painter, rect)
        # Each dot is a stamp of its colour drawn once: drawing 10,000 antialiased circles
        # took most of the picture's time on a big map.
        left, bottom = rect.left(), rect.bottom()
        x_scale, y_scale = rect.width() / 100, rect.height() / 100
        stamps: dict[str, QPixmap] = {}
        reach = DOT_RADIUS + 1
        for point, (performance, importance) in zip(self._points, self._spots_now(),
                                                    strict=True):
            hex_color = self._colors.get(point.touchpoint_id, DEFAULT_DOT)
            stamp = stamps.get(hex_color)
            if stamp is None:
                stamp = stamps[hex_color] = self._stamp(QColor(hex_color), reach)
            painter.drawPixmap(QPointF(left + x_scale * performance - reach,
                                       bottom - y_scale * importance - reach), stamp)

    def _stamp(self, color: QColor, reach: float) -> QPixmap:
        """One dot of ``color`` on a transparent square ``2 * reach`` wide."""
        ratio = self.devicePixelRatioF()
        stamp = QPixmap(QSize(round(2 * reach * ratio), round(2 * reach * ratio)))
        stamp.setDevicePixelRatio(ratio)
        stamp.fill(Qt.GlobalColor.transparent)
        painter = QPainter(stamp)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color.darker(150), 1))
        painter.setBrush(color)
        painter.drawEllipse(QPointF(reach, reach), DOT_RADIUS, DOT_RADIUS)
        painter.end()
        return stamp

    def _paint_axes(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(rect.left(), rect.bottom() + 2, rect.width(), MARGIN_BOTTOM - 2),
                         Qt.AlignmentFlag.AlignCenter, "Performance \u2192")
        painter.save()
        painter.translate(rect.left() - 4, rect.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-rect.height() / 2, -MARGIN_LEFT + 4, rect.height(),
                                MARGIN_LEFT - 4), Qt.AlignmentFlag.AlignCenter, "Importance \u2192")
        painter.restore()
