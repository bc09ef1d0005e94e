"""The Versions dock: the named versions of the map ("As-is 2026", "To-be 2027").

The active version is the map on the canvas; the others are stored snapshots. Every button is
one undo step through ``journeymapper.document.versions``: save a copy of the active map as a
new version, switch to another version (the canvas and panels rebuild), rename, delete.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.document import Document, EditError
from journeymapper.document import versions as ops

ID_ROLE = Qt.ItemDataRole.UserRole


class VersionsPanel(QWidget):
    """Lists the versions (the active one first, in bold) with buttons to manage them."""

    compare_requested = Signal(str)
    """(version id): the user asked to compare the active map with this version."""
    error_reported = Signal(str)
    """A refused operation, for the status bar."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.list = QListWidget()
        self.list.setObjectName("versions-list")
        self.list.itemDoubleClicked.connect(lambda _item: self.switch_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel("The active version is the map you see; the others are stored "
                           "copies. Switching swaps them (Ctrl+Z switches back).")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: gray")
        self.save_button = QPushButton("Save Copy as Version\u2026")
        self.switch_button = QPushButton("Switch To")
        self.rename_button = QPushButton("Rename\u2026")
        self.delete_button = QPushButton("Delete")
        self.compare_button = QPushButton("Compare")
        self.save_button.clicked.connect(self.ask_save_copy)
        self.switch_button.clicked.connect(self.switch_selected)
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button.clicked.connect(self.delete_selected)
        self.compare_button.clicked.connect(self._compare_selected)
        buttons = QGridLayout()
        buttons.addWidget(self.save_button, 0, 0, 1, 2)
        buttons.addWidget(self.switch_button, 1, 0)
        buttons.addWidget(self.compare_button, 1, 1)
        buttons.addWidget(self.rename_button, 2, 0)
        buttons.addWidget(self.delete_button, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        document.project_replaced.connect(self.refresh)
        document.item_changed.connect(self._changed)
        self.refresh()

    # ----- what is shown ---------------------------------------------------------------------
    def refresh(self) -> None:
        """List the versions again, keeping the selected one selected."""
        keep = self.selected_id()
        p = self.document.project
        self.list.clear()
        entries = [(p.version_id, p.version_name, True)] + [(v.id, v.name, False)
                                                             for v in p.versions]
        for version_id, name, active in entries:
            item = QListWidgetItem(f"{name}  (active)" if active else name)
            item.setData(ID_ROLE, version_id)
            if active:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip("The map on the canvas")
            else:
                tp_count = len(next(v for v in p.versions if v.id == version_id).touchpoints)
                item.setToolTip(f"Stored version: {tp_count} touchpoints")
            self.list.addItem(item)
            if version_id == keep:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """Id of the selected version, or None."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def select(self, version_id: str) -> None:
        """Select a version in the list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == version_id:
                self.list.setCurrentRow(row)

    # ----- operations (each one undo step) ----------------------------------------------------
    def save_copy(self, name: str) -> str | None:
        """Store a copy of the active map named ``name``; returns its id (None if refused)."""
        try:
            version_id = ops.save_as_version(self.document, name)
        except EditError as exc:
            self.error_reported.emit(str(exc))
            return None
        self.select(version_id)
        return version_id

    def switch_selected(self) -> bool:
        """Make the selected version the active map."""
        version_id = self.selected_id()
        if version_id is None:
            return False
        try:
            return ops.switch_version(self.document, version_id)
        except EditError as exc:
            self.error_reported.emit(str(exc))
            return False

    def rename(self, version_id: str, name: str) -> bool:
        """Rename a version."""
        try:
            return ops.rename_version(self.document, version_id, name)
        except EditError as exc:
            self.error_reported.emit(str(exc))
            return False

    def delete_selected(self) -> bool:
        """Delete the selected stored version."""
        version_id = self.selected_id()
        if version_id is None:
            return False
        try:
            ops.delete_version(self.document, version_id)
        except EditError as exc:
            self.error_reported.emit(str(exc))
            return False
        return True

    def ask_save_copy(self) -> None:
        """Ask for a name, then store a copy of the active map."""
        name, ok = QInputDialog.getText(self, "Save copy as version",
                                        "Name of the new version (e.g. To-be 2027):")
        if ok and name.strip():
            self.save_copy(name)

    def ask_rename(self) -> None:
        """Ask for a new name of the selected version."""
        version_id = self.selected_id()
        version = self.document.project.find_version(version_id or "")
        if version is None:
            return
        name, ok = QInputDialog.getText(self, "Rename version", "New name:", text=version.name)
        if ok and name.strip():
            self.rename(version.id, name)

    # ----- internals ---------------------------------------------------------------------------
    def _compare_selected(self) -> None:
        version_id = self.selected_id()
        if version_id is not None and version_id != self.document.project.version_id:
            self.compare_requested.emit(version_id)

    def _changed(self, target: str, _item_id: str, names: list[str]) -> None:
        if target == "project" and {"versions", "version_name", "version_id"} & set(names):
            self.refresh()

    def _update_buttons(self) -> None:
        version_id = self.selected_id()
        stored = version_id is not None and version_id != self.document.project.version_id
        for button in (self.switch_button, self.delete_button, self.compare_button):
            button.setEnabled(stored)
        self.rename_button.setEnabled(version_id is not None)
