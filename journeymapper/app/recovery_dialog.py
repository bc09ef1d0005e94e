"""At start-up, offer to restore the maps a crash or a kill left in the recovery folder.

``offer_recovery(parent, folder)`` lists the recoverable entries (see ``journeymapper.io.
recovery``), shows a dialog with the title, the original file and when each map last changed,
and a Restore and a Discard button per map. It returns the restored maps as ``(project,
original_path)`` pairs; each pair also carries ``.key`` so the new ``Autosaver`` takes the
entry over (it stays on disk until the map is saved or closed: a crash right after restoring
loses nothing). Discarded entries are deleted; undecided ones ("Decide later") are offered
again at the next start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymapper.io import recovery
from journeymapper.io.recovery import RecoveryEntry
from journeymapper.model import Project

ConfirmDiscard = Callable[[QWidget, RecoveryEntry], bool]


class Recovered(tuple[Project, Path | None]):
    """``(project, original_path)`` of a restored map, plus the recovery ``key``."""

    key: str

    def __new__(cls, project: Project, original_path: Path | None, key: str) -> Recovered:
        self = super().__new__(cls, (project, original_path))
        self.key = key
        return self

    @property
    def project(self) -> Project:
        """The restored map."""
        return self[0]

    @property
    def original_path(self) -> Path | None:
        """The file it was last saved to (None when never saved)."""
        return self[1]


def ask_confirm_discard(parent: QWidget, entry: RecoveryEntry) -> bool:
    """Default confirmation before unsaved work is thrown away for good."""
    answer = QMessageBox.question(
        parent, "Discard recovered changes",
        f"Throw away the unsaved changes to \u201c{entry.title}\u201d? This cannot be undone.",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


def describe_original(entry: RecoveryEntry) -> str:
    """Where the map was saved, for the dialog."""
    return str(entry.original_path) if entry.original_path else "never saved"


def describe_changed(entry: RecoveryEntry) -> str:
    """When it last changed, in local time."""
    return f"{entry.changed.astimezone():%Y-%m-%d %H:%M:%S}"


class RecoveryDialog(QDialog):
    """One row per recoverable map with Restore and Discard; closes once all are decided."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None, *,
                 confirm_discard: ConfirmDiscard | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved maps")
        self.entries = list(entries)
        self.restored: list[RecoveryEntry] = []
        self.discarded: list[RecoveryEntry] = []
        self._confirm_discard = confirm_discard
        self._rows: dict[str, QWidget] = {}
        self.restore_buttons: dict[str, QPushButton] = {}
        self.discard_buttons: dict[str, QPushButton] = {}

        intro = QLabel("Journeymapper did not close properly last time. These maps had "
                       "changes that were not saved; restore the ones you want to keep.")
        intro.setWordWrap(True)
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        for entry in self.entries:
            rows_layout.addWidget(self._row(entry))
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        buttons = QDialogButtonBox()
        self.later_button = buttons.addButton("Decide later",
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(640, min(160 + 90 * len(self.entries), 560))

    def _row(self, entry: RecoveryEntry) -> QWidget:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(f"<b>{_escape(entry.title)}</b><br>"
                      f"File: {_escape(describe_original(entry))}<br>"
                      f"Last changed: {describe_changed(entry)}")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        restore = QPushButton("Restore")
        discard = QPushButton("Discard")
        restore.clicked.connect(lambda: self.restore(entry.key))
        discard.clicked.connect(lambda: self.discard(entry.key))
        layout = QHBoxLayout(row)
        layout.addWidget(text, 1)
        layout.addWidget(restore)
        layout.addWidget(discard)
        self._rows[entry.key] = row
        self.restore_buttons[entry.key] = restore
        self.discard_buttons[entry.key] = discard
        return row

    def _entry(self, key: str) -> RecoveryEntry:
        return next(e for e in self.entries if e.key == key)

    def _open(self, key: str) -> bool:
        return all(e.key != key for e in self.restored + self.discarded)

    def restore(self, key: str) -> None:
        """Keep this map: it is opened once the dialog closes."""
        if not self._open(key):
            return
        self.restored.append(self._entry(key))
        self._decided(key)

    def discard(self, key: str) -> None:
        """Throw this map's unsaved changes away (after confirmation)."""
        entry = self._entry(key)
        confirm = self._confirm_discard or ask_confirm_discard
        if not self._open(key) or not confirm(self, entry):
            return
        recovery.remove_entry(entry.folder, entry.key)
        self.discarded.append(entry)
        self._decided(key)

    def _decided(self, key: str) -> None:
        self._rows[key].setEnabled(False)
        if len(self.restored) + len(self.discarded) == len(self.entries):
            self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run_dialog(dialog: RecoveryDialog) -> None:
    """Show the dialog modally (tests replace this to click through it)."""
    dialog.exec()


def offer_recovery(parent: QWidget | None, folder: Path | str) -> list[Recovered]:
    """Offer to restore what crashed instances left behind; returns the restored maps.

    Entries identical to their saved file are dropped silently (the save happened, only the
    clean-up did not). Nothing is shown when there is nothing to recover.
    """
    recovery.prune(folder)
    entries = []
    for entry in recovery.list_entries(folder):
        if entry.same_as_original():
            recovery.remove_entry(entry.folder, entry.key)
        else:
            entries.append(entry)
    if not entries:
        return []
    dialog = RecoveryDialog(entries, parent)
    run_dialog(dialog)
    result = []
    for entry in dialog.restored:
        # Claiming hides the entry from other instances; if it fails it is still restorable.
        with contextlib.suppress(OSError):
            recovery.claim_entry(entry)
        assert entry.project is not None
        result.append(Recovered(entry.project, entry.original_path, entry.key))
    return result
