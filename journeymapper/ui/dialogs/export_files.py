"""Where exports go: a file name from the map's title, the last export folder, and the
status-bar notice that offers to open what was written."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QStatusBar, QWidget

NOTICE_MS = 20_000
"""How long the "Open PDF / Open folder" links stay in the status bar."""
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_stem(title: str) -> str:
    """A file name (no extension) from a map title: characters no file system allows go."""
    stem = _UNSAFE.sub(" ", title).strip(" .")
    return " ".join(stem.split())[:80] or "journey map"


class ExchangeSettings:
    """The remembered export and import choices (folders, paper...) in the user's QSettings."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    def last_folder(self) -> str:
        """The folder of the last export ("" before the first)."""
        return str(self._store.value("export/last_folder", "") or "")

    def set_last_folder(self, folder: str | Path) -> None:
        """Remember the folder an export went to."""
        self._store.setValue("export/last_folder", str(folder))

    def last_import_folder(self) -> str:
        """The folder of the last file imported ("" before the first)."""
        return str(self._store.value("import/last_folder", "") or "")

    def set_last_import_folder(self, folder: str | Path) -> None:
        """Remember the folder a file was imported from."""
        self._store.setValue("import/last_folder", str(folder))

    def value(self, key: str, default: str = "") -> str:
        """Another remembered export choice (``pdf/page``...)."""
        return str(self._store.value(f"export/{key}", default) or default)

    def set_value(self, key: str, value: str) -> None:
        """Remember an export choice for the next export."""
        self._store.setValue(f"export/{key}", value)

    def suggestion(self, title: str, extension: str, fallback_folder: str = "") -> str:
        """``<last export folder>/<title>.<extension>``."""
        folder = self.last_folder() or fallback_folder or str(Path.home())
        return str(Path(folder) / f"{file_stem(title)}.{extension}")


def ask_save_path(parent: QWidget | None, caption: str, suggestion: str, file_filter: str,
                  extension: str) -> str:
    """Where to write an export ("" when cancelled); the extension is added when missing."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggestion, file_filter)
    if path and not path.lower().endswith(f".{extension.lower()}"):
        path += f".{extension}"
    return path


def open_in_desktop(path: str | Path) -> bool:
    """Open a file or folder with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportNotice(QLabel):
    """"Exported map.pdf - Open PDF - Open folder" in the status bar for a while."""

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__()
        self.setObjectName("export-notice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._open)
        self._bar = status_bar
        self._path: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()
        status_bar.addWidget(self)

    @property
    def path(self) -> Path | None:
        """The file the notice is about."""
        return self._path

    def show_file(self, path: str | Path, what: str) -> None:
        """Announce an export of kind ``what`` ("PDF") written to ``path``."""
        self._path = Path(path)
        name = self._path.name.replace("&", "&amp;").replace("<", "&lt;")
        self.setText(f"Exported <b>{name}</b> &nbsp; <a href='file'>Open {what}</a>"
                     f" &middot; <a href='folder'>Open folder</a>")
        self.setToolTip(str(self._path))
        # Normal status-bar widgets hide behind temporary messages: clear the one showing.
        self._bar.clearMessage()
        self.show()
        self._timer.start(NOTICE_MS)

    def _open(self, link: str) -> None:
        if self._path is not None:
            open_in_desktop(self._path if link == "file" else self._path.parent)
