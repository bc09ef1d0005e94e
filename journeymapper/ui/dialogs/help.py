"""Help: the About box and the keyboard shortcut sheet.

The sheet is built from the window's own QActions each time it opens, so it lists exactly the
shortcuts that work, with the menu each command lives in, and never goes stale.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import journeymapper

LICENCE = "MIT"
OTHER = "Other"


def about_text() -> str:
    """The About box's text (HTML): versions of the app, Python, Qt and PySide."""
    return (f"<h3>Journeymapper {journeymapper.__version__}</h3>"
            "<p>A desktop designer of customer journey maps: stages, touchpoints, personas, "
            "budgets and deadlines, exported as PDF, spreadsheets, slides and pictures.</p>"
            f"<p>Open source under the {LICENCE} licence.</p>"
            f"<p>Python {platform.python_version()} &middot; Qt {qVersion()} &middot; "
            f"PySide6 {PySide6.__version__}</p>")


def show_about(parent: QWidget) -> None:
    """The About box."""
    QMessageBox.about(parent, "About Journeymapper", about_text())


def plain(text: str) -> str:
    """A menu text without its ``&`` mnemonic and trailing ellipsis: ``&Save As…`` ->
    ``Save As``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026.")


def typed(sequence: QKeySequence) -> bool:
    """False for the dedicated keys of special keyboards (Save, Open, Zoom In, the F13-F35
    Copy/Paste keys of Sun keyboards...) that the standard shortcuts also bind: nobody looks
    for those on a shortcut sheet."""
    return not sequence.isEmpty() and sequence[0].key().value < Qt.Key.Key_F13.value


def keys_of(action: QAction) -> str:
    """The action's shortcuts as the platform writes them: ``Ctrl+S``, ``Del, Backspace``."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in action.shortcuts() if typed(s))


def _menu_actions(menu: QMenu, path: str, seen: set[int],
                  rows: list[tuple[str, str, str]]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            _menu_actions(sub, f"{path} \u203a {plain(sub.title())}", seen, rows)
            continue
        seen.add(id(action))
        if keys_of(action):
            rows.append((path, plain(action.text()), keys_of(action)))


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every action of the window that has a shortcut: the menu bar's
    in menu order, then those outside any menu (canvas-only keys, dock toggles)."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            found: list[tuple[str, str, str]] = []
            _menu_actions(menu, plain(menu.title()), seen, found)
            # The menu's own commands first, then each submenu's (File before File > New).
            rows += sorted(found, key=lambda row: row[0] != plain(menu.title()))
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.text() and keys_of(action):
            seen.add(id(action))
            rows.append((OTHER, plain(action.text()), keys_of(action)))
    return rows


class ShortcutSheet(QDialog):
    """Every keyboard shortcut of the window, grouped by menu, with a filter."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcut-sheet")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by command or key\u2026")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Command", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in shortcut_rows(window):
            parent_item = groups.get(group)
            if parent_item is None:
                parent_item = groups[group] = QTreeWidgetItem([group])
                parent_item.setFirstColumnSpanned(True)
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(parent_item)
            parent_item.addChild(QTreeWidgetItem([text, keys]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def shown_rows(self) -> list[tuple[str, str]]:
        """(command, keys) of the rows not filtered out."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if not child.isHidden():
                    rows.append((child.text(0), child.text(1)))
        return rows

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                child = group.child(j)
                hit = not wanted or any(wanted in child.text(c).casefold() for c in (0, 1))
                child.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)
