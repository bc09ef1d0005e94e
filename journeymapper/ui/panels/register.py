"""The register: every touchpoint in a sortable, filterable, editable table with totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, Kind
from journeymapper.ui.panels import options as opt
from journeymapper.ui.panels.register_delegate import RegisterDelegate
from journeymapper.ui.panels.register_filter import NO_OWNER, RegisterFilter
from journeymapper.ui.panels.register_model import COLUMN, ID_ROLE, TouchpointTableModel
from journeymapper.ui.panels.totals_footer import TotalsFooter
from journeymapper.ui.selection import Selection
from journeymapper.ui.widgets import MessageLabel

ANY = "__any__"


class RegisterPanel(QWidget):
    """Filter bar, table and totals; rows and the shared selection follow each other."""

    def __init__(self, document: Document, selection: Selection,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.selection = document, selection
        self.model = TouchpointTableModel(document, today)
        self.proxy = RegisterFilter(self.model)
        self._syncing = False

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, owner, tags, notes...")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self.combos: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for name, any_label in (("stage_id", "All stages"), ("channel", "All channels"),
                                ("persona_id", "All personas"), ("owner", "All owners"),
                                ("status", "All statuses")):
            combo = QComboBox()
            combo.setAccessibleName(any_label)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i, n=name, c=combo: self._combo_picked(n, c))
            self.combos[name] = combo
            combo.setProperty("any_label", any_label)
            bar.addWidget(combo)
        self.overdue = QCheckBox("Overdue only")
        self.overdue.toggled.connect(lambda on: self.proxy.set_filters(overdue=on))
        bar.addWidget(self.overdue)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(RegisterDelegate(document, self.table))
        header = self.table.horizontalHeader()
        # Map order until a header is clicked; a third click goes back to the map's order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        header.setResizeContentsPrecision(100)  # fit columns to a sample, not 10,000 rows
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        # A selection of its own, never used: Qt's header asks whether each column is wholly
        # selected on every paint, a question of every row's flags (most of a second with all
        # 10,000 rows selected).
        header.setSelectionModel(QItemSelectionModel(self.proxy, header))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN["name"], 220)
        self.footer = TotalsFooter(self.table, self.proxy)
        self.message = MessageLabel()
        self.model.edit_refused.connect(self.message.show_message)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        layout.addWidget(self.message)

        self.table.selectionModel().selectionChanged.connect(self._rows_selected)
        selection.changed.connect(self._selection_changed)
        # Filter choices follow the document, refreshed once per burst of changes.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh_choices)
        document.item_added.connect(lambda kind, _id: self._refresh.start())
        document.item_removed.connect(lambda kind, _id: self._refresh.start())
        document.item_changed.connect(self._maybe_refresh)
        document.project_replaced.connect(self._replaced)
        self.refresh_choices()
        self.resize_columns()

    # ----- filters -----------------------------------------------------------------------
    def choices(self, name: str) -> list[tuple[str, Any]]:
        """(label, value) choices of a filter combo, after its "All ..." entry."""
        d = self.document
        if name == "stage_id":
            return opt.stage_options(d)
        if name == "channel":
            return opt.channel_options()
        if name == "persona_id":
            return [(p.name, p.id) for p in d.project.personas]
        if name == "owner":
            return [(o, o) for o in opt.owners(d)] + [("(no owner)", NO_OWNER)]
        return opt.status_options()

    def refresh_choices(self) -> None:
        """Rebuild the filter combos, keeping what each one had picked when still offered."""
        for name, combo in self.combos.items():
            current = getattr(self.proxy.filters, name)
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(combo.property("any_label"), ANY)
                for label, value in self.choices(name):
                    combo.addItem(label, value)
                index = next((i for i in range(1, combo.count()) if combo.itemData(i) == current
                              and current is not None), 0)
                combo.setCurrentIndex(index)
            if index == 0 and current is not None:
                self.proxy.set_filters(**{name: None})  # the value is gone from the map

    def set_filter(self, name: str, value: Any) -> None:
        """Pick ``value`` in a filter combo (None for all), as the user would."""
        combo = self.combos[name]
        index = next((i for i in range(1, combo.count()) if combo.itemData(i) == value), 0)
        combo.setCurrentIndex(index)
        self._combo_picked(name, combo)

    def clear_filters(self) -> None:
        """Show every touchpoint."""
        with QSignalBlocker(self.search), QSignalBlocker(self.overdue):
            self.search.clear()
            self.overdue.setChecked(False)
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        self.proxy.clear_filters()

    def _combo_picked(self, name: str, combo: QComboBox) -> None:
        value = combo.currentData()
        self.proxy.set_filters(**{name: None if value == ANY else value})

    def _maybe_refresh(self, kind: str, _item_id: str, names: list[str]) -> None:
        if kind in (Kind.STAGE, Kind.PERSONA) or (kind == Kind.TOUCHPOINT and "owner" in names):
            self._refresh.start()

    def _replaced(self) -> None:
        self.clear_filters()
        self.refresh_choices()

    # ----- selection both ways -------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, top to bottom."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in rows]

    def _rows_selected(self) -> None:
        if self._syncing or self.model.removing_rows:
            return
        # A guard flag rather than a signal blocker: the view must still see its own
        # selection model's signals to repaint the rows.
        self._syncing = True
        try:
            self.selection.set_items((Kind.TOUCHPOINT, i) for i in self.selected_ids())
        finally:
            self._syncing = False

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            first = None
            rows = []
            for item_id in self.selection.ids(Kind.TOUCHPOINT):
                row = self.model.row_of(item_id)
                if row < 0:
                    continue
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    rows.append(index.row())
                    first = first or index
            wanted = QItemSelection()
            # One range per run of rows: selecting all 10,000 is one range, not 10,000.
            for start, end in runs(sorted(rows)):
                wanted.select(self.proxy.index(start, 0), self.proxy.index(end, 0))
            model = self.table.selectionModel()
            model.select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
            if first is not None:
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(first)
        finally:
            self._syncing = False

    # ----- looks ---------------------------------------------------------------------------
    def resize_columns(self) -> None:
        """Fit the columns to their contents (the name column keeps a readable width)."""
        header = self.table.horizontalHeader()
        for column in range(self.proxy.columnCount()):
            if column != COLUMN["name"]:
                self.table.resizeColumnToContents(column)
                header.resizeSection(column, min(header.sectionSize(column) + 8, 220))


def runs(rows: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The first and last row of each run of consecutive rows in a sorted list."""
    start = end = None
    for row in rows:
        if end is not None and row == end + 1:
            end = row
            continue
        if start is not None and end is not None:
            yield (start, end)
        start = end = row
    if start is not None and end is not None:
        yield (start, end)
