"""The Open Recent list: newest first, no duplicates, at most ten entries."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal

from journeymapper.app.settings import AppSettings

MAX_RECENT = 10


class RecentFiles(QObject):
    """Recently opened or saved project files, stored in the settings."""

    changed = Signal()
    """The list changed."""

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    def paths(self) -> list[str]:
        """The files, newest first."""
        return self._settings.recent_files()

    def add(self, path: str) -> None:
        """Put a file at the top of the list."""
        path = os.path.abspath(path)
        paths = [path, *(p for p in self.paths() if p != path)][:MAX_RECENT]
        self._set(paths)

    def remove(self, path: str) -> None:
        """Forget a file (it could not be opened)."""
        self._set([p for p in self.paths() if p != os.path.abspath(path)])

    def clear(self) -> None:
        """Forget every file."""
        self._set([])

    def _set(self, paths: list[str]) -> None:
        if paths != self.paths():
            self._settings.set_recent_files(paths)
            self.changed.emit()
