"""A tiny line chart of performance scores over time (a trend at a glance, no axes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LOW, HIGH = 1, 5
LINE = QColor("#0969da")
GUIDE = QColor("#d0d7de")


def sparkline_points(values: Sequence[float], width: float, height: float,
                     margin: float = 4.0) -> list[tuple[float, float]]:
    """Points of the line, evenly spaced left to right; LOW at the bottom, HIGH at the top."""
    if not values:
        return []
    inner_w, inner_h = max(1.0, width - 2 * margin), max(1.0, height - 2 * margin)
    step = inner_w / (len(values) - 1) if len(values) > 1 else 0.0
    out = []
    for i, value in enumerate(values):
        share = (min(max(value, LOW), HIGH) - LOW) / (HIGH - LOW)
        x = margin + (i * step if len(values) > 1 else inner_w / 2)
        out.append((x, margin + (1 - share) * inner_h))
    return out


class Sparkline(QWidget):
    """Performance 1..5 of the reviews, oldest left; the last score is a dot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[float] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())
        self.setAccessibleName("Performance trend")

    def set_values(self, values: Sequence[float]) -> None:
        """The scores to draw, oldest first."""
        new = [float(v) for v in values]
        if new != self._values:
            self._values = new
            self.setToolTip(" \u2192 ".join(f"{v:g}" for v in new[-12:]))
            self.update()

    def values(self) -> list[float]:
        """The scores drawn."""
        return list(self._values)

    def sizeHint(self) -> QSize:
        return QSize(160, 34)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        painter.setPen(QPen(GUIDE, 1, Qt.PenStyle.DotLine))
        mid = sparkline_points([3.0], w, h)[0][1]
        painter.drawLine(QPointF(4, mid), QPointF(w - 4, mid))
        points = sparkline_points(self._values, w, h)
        if not points:
            return
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LINE)
        painter.drawEllipse(QPointF(*points[-1]), 3.5, 3.5)
