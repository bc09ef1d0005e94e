"""Shared files: lock the open map, and notice when someone else changes it on disk.

``FileGuard(document, parent_widget)`` is a small helper the main window drives:

- ``guard.opened(path) -> Choice`` before loading a file: takes the lock (``journeymapper.io.
  lock``); when another live Journeymapper or another user holds it, asks whether to open
  read-only, open anyway or cancel, and returns the answer. Then watches the file.
- ``guard.saved()`` after every successful ``document.save()``: remembers the bytes now on disk
  (so our own save is not taken for someone else's), and moves lock and watch on a "Save As".
- ``guard.closed()`` when the map is closed: releases the lock, stops watching.

When the file changes on disk and the bytes differ from those we last read or wrote, the user
is asked to reload theirs or keep theirs; keeping marks the document modified (a save will
overwrite the file). A file deleted on disk marks the document modified too. Every question
goes through a replaceable callable (``ask_locked``, ``ask_reload``, ``inform``) so tests and
other front ends answer without message boxes.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from journeymapper import io
from journeymapper.app.dialogs import ask_choice
from journeymapper.document import Document
from journeymapper.io import lock
from journeymapper.io.lock import LockInfo


class Choice(enum.Enum):
    """How to open a map."""

    OPEN = "open"
    """Edit it (it was free, or the user chose to open it anyway)."""
    READ_ONLY = "read_only"
    """Look without editing: no lock is taken; the main window should only allow Save As."""
    CANCEL = "cancel"
    """Do not open it."""


AskLocked = Callable[[QWidget | None, Path, LockInfo], Choice]
AskReload = Callable[[QWidget | None, Path, bool], bool]
Inform = Callable[[QWidget | None, str, str], None]


def ask_locked_dialog(parent: QWidget | None, path: Path, holder: LockInfo) -> Choice:
    """Default question when the map is locked by someone else."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Map in use", "", parent=parent)
    box.setText(f"\u201c{path.name}\u201d is open in {holder.describe()}.")
    box.setInformativeText(
        "If you both edit it, whoever saves last overwrites the other's changes. Open it "
        "read-only to look at it, or open it anyway if that copy is no longer in use.")
    box.addButton(QMessageBox.StandardButton.Cancel)
    return ask_choice(box, [
        ("Open Read-Only", QMessageBox.ButtonRole.AcceptRole, Choice.READ_ONLY),
        ("Open Anyway", QMessageBox.ButtonRole.DestructiveRole, Choice.OPEN)], Choice.CANCEL)


def ask_reload_dialog(parent: QWidget | None, path: Path, modified: bool) -> bool:
    """Default question when the file changed on disk; True reloads theirs."""
    box = QMessageBox(QMessageBox.Icon.Question, "Map changed on disk", "", parent=parent)
    box.setText(f"\u201c{path.name}\u201d was changed on disk by another program or person.")
    box.setInformativeText(
        "Reload their version (your unsaved changes are lost), or keep yours (saving will "
        "overwrite theirs)?" if modified else
        "Reload their version, or keep yours (saving will overwrite theirs)?")
    reload = box.addButton("Reload Theirs", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep if modified else reload)
    box.exec()
    return box.clickedButton() is reload


def inform_dialog(parent: QWidget | None, title: str, text: str) -> None:
    """Default notice."""
    QMessageBox.warning(parent, title, text)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Missing(enum.Enum):
    MISSING = "missing"
    UNREADABLE = "unreadable"


class FileGuard(QObject):
    """Lock and watch the file of one document; see the module docstring for the protocol."""

    changed_on_disk = Signal(str)
    """(path): someone else changed the file; emitted before the user is asked."""
    reloaded = Signal(str)
    """(path): the user chose their version; the document was reloaded from disk."""
    kept = Signal(str)
    """(path): the user kept their version; the document is marked modified."""
    removed_on_disk = Signal(str)
    """(path): the file was deleted or moved away; the document is marked modified."""
    checked = Signal(bool)
    """(changed): a look at the file after a watcher event is done; True if it had changed."""

    def __init__(self, document: Document, parent_widget: QWidget | None = None, *,
                 ask_locked: AskLocked = ask_locked_dialog,
                 ask_reload: AskReload = ask_reload_dialog,
                 inform: Inform = inform_dialog, debounce_ms: int = 150) -> None:
        super().__init__(document)
        self.document = document
        self.parent_widget = parent_widget
        self.ask_locked = ask_locked
        self.ask_reload = ask_reload
        self.inform = inform
        self.path: Path | None = None
        self.read_only = False
        self.lock_held = False
        self._digest: str | None = None
        self._busy = False
        self._missed = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._debounced)

    # ----- what the main window calls ------------------------------------------------------
    def opened(self, path: Path | str) -> Choice:
        """Call before loading ``path``: lock it (asking if someone else has it) and watch it."""
        self.closed()
        path = Path(path)
        choice = Choice.OPEN
        other = self._acquire(path, force=False)
        if other is not None:
            choice = self.ask_locked(self.parent_widget, path, other)
            if choice is Choice.CANCEL:
                return choice
            if choice is Choice.OPEN:
                self._acquire(path, force=True)
        self.read_only = choice is Choice.READ_ONLY
        self._watch(path)
        return choice

    def saved(self) -> None:
        """Call after every successful save of the document (also Save As)."""
        path = self.document.path
        if path is None:
            return
        if self.path is None or not _same_file(path, self.path):
            self.closed()
            self._acquire(path, force=True)
            self._watch(path)
            return
        self._remember()
        self._rewatch()

    def closed(self) -> None:
        """Call when the map is closed (or another is opened): release the lock, stop watching."""
        self._debounce.stop()
        if self.path is not None:
            watched = self._watcher.files() + self._watcher.directories()
            if watched:
                self._watcher.removePaths(watched)
            if self.lock_held:
                lock.release(self.path)
        self.path = None
        self.read_only = False
        self.lock_held = False
        self._digest = None

    def changed_since_read(self) -> bool:
        """The file on disk differs from what we last read or wrote (check before saving)."""
        if self.path is None:
            return False
        now = self._read()
        return (None if isinstance(now, _Missing) else _digest(now)) != self._digest

    def check_now(self) -> None:
        """Compare the file with what we know; ask the user when someone else changed it."""
        self._debounce.stop()
        if self.path is None:
            return
        if self._busy:
            self._missed = True
            return
        self._rewatch()
        path, raw = self.path, self._read()
        if raw is _Missing.UNREADABLE or (not isinstance(raw, _Missing)
                                          and _digest(raw) == self._digest):
            self.checked.emit(False)
            return
        if raw is _Missing.MISSING:
            gone = self._digest is not None
            if gone:
                self._digest = None
                self._mark_modified()
                self.removed_on_disk.emit(str(path))
            self.checked.emit(gone)
            return
        assert isinstance(raw, bytes)
        if raw == io.dumps(self.document.project):  # it holds exactly our map
            self._digest = _digest(raw)
            self.checked.emit(False)
            return
        self._handle_change(path)
        self.checked.emit(True)
        if self._missed:
            self._missed = False
            self._debounce.start()

    # ----- internals -----------------------------------------------------------------------
    def _handle_change(self, path: Path) -> None:
        self.changed_on_disk.emit(str(path))
        self._busy = True
        try:
            reload = self.ask_reload(self.parent_widget, path, self.document.is_modified)
        finally:
            self._busy = False
        if self.path != path:
            return  # closed or moved while the question was open
        raw = self._read()
        if reload and isinstance(raw, bytes):
            try:
                project = io.parse(raw, path)
            except io.ProjectFileError as exc:
                self.inform(self.parent_widget, "Cannot reload",
                            f"The version on disk is not a valid map; yours is kept.\n\n{exc}")
            else:
                self._digest = _digest(raw)
                self.document.replace_project(project, path, modified=False)
                self.reloaded.emit(str(path))
                return
        self._digest = None if isinstance(raw, _Missing) else _digest(raw)
        self._mark_modified()
        self.kept.emit(str(path))

    def _acquire(self, path: Path, *, force: bool) -> LockInfo | None:
        try:
            other = lock.acquire(path, force=force)
        except OSError:
            self.lock_held = False  # a read-only share: work without a lock
            return None
        self.lock_held = other is None
        return other

    def _watch(self, path: Path) -> None:
        self.path = path
        self._remember()
        self._rewatch()

    def _rewatch(self) -> None:
        if self.path is None:
            return
        # An atomic replace (ours or theirs) drops the watch on the old file: add it again.
        for p in (self.path, self.path.parent):
            name = str(p)
            if p.exists() and name not in self._watcher.files() + self._watcher.directories():
                self._watcher.addPath(name)

    def _remember(self) -> None:
        raw = self._read()
        self._digest = None if isinstance(raw, _Missing) else _digest(raw)

    def _read(self) -> bytes | _Missing:
        assert self.path is not None
        try:
            with open(self.path, "rb") as handle:
                return handle.read(io.MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return _Missing.MISSING
        except OSError:
            return _Missing.UNREADABLE

    def _mark_modified(self) -> None:
        # The saved state no longer matches the disk; undo can never reach "clean" again.
        self.document.undo_stack.resetClean()

    @Slot(str)
    def _poke(self, _path: str) -> None:
        # getattr: Qt may deliver a late event while Python tears the guard down.
        if getattr(self, "path", None) is not None:
            self._debounce.start()

    @Slot()
    def _debounced(self) -> None:
        if getattr(self, "path", None) is not None:
            self.check_now()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
