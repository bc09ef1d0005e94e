"""FileGuard: locks on open, and changes on disk by someone else (driven by the watcher)."""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from journeymapper.app import file_guard
from journeymapper.app.file_guard import Choice, FileGuard
from journeymapper.document import Document, Kind
from journeymapper.io import dumps, load, save
from journeymapper.io.lock import LockInfo, lock_path, read_lock
from journeymapper.io.process import process_started

from .helpers import DEAD_PID, PYTHON, sample_project


class Answers:
    """Scripted answers to the guard's questions, with a record of what was asked."""

    def __init__(self, locked: Choice = Choice.OPEN, reload: bool = False) -> None:
        self.locked, self.reload = locked, reload
        self.asked: list[tuple[str, Any]] = []

    def ask_locked(self, parent: Any, path: Path, holder: LockInfo) -> Choice:
        self.asked.append(("locked", holder))
        return self.locked

    def ask_reload(self, parent: Any, path: Path, modified: bool) -> bool:
        self.asked.append(("reload", modified))
        return self.reload

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("inform", text))


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "shared" / "map.json"
    path.parent.mkdir()
    save(sample_project("Ours"), path)
    return path


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    child = subprocess.Popen([PYTHON, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    yield child
    child.kill()
    child.wait()


def open_guarded(qtbot, path: Path, answers: Answers) -> tuple[Document, FileGuard, Choice]:  # type: ignore[no-untyped-def]
    doc = Document()
    guard = FileGuard(doc, None, ask_locked=answers.ask_locked, ask_reload=answers.ask_reload,
                      inform=answers.inform, debounce_ms=20)
    choice = guard.opened(path)
    if choice is not Choice.CANCEL:
        doc.replace_project(load(path), path)
    return doc, guard, choice


def theirs_lock(path: Path, pid: int) -> LockInfo:
    info = dataclasses.replace(LockInfo.mine(), user="alice", pid=pid,
                               started=process_started(pid))
    lock_path(path).write_bytes(info.to_bytes())
    return info


def test_free_file_is_locked_and_released(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    _doc, guard, choice = open_guarded(qtbot, map_file, answers)
    assert choice is Choice.OPEN and answers.asked == []
    assert guard.lock_held and not guard.read_only
    assert read_lock(map_file).is_mine  # type: ignore[union-attr]
    guard.closed()
    assert not lock_path(map_file).exists()


@pytest.mark.parametrize("answer", [Choice.READ_ONLY, Choice.OPEN, Choice.CANCEL])
def test_locked_by_a_live_instance_asks(qtbot, map_file, other_process, answer) -> None:  # type: ignore[no-untyped-def]
    theirs = theirs_lock(map_file, other_process.pid)
    answers = Answers(locked=answer)
    _doc, guard, choice = open_guarded(qtbot, map_file, answers)
    assert choice is answer
    assert answers.asked == [("locked", theirs)]
    if answer is Choice.OPEN:  # open anyway: the lock is ours now
        assert guard.lock_held and read_lock(map_file).is_mine  # type: ignore[union-attr]
    else:  # read-only or cancel: their lock stays untouched
        assert not guard.lock_held and read_lock(map_file) == theirs
    assert guard.read_only is (answer is Choice.READ_ONLY)
    assert (guard.path is None) is (answer is Choice.CANCEL)
    guard.closed()
    assert lock_path(map_file).exists() is (answer is not Choice.OPEN)


def test_stale_lock_is_taken_over_without_asking(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    theirs_lock(map_file, DEAD_PID)
    answers = Answers()
    _doc, _guard, choice = open_guarded(qtbot, map_file, answers)
    assert choice is Choice.OPEN and answers.asked == []
    assert read_lock(map_file).is_mine  # type: ignore[union-attr]


def write_theirs(path: Path, title: str) -> bytes:
    """Another program saves the map (atomically, like we do)."""
    project = sample_project(title)
    save(project, path)
    return dumps(project)


def test_change_on_disk_reload_theirs(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(reload=True)
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    with qtbot.waitSignal(guard.reloaded, timeout=5000):
        write_theirs(map_file, "Theirs")
    assert answers.asked == [("reload", False)]
    assert doc.project.title == "Theirs" and not doc.is_modified
    assert not guard.changed_since_read()


def test_change_on_disk_keep_mine_marks_modified(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(reload=False)
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    with qtbot.waitSignals([guard.changed_on_disk, guard.kept, doc.modified_changed],
                           timeout=5000):
        write_theirs(map_file, "Theirs")
    assert doc.project.title == "Ours" and doc.is_modified
    doc.undo_stack.undo()  # nothing to undo, and the saved state is gone for good
    assert doc.is_modified
    with qtbot.waitSignal(guard.checked, timeout=5000) as checked:  # asked once, not again
        map_file.touch()
    assert checked.args == [False]
    assert answers.asked == [("reload", False)]


def test_in_place_edit_with_unsaved_work(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(reload=False)
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    doc.create(Kind.TOUCHPOINT, name="Mine", stage_id="purchase", lane_id="touchpoints")
    # A plain editor writing in place.
    with qtbot.waitSignal(guard.kept, timeout=5000), open(map_file, "r+b") as handle:
        handle.write(b" ")
    assert answers.asked == [("reload", True)]
    assert doc.is_modified


def test_our_own_save_is_not_taken_for_theirs(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    doc.edit("project", title="Ours, edited")
    with qtbot.waitSignal(guard.checked, timeout=5000) as checked:
        doc.save()
        guard.saved()
    assert checked.args == [False]
    with qtbot.waitSignal(guard.checked, timeout=5000) as checked:  # and again: watch re-added
        doc.edit("project", title="Ours, edited twice")
        doc.save()
        guard.saved()
    assert checked.args == [False]
    assert answers.asked == [] and not doc.is_modified


def test_same_bytes_as_ours_written_by_someone_else_is_no_conflict(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    doc.edit("project", title="Same on both sides")
    with qtbot.waitSignal(guard.checked, timeout=5000) as checked:
        map_file.write_bytes(dumps(doc.project))
    assert checked.args == [False] and answers.asked == []


def test_file_deleted_on_disk_marks_modified(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    with qtbot.waitSignals([guard.removed_on_disk, doc.modified_changed], timeout=5000):
        map_file.unlink()
    assert doc.is_modified and answers.asked == []
    answers.reload = True
    with qtbot.waitSignal(guard.reloaded, timeout=5000):  # and it comes back
        write_theirs(map_file, "Back again")
    assert doc.project.title == "Back again"


def test_reload_of_broken_file_keeps_ours(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(reload=True)
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    with qtbot.waitSignal(guard.kept, timeout=5000):
        map_file.write_bytes(b'{"title": ')
    assert answers.asked[0] == ("reload", False)
    assert answers.asked[1][0] == "inform" and "not valid JSON" in answers.asked[1][1]
    assert doc.project.title == "Ours" and doc.is_modified


def test_save_as_moves_lock_and_watch(qtbot, map_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    doc, guard, _ = open_guarded(qtbot, map_file, answers)
    copy = tmp_path / "copy.json"
    doc.save(copy)
    guard.saved()
    assert guard.path == copy and guard.lock_held
    assert not lock_path(map_file).exists() and read_lock(copy).is_mine  # type: ignore[union-attr]
    answers.reload = True
    with qtbot.waitSignal(guard.reloaded, timeout=5000):
        write_theirs(copy, "Theirs on the copy")
    assert doc.project.title == "Theirs on the copy"


def test_changed_since_read(qtbot, map_file: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers()
    _doc, guard, _ = open_guarded(qtbot, map_file, answers)
    assert not guard.changed_since_read()
    guard.closed()
    assert not guard.changed_since_read()
    guard.opened(map_file)
    write_theirs(map_file, "Sneaky")
    assert guard.changed_since_read()


@pytest.mark.parametrize(("button", "expected"), [("Open Read-Only", Choice.READ_ONLY),
                                                  ("Open Anyway", Choice.OPEN),
                                                  ("Cancel", Choice.CANCEL)])
def test_default_locked_question(qtbot, monkeypatch, button: str, expected: Choice) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    def click(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    holder = dataclasses.replace(LockInfo.mine(), user="alice", host="laptop-3")
    assert file_guard.ask_locked_dialog(None, Path("map.json"), holder) is expected
    assert "map.json" in shown[0] and "alice on laptop-3" in shown[0]


@pytest.mark.parametrize(("button", "expected"), [("Reload Theirs", True), ("Keep Mine", False)])
def test_default_reload_question(qtbot, monkeypatch, button: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    def click(box: QMessageBox) -> int:
        assert "unsaved changes" in box.informativeText()
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    assert file_guard.ask_reload_dialog(None, Path("map.json"), True) is expected
