"""A list of checkable options that can also show "some of the selected items" (tri-state)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from journeymapper.ui.widgets.icons import swatch_icon

Option = tuple[str, str, str | None]  # key, label, colour (None for no swatch)


class CheckList(QListWidget):
    """Checkable options; ``toggled`` when the user checks or unchecks one."""

    toggled = Signal(str, bool)
    """(key, checked): the user changed one option (not emitted by ``set_states``)."""

    def __init__(self, max_visible_rows: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_rows = max_visible_rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)
        self.itemChanged.connect(self._item_changed)

    def set_options(self, options: Sequence[Option]) -> None:
        """Replace the options (their states are kept by key)."""
        states = self.states()
        blocked = self.blockSignals(True)
        self.clear()
        for key, label, color in options:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(states.get(key, Qt.CheckState.Unchecked))
            if color:
                item.setIcon(swatch_icon(color))
        self.blockSignals(blocked)
        rows = max(1, min(self.count(), self._max_rows))
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 18) + 2 * self.frameWidth() + 2)

    def states(self) -> dict[str, Qt.CheckState]:
        """Check state of every option, by key."""
        return {self.item(i).data(Qt.ItemDataRole.UserRole): self.item(i).checkState()
                for i in range(self.count())}

    def set_states(self, states: Mapping[str, Qt.CheckState]) -> None:
        """Set check states by key (missing keys are unchecked)."""
        blocked = self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(states.get(item.data(Qt.ItemDataRole.UserRole),
                                          Qt.CheckState.Unchecked))
        self.blockSignals(blocked)

    def item_for(self, key: str) -> QListWidgetItem | None:
        """The row of an option (for tests and keyboard focus)."""
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return self.item(i)
        return None

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(item.data(Qt.ItemDataRole.UserRole),
                          item.checkState() == Qt.CheckState.Checked)
