"""Persistent preferences in QSettings: window layout, recent files, snapping, last folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Journeymapper"
APPLICATION = "Journeymapper"
THEME_KEY = "appearance/theme"


class AppSettings:
    """Typed access to the user's QSettings (INI format, user scope).

    Tests point QSettings at a temporary folder with ``QSettings.setPath``.
    """

    def __init__(self) -> None:
        self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                ORGANISATION, APPLICATION)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        """The main window's saved dock and toolbar layout."""
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock layout."""
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        value = self._store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if v]

    def set_recent_files(self, paths: list[str]) -> None:
        """Store the recent files list."""
        self._store.setValue("files/recent", list(paths))

    def last_folder(self) -> str:
        """Where the last file was opened or saved."""
        return str(self._store.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        """Remember the folder of the last file opened or saved."""
        self._store.setValue("files/last_folder", folder)

    def theme(self) -> str:
        """The theme picked in View > Theme ("system", "light", "dark"; empty: never picked)."""
        return str(self._store.value(THEME_KEY, "") or "")

    def snap_to_grid(self) -> bool:
        """Whether dragging snaps to the grid."""
        return str(self._store.value("canvas/snap", "false")).lower() == "true"

    def set_snap_to_grid(self, on: bool) -> None:
        """Remember the snapping toggle."""
        self._store.setValue("canvas/snap", "true" if on else "false")
