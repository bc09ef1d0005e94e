"""The preview table of a touchpoint import: every row of the file, what it becomes, and its
errors marked on the very cell that caused them (the message is the cell's tooltip)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from journeymapper.importers.tabular import Table, as_text
from journeymapper.importers.touchpoints import ImportPlan, RowResult
from journeymapper.model import Project, Touchpoint
from journeymapper.ui.dialogs.import_changes import changed_fields

ERROR_FILL = QColor("#fbd5d5")
NEW_FILL = QColor("#dff3e2")
CHANGED_FILL = QColor("#fff1c7")
IGNORED_INK = QColor("#8a8f98")
FIXED_COLUMNS = ("Row", "Result")
Index = QModelIndex | QPersistentModelIndex


def outcome(result: RowResult) -> str:
    """What importing the row does: ``new``, ``changed``, ``unchanged`` or ``error``."""
    if not result.ok:
        return "error"
    if not result.is_update:
        return "new"
    return "changed" if result.changed else "unchanged"


class PreviewModel(QAbstractTableModel):
    """Rows of the table with their outcome; cells with errors are filled red."""

    def __init__(self) -> None:
        super().__init__()
        self._table: Table | None = None
        self._plan: ImportPlan | None = None
        self._rows: list[int] = []
        # (row index, column) -> messages; column 1 ("Result") holds the errors of fields
        # without a column (a new touchpoint lacks a stage, no free place in its cell).
        self._errors: dict[tuple[int, int], list[str]] = {}
        self._ignored: set[int] = set()
        self._errors_only = False
        self._before: dict[str, Touchpoint] = {}

    # ----- content ----------------------------------------------------------------------
    def set_plan(self, table: Table, plan: ImportPlan | None,
                 project: Project | None = None) -> None:
        """Show ``table`` as ``plan`` sees it (None: the mapping is unusable, no outcome);
        with ``project``, an updated row's tooltip says which fields it changes."""
        self.beginResetModel()
        self._table, self._plan = table, plan
        self._before = {tp.id: tp for tp in project.touchpoints} if project else {}
        self._errors = {}
        self._ignored = set()
        if plan is not None:
            column_of = {field: table.headers.index(header) + len(FIXED_COLUMNS)
                         for header, field in plan.mapping.items() if field is not None}
            errors: dict[tuple[int, int], list[str]] = defaultdict(list)
            for i, result in enumerate(plan.rows):
                for error in result.errors:
                    column = column_of.get(error.field, 1)
                    errors[(i, column)].append(f"{error.label}: {error.message}")
            self._errors = dict(errors)
            self._ignored = {table.headers.index(h) + len(FIXED_COLUMNS) for h in plan.ignored}
        self._filter()
        self.endResetModel()

    def set_errors_only(self, on: bool) -> None:
        """Show only the rows with errors."""
        if on != self._errors_only:
            self.beginResetModel()
            self._errors_only = on
            self._filter()
            self.endResetModel()

    def _filter(self) -> None:
        count = len(self._table.rows) if self._table is not None else 0
        if self._errors_only and self._plan is not None:
            self._rows = [i for i, r in enumerate(self._plan.rows) if r.errors]
        else:
            self._rows = list(range(count))

    def cell_errors(self, row: int, column: int) -> list[str]:
        """The messages shown on a cell of the view."""
        return self._errors.get((self._rows[row], column), [])

    def error_cells(self) -> list[tuple[int, int]]:
        """(view row, column) of every cell marked as wrong."""
        where = {source: view for view, source in enumerate(self._rows)}
        return sorted((where[r], c) for r, c in self._errors if r in where)

    # ----- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(FIXED_COLUMNS) + len(self._table.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._table is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(FIXED_COLUMNS):
                return FIXED_COLUMNS[section]
            return self._table.headers[section - len(FIXED_COLUMNS)]
        if role == Qt.ItemDataRole.ToolTipRole and section in self._ignored:
            return "Not imported (no field chosen for this column)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        source, column = self._rows[index.row()], index.column()
        result = self._plan.rows[source] if self._plan is not None else None
        errors = self._errors.get((source, column))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(self._table.row_numbers[source])
            if column == 1:
                return outcome(result) if result is not None else ""
            return as_text(self._table.rows[source][column - len(FIXED_COLUMNS)])
        if role == Qt.ItemDataRole.ToolTipRole:
            if errors:
                return "\n".join(errors)
            if column == 1 and result is not None:
                return self._explain(result)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if errors:
                return QBrush(ERROR_FILL)
            if column == 1 and result is not None:
                fill = {"new": NEW_FILL, "changed": CHANGED_FILL,
                        "error": ERROR_FILL}.get(outcome(result))
                return QBrush(fill) if fill is not None else None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if errors:
                return QBrush(QColor("#7f1d1d"))
            if column in self._ignored:
                return QBrush(IGNORED_INK)
        return None

    def _explain(self, result: RowResult) -> str | None:
        if not result.ok:
            return "Skipped: see the cells marked in red"
        old = self._before.get(result.touchpoint.id) if result.touchpoint else None
        if old is None or result.touchpoint is None:
            return None
        changes = changed_fields(old, result.touchpoint)
        if not changes:
            return "Nothing changes"
        lines = [f"{name.replace('_', ' ')}: {_short(getattr(old, name))} \u2192 "
                 f"{_short(value)}" for name, value in changes.items()]
        return f"Changes {old.name!r}:\n" + "\n".join(lines)


def _short(value: object) -> str:
    text = "(none)" if value in (None, "", [], {}) else str(getattr(value, "value", value))
    return text if len(text) <= 40 else text[:39] + "\u2026"
