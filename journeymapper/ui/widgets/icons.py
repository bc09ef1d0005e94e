"""Small icons painted in code, so the panels need no image files."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A rounded square of one colour (personas, stages)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(color).darker(140), 1))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    painter.end()
    return QIcon(pixmap)


def calendar_icon(size: int = 16) -> QIcon:
    """A tiny calendar page: a header band over a grid of days."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#555555")
    painter.setPen(QPen(ink, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(1.5, 2.5, size - 3, size - 4), 2, 2)
    painter.fillRect(QRectF(2, 3, size - 4, 3), QColor("#d62728"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    cell = (size - 6) / 3
    for row in range(2):
        for col in range(3):
            painter.drawRect(QRectF(3.5 + col * cell, 7.5 + row * cell * 1.1, 2, 2))
    painter.end()
    return QIcon(pixmap)
