"""A touchpoint's KPIs as a small table: name, unit, target, actual; rows added and removed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.model import KPI
from journeymapper.ui.panels.fields import Field

COLUMNS = ("Name", "Unit", "Target", "Actual")
NEW_KPI = "New KPI"


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    return None if not text else float(text)


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class KpiField(Field):
    """Edits ``Touchpoint.kpis``; each cell edit, added or removed row is one undo step."""

    debounced = False

    def __init__(self) -> None:
        box = QWidget()
        super().__init__("kpis", "KPIs", box, multi=False)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                   & ~QAbstractItemView.EditTrigger.CurrentChanged)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._edits = 0
        self.table.itemChanged.connect(lambda _item: self._edited())
        self.add_button = QPushButton("Add KPI")
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()

    def read(self) -> list[KPI]:
        kpis = []
        for row in range(self.table.rowCount()):
            name, unit, target, actual = (self._text(row, col) for col in range(len(COLUMNS)))
            if not name.strip():
                raise self.refuse(f"row {row + 1}: the name cannot be empty")
            numbers = []
            for label, text in (("target", target), ("actual", actual)):
                try:
                    numbers.append(_number(text))
                except ValueError:
                    raise self.refuse(f"row {row + 1}: the {label} must be a number") from None
            kpis.append(KPI(name=name, unit=unit, target=numbers[0], actual=numbers[1]))
        return kpis

    def write(self, value: Any) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for kpi in value:
                self._append(kpi.name, kpi.unit, _shown(kpi.target), _shown(kpi.actual))
        self._fit()

    def add_row(self) -> None:
        """Append a KPI named "New KPI" (committed at once) and start editing its name."""
        with QSignalBlocker(self.table):
            row = self._append(NEW_KPI, "", "", "")
        self._fit()
        self._edited()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_current(self) -> None:
        """Remove the selected KPI."""
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._fit()
        self._edited()

    def session_key(self) -> str:
        # Every cell edit, added or removed row is an edit of its own (no merging).
        return str(self._edits)

    def _edited(self) -> None:
        self._edits += 1
        self.edited.emit()

    def _append(self, *texts: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if col >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)
        return row

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _fit(self) -> None:
        # Size the table to its rows: a dock with one scroll area is better than two nested.
        rows = max(2, self.table.rowCount())
        height = (self.table.horizontalHeader().sizeHint().height()
                  + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(height)
        self.remove_button.setEnabled(self.table.rowCount() > 0)
