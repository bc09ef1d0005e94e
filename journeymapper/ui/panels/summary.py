"""The summary dock: where the money goes, what is due, what is late, what lacks an owner,
and the importance-performance matrix. Read-only; clicking a touchpoint selects it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analysis.reviews import due_reviews
from journeymapper.analysis.rollups import overdue, total
from journeymapper.document import Document, Kind
from journeymapper.export.formatting import channel_label
from journeymapper.model import Touchpoint
from journeymapper.ui.panels import rollups
from journeymapper.ui.panels.docks import on_screen
from journeymapper.ui.panels.matrix import ImportanceMatrix
from journeymapper.ui.selection import Selection
from journeymapper.ui.widgets import Bar, BarChart, format_amount

GROUPINGS = (("Stage", "stage"), ("Channel", "channel"), ("Owner", "owner"))
MAX_LIST_ROWS = 8
MAX_ITEMS = 50
REFRESH_DELAY_MS = 150
"""Pause after a burst of changes before recomputing (typing in the inspector is a burst)."""
DUE_DAYS = 30


class TouchpointList(QTreeWidget):
    """A short list of touchpoints (a few columns), sized to its rows; a click selects."""

    def __init__(self, headers: Sequence[str], empty_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty_text = empty_text
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Rows of (touchpoint id, column texts); past ``MAX_ITEMS`` a last row says how many
        more there are (the register, filtered, lists them all)."""
        self.clear()
        items = []
        for item_id, texts in rows[:MAX_ITEMS]:
            item = QTreeWidgetItem(list(texts))
            item.setData(0, Qt.ItemDataRole.UserRole, item_id)
            items.append(item)
        if len(rows) > MAX_ITEMS:
            more = QTreeWidgetItem([f"... and {len(rows) - MAX_ITEMS} more (see the register)"])
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            more.setFirstColumnSpanned(True)
            items.append(more)
        self.addTopLevelItems(items)
        for item in items[MAX_ITEMS:]:
            item.setFirstColumnSpanned(True)
        if not rows:
            item = QTreeWidgetItem([self.empty_text])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setFirstColumnSpanned(True)
            self.addTopLevelItem(item)
        if rows:
            self.resizeColumnToContents(0)
        shown = min(max(1, self.topLevelItemCount()), MAX_LIST_ROWS)
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height() + 6)
        self.setFixedHeight(self.header().sizeHint().height() + shown * row_height
                            + 2 * self.frameWidth() + 2)

    def ids(self) -> list[str]:
        """Touchpoint ids listed, top to bottom."""
        return [i for row in range(self.topLevelItemCount())
                if (i := self.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole))]


class SummaryPanel(QWidget):
    """Budget roll-ups with a bar chart, deadlines, gaps in planning, and the matrix."""

    def __init__(self, document: Document, selection: Selection,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.selection, self.today = document, selection, today
        self._stale = True
        self.grouping = QComboBox()
        for label, key in GROUPINGS:
            self.grouping.addItem(f"By {label.lower()}", key)
        self.grouping.currentIndexChanged.connect(lambda _i: self.refresh())
        self.chart = BarChart()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.matrix = ImportanceMatrix()
        self.matrix.point_clicked.connect(self._dot_clicked)
        self.upcoming = TouchpointList(("Deadline", "Touchpoint", "Owner"), "Nothing due")
        self.overdue = TouchpointList(("Deadline", "Touchpoint", "Owner"), "Nothing overdue")
        self.unplanned = TouchpointList(("Touchpoint", "Missing"), "Every touchpoint is planned")
        self.reviews_due = TouchpointList(("Due", "Touchpoint", "Owner"), "No review due")
        for lst in (self.upcoming, self.overdue, self.unplanned, self.reviews_due):
            lst.itemClicked.connect(lambda _item, _col, lst=lst: self._list_clicked(lst))

        body = QWidget()
        layout = QVBoxLayout(body)
        budget_title = QHBoxLayout()
        budget_title.addWidget(_heading("Budget"))
        budget_title.addStretch(1)
        budget_title.addWidget(self.grouping)
        layout.addLayout(budget_title)
        layout.addWidget(self.chart)
        layout.addWidget(self.totals)
        layout.addWidget(_heading("Importance and performance"))
        layout.addWidget(self.matrix)
        self.due_heading = _heading(f"Due in the next {DUE_DAYS} days")
        self.overdue_heading = _heading("Overdue")
        layout.addWidget(self.overdue_heading)
        layout.addWidget(self.overdue)
        layout.addWidget(self.due_heading)
        layout.addWidget(self.upcoming)
        layout.addWidget(_heading("Without owner or deadline"))
        layout.addWidget(self.unplanned)
        self.reviews_heading = _heading("Reviews due")
        layout.addWidget(self.reviews_heading)
        layout.addWidget(self.reviews_due)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # Recompute once per burst of changes, and only while the dock is visible.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.item_added.connect(lambda *_: self._schedule())
        document.item_removed.connect(lambda *_: self._schedule())
        document.item_changed.connect(lambda *_: self._schedule())
        document.items_reordered.connect(lambda *_: self._schedule())
        document.project_replaced.connect(self._schedule)
        selection.changed.connect(
            lambda: self.matrix.set_selected(selection.ids(Kind.TOUCHPOINT)))
        self.refresh()

    def refresh(self) -> None:
        """Recompute everything from the project."""
        self._timer.stop()
        self._stale = False
        project = self.document.project
        today = self.today()
        currency = project.business.currency
        groups = rollups.budget_by(project, self.grouping.currentData(), channel_label)
        self.chart.set_bars([Bar(t.label, t.budget, t.spent) for t in groups], currency)
        everything = total("all", "all", project.touchpoints)
        budget, spent = everything.budget, everything.spent
        left = budget - spent
        self.totals.setText(
            f"Budget <b>{format_amount(budget)}</b> {currency} &middot; spent "
            f"<b>{format_amount(spent)}</b> &middot; "
            + (f"left {format_amount(left)}" if left >= 0 else
               f"<span style='color:#c62828'>over by {format_amount(-left)}</span>"))
        stage_colors = {s.id: s.color for s in project.stages}
        self.matrix.set_points(rollups.matrix_points(project),
                               {tp.id: stage_colors.get(tp.stage_id, "#4c78a8")
                                for tp in project.touchpoints})
        self.matrix.set_selected(self.selection.ids(Kind.TOUCHPOINT))
        self.upcoming.set_rows([_dated(tp) for tp in rollups.upcoming(project, today, DUE_DAYS)])
        late = overdue(project.touchpoints, today)
        self.overdue.set_rows([_dated(tp) for tp in late])
        self.overdue_heading.setText(f"<b>Overdue ({len(late)})</b>" if late else "<b>Overdue</b>")
        self.unplanned.set_rows([(tp.id, (tp.name, missing))
                                 for tp, missing in rollups.unplanned(project)])
        due = due_reviews(project, today)
        self.reviews_due.set_rows([(d.touchpoint.id, ("now" if d.never_reviewed else
                                                      d.due.isoformat(), d.touchpoint.name,
                                                      d.touchpoint.owner or "-"))
                                   for d in due])
        self.reviews_heading.setText(f"<b>Reviews due ({len(due)})</b>" if due
                                     else "<b>Reviews due</b>")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Refresh now if the map changed while the panel was hidden."""
        if self._stale:
            self.refresh()

    def _schedule(self) -> None:
        self._stale = True
        if on_screen(self):
            self._timer.start()

    def _dot_clicked(self, item_id: str, extend: bool) -> None:
        items = self.selection.items() if extend else []
        self.selection.set_items([*items, (Kind.TOUCHPOINT, item_id)])

    def _list_clicked(self, lst: TouchpointList) -> None:
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in lst.selectedItems()]
        self.selection.set_items((Kind.TOUCHPOINT, i) for i in ids if i)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _dated(tp: Touchpoint) -> tuple[str, tuple[str, str, str]]:
    return (tp.id, (tp.deadline.isoformat() if tp.deadline else "", tp.name, tp.owner or "-"))
