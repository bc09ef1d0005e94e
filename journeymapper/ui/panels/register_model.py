"""The register's table model: one row per touchpoint, mirroring the document precisely."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon

from journeymapper.document import Document, EditError, Kind
from journeymapper.export.formatting import channel_label, status_label
from journeymapper.model import Cadence, Status, Touchpoint, priority
from journeymapper.ui.widgets import format_amount, swatch_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The touchpoint id of a row."""
OVERDUE_COLOR = QColor("#c62828")
MUTED_COLOR = QColor("#8a8a8a")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A register column: the model field(s) it shows and whether it can be edited in place."""

    key: str
    title: str
    fields: frozenset[str]
    editable: bool = True
    numeric: bool = False


def _col(key: str, title: str, *fields: str, editable: bool = True,
         numeric: bool = False) -> Column:
    return Column(key, title, frozenset(fields or (key,)), editable, numeric)


COLUMNS: tuple[Column, ...] = (
    _col("name", "Name"),
    _col("stage_id", "Stage"),
    _col("channel", "Channel"),
    _col("persona_ids", "Personas", editable=False),
    _col("importance", "Importance", "scores", editable=False, numeric=True),
    _col("performance", "Performance", numeric=True),
    _col("priority", "Priority", "scores", "performance", editable=False, numeric=True),
    _col("owner", "Owner"),
    _col("budget", "Budget", "budget", "spent", numeric=True),
    _col("spent", "Spent", "spent", "budget", numeric=True),
    _col("deadline", "Deadline", "deadline", "status"),
    _col("status", "Status"),
    _col("next_review", "Next review", "review_cadence", "reviews", editable=False),
    _col("tags", "Tags"),
)
COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}
"""Column number by key."""
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_COLUMN_FLAGS = tuple(_SELECTABLE | Qt.ItemFlag.ItemIsEditable if c.editable else _SELECTABLE
                      for c in COLUMNS)


class _Descending:
    """A sort key in reverse order, so that descending ranks still sort and bisect ascending."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and bool(self.value == other.value)

    __hash__ = None  # type: ignore[assignment]


class TouchpointTableModel(QAbstractTableModel):
    """Rows are the project's touchpoints in map order; edits go through ``document.edit``."""

    edit_refused = Signal(str)
    """An in-place edit was refused by the model; the message says why."""

    def __init__(self, document: Document, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(document)
        self.document, self.today = document, today
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = {}
        self.removing_rows = False
        """True while a row is being taken away: the rows selected change, the user's
        selection does not (the document's own removal takes the card out of it)."""
        self._ranks: dict[str, Any] = {}
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._icons: dict[str, QIcon] = {}
        self._load()
        document.item_added.connect(self._added)
        document.item_removed.connect(self._removed)
        document.item_changed.connect(self._changed)
        document.items_reordered.connect(self._reordered)
        document.project_replaced.connect(self._replaced)

    # ----- lookups -----------------------------------------------------------------------
    @property
    def _rows(self) -> dict[str, int]:
        """Row by touchpoint id, worked out again when first asked after rows came or went
        (a delete or a paste of hundreds of cards takes rows one at a time)."""
        if self._row_of is None:
            self._row_of = {item_id: row for row, item_id in enumerate(self._ids)}
        return self._row_of

    @_rows.setter
    def _rows(self, rows: dict[str, int]) -> None:
        self._row_of = rows

    def touchpoint(self, row: int) -> Touchpoint:
        """The touchpoint shown in a row."""
        return self.document.get(Kind.TOUCHPOINT, self._ids[row])  # type: ignore[no-any-return]

    def row_of(self, item_id: str) -> int:
        """The row of a touchpoint (-1 when not in the table)."""
        return self._rows.get(item_id, -1)

    def sort_column(self) -> int:
        """The column rows are sorted by (-1: the map's order)."""
        return self._sort_column

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by a column (-1: the map's order); empty values go last either way.

        The model sorts rather than the proxy: Python's sort computes each key once, where a
        proxy's ``lessThan`` calls back into Python twice per comparison (seconds at 10,000
        rows). Later changes move single rows (``beginMoveRows``) to keep the order.
        """
        self._sort_column, self._sort_order = column, order
        self._relayout(self._ordered_ids())

    # ----- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key in ("budget", "spent"):
                return f"{column.title} ({self.document.project.business.currency})"
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Worked out once per column: selecting 10,000 rows asks for every cell's flags.
        return _COLUMN_FLAGS[index.column()] if index.isValid() else _SELECTABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tp = self.touchpoint(index.row())
        column = COLUMNS[index.column()]
        key = column.key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(tp, key)
        if role == Qt.ItemDataRole.EditRole:
            return ", ".join(tp.tags) if key == "tags" else getattr(tp, key, None)
        if role == ID_ROLE:
            return tp.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(tp, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "stage_id":
            stage = self.document.find(Kind.STAGE, tp.stage_id)
            return self._icon(stage.color) if stage else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(tp, key)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = COLUMNS[index.column()]
        if not column.editable:
            return False
        if column.key == "tags":
            value = list(dict.fromkeys(t.strip() for t in str(value).split(",") if t.strip()))
        try:
            self.document.edit(Kind.TOUCHPOINT, self._ids[index.row()], **{column.key: value})
        except EditError as exc:
            self.edit_refused.emit(str(exc))
            return False
        return True  # dataChanged comes back from the document's item_changed

    # ----- values --------------------------------------------------------------------------
    def _number(self, tp: Touchpoint, key: str) -> float | Decimal:
        if key == "importance":
            return self.document.project.importance(tp)
        if key == "priority":
            return priority(self.document.project.importance(tp), tp)
        return getattr(tp, key)  # type: ignore[no-any-return]

    def _text(self, tp: Touchpoint, key: str) -> str:
        if key == "stage_id":
            stage = self.document.find(Kind.STAGE, tp.stage_id)
            return stage.name if stage else tp.stage_id
        if key == "channel":
            return channel_label(tp.channel)
        if key == "status":
            return status_label(tp.status)
        if key == "persona_ids":
            if not tp.persona_ids:
                return "All"
            return ", ".join(p.name for i in tp.persona_ids
                             if (p := self.document.find(Kind.PERSONA, i)) is not None)
        if key in ("budget", "spent"):
            return format_amount(getattr(tp, key))
        if key in ("importance", "priority"):
            return f"{self._number(tp, key):g}"
        if key == "deadline":
            return tp.deadline.isoformat() if tp.deadline else ""
        if key == "tags":
            return ", ".join(tp.tags)
        if key == "next_review":
            return _next_review_text(tp, self.today())
        return str(getattr(tp, key))

    def _foreground(self, tp: Touchpoint, key: str) -> QColor | None:
        if key == "deadline" and tp.is_overdue(self.today()):
            return OVERDUE_COLOR
        if key == "spent" and tp.spent > tp.budget:
            return OVERDUE_COLOR
        if key == "persona_ids" and not tp.persona_ids:
            return MUTED_COLOR
        if key == "next_review" and tp.is_review_due(self.today()):
            return OVERDUE_COLOR
        return None

    def _tooltip(self, tp: Touchpoint, key: str) -> str | None:
        if key == "name":
            return tp.description or None
        if key == "deadline" and tp.is_overdue(self.today()):
            return f"Overdue since {tp.deadline}"
        if key == "spent" and tp.spent > tp.budget:
            return f"Over budget by {format_amount(tp.spent - tp.budget)}"
        if key == "persona_ids" and not tp.persona_ids:
            return "Serves every persona"
        if key == "next_review" and tp.review_cadence is not Cadence.NONE:
            return _next_review_tip(tp)
        return None

    def _icon(self, color: str) -> QIcon:
        if color not in self._icons:
            self._icons[color] = swatch_icon(color, 10)
        return self._icons[color]

    # ----- document changes ----------------------------------------------------------------
    def _load(self) -> None:
        self._ids = self._ordered_ids()
        self._rows = {item_id: row for row, item_id in enumerate(self._ids)}

    # ----- sorting ---------------------------------------------------------------------------
    def _ranker(self) -> Callable[[Touchpoint], Any] | None:
        """The sort key of a touchpoint under the current sort, or None when unsorted."""
        if self._sort_column < 0:
            return None
        key = COLUMNS[self._sort_column].key
        ascending = self._sort_order == Qt.SortOrder.AscendingOrder
        stages = {s.id: i for i, s in enumerate(self.document.project.stages)}
        statuses = {s: i for i, s in enumerate(Status)}

        def value(tp: Touchpoint) -> Any:
            if key == "stage_id":
                return stages.get(tp.stage_id, len(stages))
            if key == "status":
                return statuses[tp.status]  # lifecycle order, not alphabetical
            if key in ("importance", "priority", "performance", "budget", "spent"):
                return self._number(tp, key)
            if key == "deadline":
                return tp.deadline
            if key == "next_review":
                return tp.next_review_due(self.today())
            return self._text(tp, key).casefold() or None

        def rank(tp: Touchpoint) -> Any:
            v = value(tp)
            if v is None:
                return (1, 0)  # empty cells last, whichever the direction
            return (0, v if ascending else _Descending(v))

        return rank

    def _ordered_ids(self) -> list[str]:
        touchpoints = self.document.project.touchpoints
        ranker = self._ranker()
        if ranker is None:
            self._ranks = {}
            return [tp.id for tp in touchpoints]
        self._ranks = {tp.id: ranker(tp) for tp in touchpoints}
        return sorted(self._ranks, key=self._ranks.__getitem__)

    def _relayout(self, ids: list[str]) -> None:
        if ids == self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._ids = ids
        self._rows = {item_id: row for row, item_id in enumerate(ids)}
        self.changePersistentIndexList(
            old, [self.index(self._rows[i], o.column()) for i, o in zip(old_ids, old,
                                                                     strict=True)])
        self.layoutChanged.emit()

    def _sorted_row(self, ids: list[str], rank: Any) -> int:
        return bisect.bisect_right(ids, rank, key=self._ranks.__getitem__)

    def _keep_sorted(self, item_id: str) -> int:
        """Move one changed row to its place in the sort order; returns its row."""
        ranker, old_row = self._ranker(), self._rows[item_id]
        if ranker is None:
            return old_row
        rank = ranker(self.document.get(Kind.TOUCHPOINT, item_id))
        if rank == self._ranks.get(item_id):
            return old_row
        self._ranks[item_id] = rank
        others = self._ids[:old_row] + self._ids[old_row + 1:]
        new_row = self._sorted_row(others, rank)
        if new_row != old_row:
            destination = new_row + 1 if new_row > old_row else new_row
            self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), destination)
            self._ids = [*others[:new_row], item_id, *others[new_row:]]
            self._rows = {i: r for r, i in enumerate(self._ids)}
            self.endMoveRows()
        return new_row

    def _added(self, kind: str, item_id: str) -> None:
        if kind != Kind.TOUCHPOINT:
            return
        ranker = self._ranker()
        if ranker is None:
            row = self.document.index_of(Kind.TOUCHPOINT, item_id)
        else:
            rank = self._ranks[item_id] = ranker(self.document.get(Kind.TOUCHPOINT, item_id))
            row = self._sorted_row(self._ids, rank)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, item_id)
        self._row_of = None
        self.endInsertRows()

    def _removed(self, kind: str, item_id: str) -> None:
        if kind != Kind.TOUCHPOINT:
            return
        if self._row_of is not None:
            row = self._row_of.get(item_id, -1)
        else:  # one scan in C rather than a new index per card taken away
            row = self._ids.index(item_id) if item_id in self._ids else -1
        if row < 0:
            return
        self.removing_rows = True
        try:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._ranks.pop(item_id, None)
            self._row_of = None
            self.endRemoveRows()
        finally:
            self.removing_rows = False

    def _changed(self, kind: str, item_id: str, names: list[str]) -> None:
        if kind == Kind.TOUCHPOINT:
            row = self._rows.get(item_id, -1)
            cols = [c for c, column in enumerate(COLUMNS) if column.fields & set(names)]
            if row < 0 or not cols:
                return
            if self._sort_column in cols:
                row = self._keep_sorted(item_id)
            self.dataChanged.emit(self.index(row, min(cols)), self.index(row, max(cols)))
        elif kind == Kind.STAGE and {"name", "color"} & set(names):
            self._column_changed("stage_id")
        elif kind == Kind.PERSONA and "name" in names:
            self._column_changed("persona_ids")
        elif kind == Kind.CRITERION:
            self._column_changed("importance", "priority")
        elif kind == "business" and "currency" in names:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, COLUMN["budget"],
                                        COLUMN["spent"])

    def _column_changed(self, *keys: str) -> None:
        if not self._ids:
            return
        cols = [COLUMN[k] for k in keys]
        if self._sort_column in cols:
            self._relayout(self._ordered_ids())
        self.dataChanged.emit(self.index(0, min(cols)), self.index(len(self._ids) - 1, max(cols)))

    def _reordered(self, kind: str) -> None:
        if kind == Kind.STAGE:
            self._column_changed("stage_id")  # the stage sort key changed
        elif kind == Kind.TOUCHPOINT:
            self._relayout(self._ordered_ids())

    def _replaced(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()


def _next_review_text(tp: Touchpoint, today: dt.date) -> str:
    """"" without a cadence, "due now" before the first review, else the due date."""
    due = tp.next_review_due(today)
    if due is None:
        return ""
    if not any(r.performance is not None for r in tp.reviews):
        return "due now"
    return due.isoformat()


def _next_review_tip(tp: Touchpoint) -> str:
    scored = [r for r in tp.reviews if r.performance is not None]
    text = f"Reviewed {tp.review_cadence.label.lower()}"
    if scored:
        text += f"; last on {scored[-1].date.isoformat()} (performance {scored[-1].performance})"
    else:
        text += "; never reviewed yet"
    return text
