"""Nothing lost: the main window's autosave, file lock/watch and crash recovery, together.

The window calls ``opening``/``open_failed``/``saved``/``closed``/``shutdown`` at those moments;
everything else (timers, watchers, lock files, dialogs) lives in the pieces wired here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths

from journeymapper.app.autosave import Autosaver
from journeymapper.app.file_guard import Choice, FileGuard
from journeymapper.app.recovery_dialog import Recovered, offer_recovery

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

# Lets a test (or a portable install) keep recovery files out of the user's data folder.
RECOVERY_ENV = "JOURNEYMAPPER_RECOVERY_DIR"


def recovery_folder() -> Path:
    """Where autosaved copies of open maps live until they are saved or closed."""
    if override := os.environ.get(RECOVERY_ENV):
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Safety(QObject):
    """Autosave, lock and watch of one window's document."""

    def __init__(self, window: MainWindow, folder: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder or recovery_folder()
        self.autosaver = Autosaver(window.document, self.folder, parent=self)
        self.guard = FileGuard(window.document, window)
        for signal in (self.autosaver.failed, self.guard.reloaded, self.guard.kept,
                       self.guard.removed_on_disk):
            signal.connect(window.show_status)

    @property
    def read_only(self) -> bool:
        """The user chose to open someone else's locked map read-only: Save means Save As."""
        return self.guard.read_only

    def opening(self, path: Path | str) -> bool:
        """Before loading: lock the file, asking when another instance has it. False: cancel."""
        return self.guard.opened(path) is not Choice.CANCEL

    def open_failed(self) -> None:
        """The file could not be loaded after all: release what ``opening`` took."""
        self.guard.closed()

    def saved(self) -> None:
        """After every successful save (also Save As)."""
        self.guard.saved()

    def closed(self) -> None:
        """The map was closed or replaced by a new one."""
        self.guard.closed()

    def shutdown(self) -> None:
        """The window closes for good: nothing left to recover, no lock left behind."""
        self.guard.closed()
        self.autosaver.discard()

    def restore(self, recovered: Recovered) -> None:
        """Show a map restored from the recovery folder, marked unsaved."""
        self.autosaver.adopt(recovered.key)
        if recovered.original_path is not None:
            self.guard.opened(recovered.original_path)
        self.window.document.replace_project(recovered.project, recovered.original_path,
                                             modified=True)

    def offer_recovery(self) -> list[Recovered]:
        """Ask about maps a crash left behind; returns those the user restored."""
        return offer_recovery(self.window, self.folder)
