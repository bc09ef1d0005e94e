"""The KPI values import dialog: preview every row of a measurements table, then apply the
good ones as one undo step (File > Import > KPI Values...)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, EditError
from journeymapper.document.reviews import merge_measurements
from journeymapper.importers.kpi_values import KpiImportPlan, KpiTableError, plan_kpi_import
from journeymapper.importers.tabular import TableError, read_table

PREVIEW_COLUMNS = ("Row", "Touchpoint", "KPI", "Value", "Date")
MAX_PREVIEW_ROWS = 2000
"""Rows shown in the preview table (all of them are imported)."""


def plan_file(document: Document, path: Path | str) -> tuple[KpiImportPlan | None, str]:
    """The plan of a file, or None and why it cannot be imported."""
    try:
        return plan_kpi_import(document.project, read_table(path)), ""
    except (TableError, KpiTableError) as exc:
        return None, str(exc)


class KpiImportDialog(QDialog):
    """Shows what a KPI table would change and which rows are refused, and why."""

    def __init__(self, document: Document, path: Path | str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.path = document, Path(path)
        self.plan, problem = plan_file(document, path)
        self.applied = 0
        self.setWindowTitle(f"Import KPI values \u2013 {self.path.name}")
        self.setObjectName("kpi-import")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.table.setHorizontalHeaderLabels(PREVIEW_COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.errors = QListWidget()
        self.errors.setObjectName("kpi-import-errors")
        self.errors.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        self.errors_label = QLabel("<b>Rows not imported</b>")
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._show(problem)

    def _show(self, problem: str) -> None:
        plan = self.plan
        if plan is None:
            self.summary.setText(f"<b>Cannot import this file.</b><br>{_esc(problem)}")
            self.import_button.setEnabled(False)
            self.errors_label.hide()
            self.errors.hide()
            return
        self.summary.setText(
            f"<b>{plan.summary()}</b>. Each value joins the touchpoint's review history; the "
            f"newest value of each KPI becomes its actual. One undo step.")
        rows = plan.rows[:MAX_PREVIEW_ROWS]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (str(row.row), row.touchpoint_name, row.kpi, f"{row.value:g}",
                     row.date.isoformat())
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.errors.addItems(plan.errors)
        self.errors_label.setVisible(bool(plan.errors))
        self.errors.setVisible(bool(plan.errors))
        self.import_button.setText(f"Import {len(plan.rows)} Value"
                                   f"{'s' if len(plan.rows) != 1 else ''}")
        self.import_button.setEnabled(bool(plan.rows))

    def apply(self) -> None:
        """Apply the good rows (one undo step) and close."""
        if self.plan is None or not self.plan.rows:
            return
        try:
            self.applied = merge_measurements(
                self.document, self.plan.measurements(),
                f"Import KPI values from {self.path.name}")
        except EditError as exc:
            self.summary.setText(f"<b>Cannot import:</b> {_esc(str(exc))}")
            return
        self.accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
