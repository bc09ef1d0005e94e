"""A small horizontal bar chart of budget against spent, painted with QPainter.

Painted by hand rather than with QtCharts: a few bars do not justify loading the charts module
(and its OpenGL dependencies) at start-up, and the look stays consistent with the map.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from journeymapper.ui.widgets.money import format_amount

BUDGET_COLOR = QColor("#9ecae9")
SPENT_COLOR = QColor("#4c78a8")
OVER_COLOR = QColor("#d62728")
ROW_HEIGHT = 22
LEGEND_HEIGHT = 20


@dataclass(frozen=True)
class Bar:
    """One row of the chart."""

    label: str
    budget: Decimal
    spent: Decimal


class BarChart(QWidget):
    """Budget (light) and spent (dark, red when over budget) per group, largest scale shared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._currency = ""
        self.setMinimumHeight(LEGEND_HEIGHT + ROW_HEIGHT)

    def set_bars(self, bars: Sequence[Bar], currency: str = "") -> None:
        """Show these rows (in the given order)."""
        self._bars = list(bars)
        self._currency = currency
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The rows shown."""
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(320, LEGEND_HEIGHT + ROW_HEIGHT * max(1, len(self._bars)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = int((event.pos().y() - LEGEND_HEIGHT) // ROW_HEIGHT)
            if 0 <= row < len(self._bars) and event.pos().y() >= LEGEND_HEIGHT:
                bar = self._bars[row]
                left = bar.budget - bar.spent
                QToolTip.showText(event.globalPos(), (
                    f"<b>{bar.label}</b><br>Budget {format_amount(bar.budget)} {self._currency}"
                    f"<br>Spent {format_amount(bar.spent)} {self._currency}"
                    f"<br>{'Left' if left >= 0 else 'Over'} {format_amount(abs(left))}"), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        metrics = self.fontMetrics()
        width = self.width()
        self._paint_legend(painter, text_color)
        if not self._bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(QRectF(0, LEGEND_HEIGHT, width, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter, "No budget yet")
            return
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self._bars) + 8,
                      int(width * 0.35))
        value_w = max(metrics.horizontalAdvance(self._value_text(b)) for b in self._bars) + 8
        bar_x = label_w
        bar_w = max(10.0, width - label_w - value_w)
        scale = max(max(b.budget, b.spent) for b in self._bars)
        for row, bar in enumerate(self._bars):
            y = LEGEND_HEIGHT + row * ROW_HEIGHT
            painter.setPen(text_color)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 6)
            painter.drawText(QRectF(0, y, label_w - 6, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            painter.setPen(Qt.PenStyle.NoPen)
            if scale > 0:
                budget_len = float(bar.budget / scale) * bar_w
                spent_len = float(bar.spent / scale) * bar_w
                painter.setBrush(BUDGET_COLOR)
                painter.drawRoundedRect(QRectF(bar_x, y + 3, budget_len, ROW_HEIGHT - 6), 2, 2)
                painter.setBrush(OVER_COLOR if bar.spent > bar.budget else SPENT_COLOR)
                painter.drawRoundedRect(QRectF(bar_x, y + 8, spent_len, ROW_HEIGHT - 16), 1, 1)
            painter.setPen(text_color)
            painter.drawText(QRectF(width - value_w, y, value_w, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             self._value_text(bar))

    def _paint_legend(self, painter: QPainter, text_color: QColor) -> None:
        x = 0.0
        for color, text in ((BUDGET_COLOR, "Budget"), (SPENT_COLOR, "Spent"),
                            (OVER_COLOR, "Over budget")):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRect(QRectF(x, 6, 10, 10))
            painter.setPen(text_color)
            advance = self.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRectF(x + 14, 0, advance + 4, LEGEND_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += 14 + advance + 14

    @staticmethod
    def _value_text(bar: Bar) -> str:
        return f"{format_amount(bar.spent)} / {format_amount(bar.budget)}"
