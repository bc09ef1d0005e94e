"""File > Import > Touchpoints from CSV/Excel: map the columns, preview, import.

The columns are mapped automatically (the headers of our own export, common aliases,
criterion names); each can be changed with its combo box, and the preview is planned again at
once: how many touchpoints are new, changed or unchanged, and every row with its errors marked
on the cell that caused them. Import applies the good rows as one undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document
from journeymapper.importers.tabular import Table, as_text, is_empty
from journeymapper.importers.touchpoints import (
    ImportPlan,
    MappingError,
    auto_mapping,
    field_choices,
    plan_import,
)
from journeymapper.ui.dialogs.import_changes import apply_import
from journeymapper.ui.dialogs.import_preview import PreviewModel

IGNORE = "(do not import)"
TABLE_FILTER = "Tables (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx);;All files (*)"


class TouchpointImportDialog(QDialog):
    """One combo box per column of the table, the live preview, and Import."""

    imported = Signal(int)
    """The import was applied: this many touchpoints were added or changed."""

    def __init__(self, document: Document, table: Table, source: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import touchpoints")
        self.setObjectName("touchpoint-import-dialog")
        self.document, self.table = document, table
        self.plan: ImportPlan | None = None
        name = Path(source or table.source or "table").name

        intro = QLabel(f"<b>{name}</b>: {len(table.rows)} rows, {len(table.headers)} columns. "
                       "Choose the field each column goes into; rows whose id is a touchpoint "
                       "of the map update it, the others add touchpoints.")
        intro.setWordWrap(True)
        self.mapping_table = QTableWidget(len(table.headers), 3)
        self.mapping_table.setHorizontalHeaderLabels(["Column", "First value", "Imports into"])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}
        choices = field_choices(document.project)
        mapping = auto_mapping(document.project, table.headers)
        for row, column in enumerate(table.headers):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column))
            sample = QTableWidgetItem(self._first_value(row))
            sample.setForeground(Qt.GlobalColor.darkGray)
            self.mapping_table.setItem(row, 1, sample)
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column))))
            combo.currentIndexChanged.connect(lambda _i: self.replan())
            self.mapping_table.setCellWidget(row, 2, combo)
            self.combos[column] = combo
        columns_box = QGroupBox("Columns")
        QVBoxLayout(columns_box).addWidget(self.mapping_table)

        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.errors_only = QCheckBox("Only rows with errors")
        self.errors_only.toggled.connect(lambda on: self.model.set_errors_only(on))
        self.model = PreviewModel()
        self.preview = QTableView()
        self.preview.setModel(self.model)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(False)
        # Column widths from the first rows only: measuring 50,000 rows would take seconds.
        self.preview.horizontalHeader().setResizeContentsPrecision(200)
        self.preview.horizontalHeader().setMaximumSectionSize(320)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.errors_only)
        preview_box = QGroupBox("Preview")
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.preview)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(columns_box)
        splitter.addWidget(preview_box)
        splitter.setSizes([220, 380])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 680)
        self.replan()

    def _first_value(self, column: int) -> str:
        for row in self.table.rows:
            if not is_empty(row[column]):
                text = as_text(row[column])
                return text if len(text) <= 60 else text[:57] + "\u2026"
        return ""

    # ----- mapping and preview ------------------------------------------------------------
    def mapping(self) -> dict[str, str | None]:
        """Column header -> field key (None: not imported), as the combo boxes say."""
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def set_field(self, column: str, field: str | None) -> None:
        """Map a column to a field (what choosing in its combo box does)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field) if field is not None else 0)

    def replan(self) -> None:
        """Plan the import again with the current mapping and show the result."""
        # About a quarter of a second per thousand rows: say so with the cursor.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan = plan_import(self.document.project, self.table, self.mapping())
        except MappingError as exc:
            self.plan = None
            self.summary.setText(f"<span style='color:#b71c1c'>{_escape(str(exc))}</span>")
        else:
            failed = len(self.plan.failed)
            text = _escape(self.plan.summary())
            if failed:
                text += (" &mdash; <span style='color:#b71c1c'>rows with errors are skipped; "
                         "point at a red cell to see why</span>")
            self.summary.setText(text)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.model.set_plan(self.table, self.plan, self.document.project)
        self.preview.resizeColumnsToContents()
        count = len(self.plan.new) + len(self.plan.changed) if self.plan is not None else 0
        self.import_button.setText(f"Import {count} touchpoint{'s' if count != 1 else ''}"
                                   if count else "Import")
        self.import_button.setEnabled(count > 0)

    # ----- applying -----------------------------------------------------------------------
    def apply(self) -> None:
        """Import the good rows as one undo step and close."""
        if self.plan is None or not self.plan.has_changes:
            return
        try:
            count = apply_import(self.document, self.plan)
        except ValueError as exc:  # the map changed under the dialog: plan again
            QMessageBox.warning(self, "Import touchpoints", str(exc))
            self.replan()
            return
        self.imported.emit(count)
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
