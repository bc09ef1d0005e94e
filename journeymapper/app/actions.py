"""The main window's commands as QActions, with standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from journeymapper.ui.canvas.palette import ENTRIES, Entry, entry_icon

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

Key = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str | list[QKeySequence]


def make_action(parent: QObject, text: str, slot: Callable[[], object] | None = None,
                shortcut: Shortcut | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
    """A QAction with a shortcut (standard key or text) and a status tip."""
    action = QAction(text, parent)
    if isinstance(shortcut, list | QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setCheckable(checkable)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


class Actions:
    """Every command of the main window, built once and shared by menus and the palette."""

    def __init__(self, window: MainWindow) -> None:
        w, view, stack = window, window.view, window.document.undo_stack
        a = make_action
        # File
        self.new = a(w, "&Blank map", lambda: w.new_project(None), Key.New,
                     "Start a new journey map")
        self.open = a(w, "&Open\u2026", w.open_file, Key.Open, "Open a journey map file")
        self.save = a(w, "&Save", w.save, Key.Save, "Save the map")
        self.save_as = a(w, "Save &As\u2026", w.save_as, Key.SaveAs, "Save under another name")
        self.close = a(w, "&Close", w.close_document, Key.Close, "Close the map")
        self.quit = a(w, "&Quit", w.close, Key.Quit, "Quit Journeymapper")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo = stack.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(Key.Undo)
        self.redo = stack.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(Key.Redo)
        self.cut = a(view, "Cu&t", view.cut, Key.Cut, "Cut the selected cards")
        self.copy = a(view, "&Copy", view.copy, Key.Copy, "Copy the selected cards")
        self.paste = a(view, "&Paste", view.paste, Key.Paste, "Paste cards into the focused cell")
        self.duplicate = a(view, "D&uplicate", view.duplicate, "Ctrl+D",
                           "Duplicate the selected cards")
        self.select_all = a(view, "Select &All", view.select_all, Key.SelectAll,
                            "Select every card")
        self.delete = a(view, "&Delete", view.delete_selected,
                        [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
                        "Delete the selection")
        self.rename = a(view, "&Rename", view.rename, "F2", "Rename the focused card or stage")
        self.link = a(view, "&Link Selected Touchpoints", w.link_selected, "Ctrl+L",
                      "Link the selected touchpoints in the order they were picked")
        self.move = {d: a(view, f"Move {d.title()}", lambda d=d: view.move_selected(d),
                          f"Alt+{d.title()}", f"Move the selection {d}")
                     for d in ("left", "right", "up", "down")}
        for action in (self.cut, self.copy, self.paste, self.duplicate, self.select_all,
                       self.delete, self.rename, self.link, *self.move.values()):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        # View
        self.zoom_in = a(w, "Zoom &In", view.zoom_in,
                         [*QKeySequence.keyBindings(Key.ZoomIn), QKeySequence("Ctrl+=")],
                         "Zoom in")
        self.zoom_out = a(w, "Zoom &Out", view.zoom_out, Key.ZoomOut, "Zoom out")
        self.zoom_reset = a(w, "&Actual Size", view.reset_zoom, "Ctrl+1", "Zoom to 100%")
        self.fit = a(w, "&Fit to Window", view.fit_to_window, "Ctrl+0", "Show the whole map")
        self.presentation = a(w, "&Presentation Mode", None, "F11",
                              "Full screen, only the map: for the projector", checkable=True)
        self.presentation.toggled.connect(w.set_presentation_mode)
        self.snap = a(w, "&Snap to Grid", None, "Ctrl+G", "Snap cards to a grid", checkable=True)
        self.snap.toggled.connect(w.set_snap)
        # Insert: the palette's entries, at the keyboard focus
        self.insert: dict[Entry, QAction] = {}
        for entry in ENTRIES:
            action = a(w, entry.label, lambda e=entry: w.insert(e), tip=f"Add a {entry.label}")
            action.setIcon(entry_icon(entry))
            self.insert[entry] = action
