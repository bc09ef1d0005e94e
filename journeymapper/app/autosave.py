"""Autosave: keep a recovery copy of every modified map, a few seconds behind the last edit.

``Autosaver(document, folder)`` watches the document. A few seconds (``delay_ms``) after the
last edit it writes the map and a sidecar to the recovery folder (see ``journeymapper.io.
recovery``); while edits keep coming it still writes at least every ``max_delay_ms``. The entry
disappears when the map is saved cleanly, undone back to its saved state, replaced by another
file, or closed with ``discard()``. So a recovery entry exists exactly while there is work that
only lives in memory; after a crash or a kill the next start finds it and offers to restore it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from journeymapper.document import Document
from journeymapper.io import dumps, recovery
from journeymapper.io.atomic import describe_os_error

DEFAULT_DELAY_MS = 3000
DEFAULT_MAX_DELAY_MS = 30000


class Autosaver(QObject):
    """Writes the document to a recovery entry shortly after edits; removes it when saved."""

    written = Signal(str)
    """(path of the recovery project file): a recovery copy was written."""
    removed = Signal()
    """The recovery entry was deleted (clean save, undo to the saved state, discard)."""
    failed = Signal(str)
    """(message): the recovery copy could not be written; it is retried later."""

    def __init__(self, document: Document, folder: Path | str, *,
                 delay_ms: int = DEFAULT_DELAY_MS, max_delay_ms: int = DEFAULT_MAX_DELAY_MS,
                 key: str | None = None, parent: QObject | None = None) -> None:
        """``key`` takes over an existing entry (one restored by ``offer_recovery``)."""
        super().__init__(parent if parent is not None else document)
        self.document = document
        self.folder = Path(folder)
        self.delay_ms = delay_ms
        self.max_delay_ms = max(max_delay_ms, delay_ms)
        self.key = key or recovery.new_key()
        self._has_entry = key is not None
        self._last_written: tuple[bytes, str, str] | None = None
        self._pending_since: float | None = None
        self._urgent = False
        self._active = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._connect(True)
        if document.is_modified:
            self._schedule(0)  # restored work: protect it at once

    # ----- what the app calls --------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """An edit is waiting to be written."""
        return self._timer.isActive()

    @property
    def data_path(self) -> Path:
        """Where the recovery copy of this document goes."""
        return self.folder / f"{self.key}{recovery.DATA_SUFFIX}"

    def write_now(self) -> bool:
        """Write the recovery copy now if the document is modified; True when written."""
        self._timer.stop()
        self._pending_since = None
        self._urgent = False
        modified = self._modified()
        if modified is None:
            return False
        if not modified:
            self._remove()
            return False
        data = dumps(self.document.project)
        path = self.document.path
        state = (data, str(path or ""), self.document.project.title)
        if state == self._last_written and self.data_path.exists():
            return False
        try:
            recovery.write_entry(self.folder, self.key, data, title=self.document.project.title,
                                 original_path=path)
        except OSError as exc:
            self._schedule(self.max_delay_ms)
            self.failed.emit(f"Autosave to {self.folder} failed: {describe_os_error(exc)}")
            return False
        self._has_entry = True
        self._last_written = state
        self.written.emit(str(self.data_path))
        return True

    def adopt(self, key: str) -> None:
        """Take over an existing entry (a map restored by ``offer_recovery``): from now on this
        document is written there, and it is removed when the map is saved or closed."""
        if key == self.key:
            return
        old_key, had_entry = self.key, self._has_entry
        self.key, self._has_entry, self._last_written = key, True, None
        if self._modified():
            self.write_now()  # the work is in the new entry before the old one goes
        if had_entry:
            try:
                recovery.remove_entry(self.folder, old_key)
            except OSError as exc:
                self.failed.emit(f"Could not remove a recovery copy: {describe_os_error(exc)}")

    def flush(self) -> None:
        """Write at once if an edit is pending (e.g. before a risky operation)."""
        if self.pending:
            self.write_now()

    def discard(self) -> None:
        """The document is being closed (saved or changes thrown away): remove the entry and
        stop watching."""
        if self._active:
            self._connect(False)
        self._active = False
        self._timer.stop()
        self._remove()

    # ----- internals -----------------------------------------------------------------------
    def _connect(self, on: bool) -> None:
        doc = self.document
        pairs = [(doc.undo_stack.indexChanged, self._edited),
                 (doc.item_added, self._edited), (doc.item_removed, self._edited),
                 (doc.item_changed, self._edited), (doc.items_reordered, self._edited),
                 (doc.path_changed, self._edited), (doc.project_replaced, self._replaced),
                 (doc.modified_changed, self._modified_changed)]
        for signal, slot in pairs:
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def _modified(self) -> bool | None:
        """Whether the document is modified; None once it (or we) stopped working."""
        # While Python tears down a document and its autosaver together, Qt may still deliver
        # signals of the dying undo stack: our attributes or its C++ objects may be gone.
        if not getattr(self, "_active", False):
            return None
        try:
            return self.document.is_modified
        except (RuntimeError, AttributeError):
            self._active = False
            return None

    def _schedule(self, delay_ms: int) -> None:
        if not self._active or (self._urgent and self._timer.isActive()):
            return
        self._urgent = delay_ms == 0
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        left_ms = self.max_delay_ms - (now - self._pending_since) * 1000.0
        self._timer.start(int(max(0.0, min(float(delay_ms), left_ms))))

    @Slot()
    def _timed_out(self) -> None:
        if self._modified() is not None:
            self.write_now()

    @Slot()
    def _edited(self) -> None:
        if self._modified():
            self._schedule(self.delay_ms)

    @Slot()
    def _replaced(self) -> None:
        if self._modified():
            self._schedule(0)

    @Slot(bool)
    def _modified_changed(self, modified: bool) -> None:
        if self._modified() is None:
            return
        if modified:
            self._schedule(self.delay_ms)
        else:
            self._timer.stop()
            self._pending_since = None
            self._remove()

    def _remove(self) -> None:
        if not self._has_entry:
            return
        try:
            recovery.remove_entry(self.folder, self.key)
        except OSError as exc:
            self.failed.emit(f"Could not remove the recovery copy: {describe_os_error(exc)}")
            return
        self._has_entry = False
        self._last_written = None
        self.removed.emit()
