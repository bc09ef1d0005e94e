"""The Compare dock: the active map against another version, difference by difference.

Pick a version: the dock lists the touchpoints added, removed and changed (the fields named)
with the budget difference of each and in total, and the map marks them (a ``CompareOverlay``:
coloured frames, ghost outlines, the other version's emotion curves dashed). The comparison is
recomputed after each burst of edits; clicking a touchpoint selects it on the map.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analysis.compare import Change, Comparison, compare_versions, signed
from journeymapper.document import Document, Kind
from journeymapper.model import MapVersion
from journeymapper.ui.canvas.compare_overlay import COLORS, CompareOverlay
from journeymapper.ui.selection import Selection
from journeymapper.ui.widgets import format_amount

REFRESH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole


class ComparePanel(QWidget):
    """Differences between the active map and a chosen stored version."""

    comparison_changed = Signal()
    """The comparison shown was recomputed, switched on or off."""

    def __init__(self, document: Document, selection: Selection,
                 overlay: CompareOverlay | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.selection, self.overlay = document, selection, overlay
        self.comparison: Comparison | None = None
        self._other_id: str | None = None
        self.versions = QComboBox()
        self.versions.setObjectName("compare-version")
        self.versions.activated.connect(lambda _i: self.set_other(self.versions.currentData()))
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Touchpoint", "Budget \u0394", "What differs"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel("Compare the active map with"))
        top.addWidget(self.versions, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.tree, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (document.item_added, document.item_removed, document.items_reordered):
            signal.connect(lambda *_: self._schedule())
        document.item_changed.connect(
            lambda target, *_: self._schedule(always=target == "project"))
        document.project_replaced.connect(lambda: self._schedule(always=True))
        self.refresh()

    # ----- public ----------------------------------------------------------------------------
    def other_id(self) -> str | None:
        """The version compared with (None: comparing is off)."""
        return self._other_id

    def set_other(self, version_id: str | None) -> None:
        """Compare with this stored version (None switches comparing off)."""
        self._other_id = version_id or None
        self.refresh()

    def refresh(self) -> None:
        """Compute the comparison again and show it (list and map marks)."""
        self._timer.stop()
        p = self.document.project
        other = next((v for v in p.versions if v.id == self._other_id), None)
        if other is None:  # deleted, or made active by a switch
            self._other_id = None
        self._fill_versions()
        self.comparison = (compare_versions(other, p.active_version())
                           if other is not None else None)
        self._show(other)
        if self.overlay is not None:
            self.overlay.show(self.comparison, other)
        self.comparison_changed.emit()

    # ----- internals -----------------------------------------------------------------------
    def _schedule(self, always: bool = False) -> None:
        # Edits of the map matter only while comparing; the list of versions always.
        if always or self._other_id is not None:
            self._timer.start()

    def _fill_versions(self) -> None:
        self.versions.blockSignals(True)
        self.versions.clear()
        self.versions.addItem("(nothing: comparing is off)", None)
        for version in self.document.project.versions:
            self.versions.addItem(version.name, version.id)
        index = self.versions.findData(self._other_id) if self._other_id else 0
        self.versions.setCurrentIndex(max(0, index))
        self.versions.blockSignals(False)

    def _show(self, other: MapVersion | None) -> None:
        self.tree.clear()
        c = self.comparison
        if c is None or other is None:
            self.totals.setText("<span style='color:gray'>Choose a stored version to see what "
                                "differs from the map on the canvas.</span>")
            return
        currency = self.document.project.business.currency
        self.totals.setText(
            f"<b>{c.summary()}</b><br>Budget {format_amount(c.budget_before)} {currency} in "
            f"<i>{_esc(c.before_name)}</i> \u2192 {format_amount(c.budget_after)} in "
            f"<i>{_esc(c.after_name)}</i> ({signed(c.budget_delta)})")
        groups = ((Change.ADDED, f"Added (not in {c.before_name})"),
                  (Change.REMOVED, f"Removed (only in {c.before_name})"),
                  (Change.CHANGED, "Changed"))
        for change, title in groups:
            diffs = c.of(change)
            group = QTreeWidgetItem([f"{title}: {len(diffs)}"])
            group.setForeground(0, COLORS[change])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for diff in diffs:
                what = (", ".join(diff.field_labels()) if change is Change.CHANGED else "")
                delta = diff.budget_delta
                item = QTreeWidgetItem([diff.name,
                                        signed(delta) if delta != Decimal(0) else "", what])
                item.setData(0, ID_ROLE, diff.id if change is not Change.REMOVED else None)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                if diff.before is not None and diff.after is not None:
                    item.setToolTip(2, _details(diff.before, diff.after, diff.fields))
                group.addChild(item)
            group.setExpanded(True)
        for col in range(3):
            self.tree.resizeColumnToContents(col)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        tp_id = item.data(0, ID_ROLE)
        if tp_id and self.document.find(Kind.TOUCHPOINT, tp_id) is not None:
            self.selection.set_items([(Kind.TOUCHPOINT, tp_id)])


def _details(before: object, after: object, fields: tuple[str, ...]) -> str:
    lines = []
    for name in fields:
        old, new = getattr(before, name), getattr(after, name)
        if isinstance(old, str | int | float | Decimal) or old is None:
            lines.append(f"{name.replace('_', ' ')}: {old} \u2192 {new}")
        else:
            lines.append(f"{name.replace('_', ' ')} changed")
    return "\n".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
