"""The register's totals row: budget and spent of the rows shown, aligned under their columns.

A painted strip below the table rather than a row of the model: it stays at the bottom whatever
the sort order, never scrolls away, and cannot be selected or edited.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView, QWidget

from journeymapper.ui.panels.register_filter import RegisterFilter
from journeymapper.ui.panels.register_model import COLUMN, OVERDUE_COLOR
from journeymapper.ui.widgets import format_amount


class TotalsFooter(QWidget):
    """Sums of the budget and spent columns over the filtered rows."""

    def __init__(self, table: QTableView, proxy: RegisterFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table, self.proxy = table, proxy
        self.budget = self.spent = Decimal(0)
        self.count = 0
        bold = QFont(self.font())
        bold.setBold(True)
        self.setFont(bold)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        # Many row signals can arrive in one burst (a multi-edit): sum once, after them.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.recompute)
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset,
                       proxy.layoutChanged, proxy.dataChanged):
            signal.connect(self._timer.start)
        header = table.horizontalHeader()
        header.sectionResized.connect(self.update)
        header.sectionMoved.connect(self.update)
        header.geometriesChanged.connect(self.update)
        table.horizontalScrollBar().valueChanged.connect(self.update)
        self.recompute()

    def recompute(self) -> None:
        """Sum the rows shown now."""
        self._timer.stop()
        shown = self.proxy.touchpoints()
        self.count = len(shown)
        # A plain sum: importing the analysis package for it would slow the app's start.
        self.budget = sum((tp.budget for tp in shown), Decimal(0))
        self.spent = sum((tp.spent for tp in shown), Decimal(0))
        self.setToolTip(f"Left to spend: {format_amount(self.budget - self.spent)}"
                        if self.budget >= self.spent else
                        f"Over budget by {format_amount(self.spent - self.budget)}")
        self.update()

    def label(self) -> str:
        """The caption in the first column."""
        total = self.proxy.sourceModel().rowCount()
        if self.count == total:
            return f"Total of {total} touchpoints"
        return f"Total of {self.count} shown (of {total})"

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 10)

    def _column_rect(self, column: int) -> QRect:
        header = self.table.horizontalHeader()
        left = header.sectionViewportPosition(column)
        origin = self.mapFromGlobal(self.table.viewport().mapToGlobal(QPoint(left, 0)))
        return QRect(origin.x() + 4, 0, header.sectionSize(column) - 8, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().mid().color())
        painter.drawLine(0, 0, self.width(), 0)
        painter.setPen(self.palette().windowText().color())
        first = self.table.horizontalHeader().logicalIndex(0)
        name_rect = self._column_rect(first)
        name_rect.setWidth(max(name_rect.width(), self.fontMetrics().horizontalAdvance(
            self.label()) + 4))
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.label())
        for key, amount in (("budget", self.budget), ("spent", self.spent)):
            if self.table.isColumnHidden(COLUMN[key]):
                continue
            if key == "spent" and self.spent > self.budget:
                painter.setPen(OVERDUE_COLOR)
            painter.drawText(self._column_rect(COLUMN[key]),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             format_amount(amount))
