"""Autosave: recovery copies a few seconds behind the edits, gone once the work is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from journeymapper.app.autosave import Autosaver
from journeymapper.document import Document, Kind
from journeymapper.io import dumps, recovery, save

from .helpers import PYTHON, python_child_env, sample_project

DELAY = 40


def add_card(doc: Document, name: str = "Checkout page") -> str:
    return doc.create(Kind.TOUCHPOINT, name=name, stage_id="purchase", lane_id="touchpoints")


def entries(folder: Path) -> list[recovery.RecoveryEntry]:
    return recovery.list_entries(folder, include_running=True)


def test_edit_is_written_after_the_delay(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project())
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=DELAY)
    assert not saver.pending and not (tmp_path / "recovery").exists()
    with qtbot.waitSignal(saver.written, timeout=3000) as blocker:
        add_card(doc)
        assert saver.pending
    assert blocker.args == [str(saver.data_path)]
    [entry] = entries(tmp_path / "recovery")
    assert entry.project == doc.project
    assert entry.key == saver.key and entry.original_path is None
    assert recovery.list_entries(tmp_path / "recovery") == []  # we are alive


def test_recovery_file_follows_the_latest_edit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project(), tmp_path / "map.json")
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=DELAY)
    with qtbot.waitSignal(saver.written, timeout=3000):
        tp = add_card(doc)
    with qtbot.waitSignal(saver.written, timeout=3000):
        doc.edit(Kind.TOUCHPOINT, tp, budget="99.95")
        doc.edit("project", title="Renamed map")
    [entry] = entries(tmp_path / "recovery")
    assert entry.title == "Renamed map"
    assert entry.original_path == tmp_path / "map.json"
    assert entry.project.touchpoints[-1].budget == Decimal("99.95")  # type: ignore[union-attr]


def test_clean_save_removes_the_entry(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project(), tmp_path / "map.json")
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=DELAY)
    with qtbot.waitSignal(saver.written, timeout=3000):
        add_card(doc)
    with qtbot.waitSignal(saver.removed, timeout=1000):
        doc.save()
    assert list((tmp_path / "recovery").iterdir()) == []
    with qtbot.waitSignal(saver.written, timeout=3000):
        add_card(doc, "Another")  # editing again protects the new work again
    assert len(entries(tmp_path / "recovery")) == 1


def test_undo_to_the_saved_state_removes_the_entry(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project())
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=DELAY)
    with qtbot.waitSignal(saver.written, timeout=3000):
        add_card(doc)
    with qtbot.waitSignal(saver.removed, timeout=1000):
        doc.undo_stack.undo()
    assert not doc.is_modified
    with qtbot.assertNotEmitted(saver.written, wait=3 * DELAY):
        pass
    assert entries(tmp_path / "recovery") == []


def test_discard_on_close(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project())
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=DELAY)
    with qtbot.waitSignal(saver.written, timeout=3000):
        add_card(doc)
    with qtbot.waitSignal(saver.removed, timeout=1000):
        saver.discard()
    with qtbot.assertNotEmitted(saver.written, wait=3 * DELAY):
        add_card(doc, "After close")
    assert entries(tmp_path / "recovery") == []


def test_continuous_editing_still_writes_by_the_max_delay(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project())
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=300, max_delay_ms=600)
    tp = add_card(doc)
    typing = QTimer()
    typing.setInterval(30)
    count = iter(range(10**6))
    typing.timeout.connect(lambda: doc.edit(Kind.TOUCHPOINT, tp, merge=True,
                                            notes=f"typing {next(count)}"))
    typing.start()
    started = time.monotonic()
    try:
        with qtbot.waitSignal(saver.written, timeout=5000):
            pass
    finally:
        typing.stop()
    assert time.monotonic() - started < 2.0
    assert entries(tmp_path / "recovery")[0].project.touchpoints[-1].notes.startswith("typing")  # type: ignore[union-attr]


def test_restored_work_is_written_at_once_and_takes_over_the_entry(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "recovery"
    old = recovery.write_entry(folder, recovery.new_key(), dumps(sample_project("Restored")),
                               title="Restored", original_path=None)
    doc = Document()
    doc.replace_project(sample_project("Restored"), None, modified=True)
    saver = Autosaver(doc, folder, delay_ms=60_000, key=old.key)
    with qtbot.waitSignal(saver.written, timeout=1000):
        pass  # no edit and a minute of delay: restored work is protected at once
    assert [e.key for e in entries(folder)] == [old.key]
    with qtbot.waitSignal(saver.removed, timeout=1000):
        doc.save(tmp_path / "restored.json")
    assert list(folder.iterdir()) == []


def test_replace_project_with_restored_work_writes_at_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document()
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=60_000)
    with qtbot.waitSignal(saver.written, timeout=1000):
        doc.replace_project(sample_project("Recovered"), None, modified=True)
    with qtbot.waitSignal(saver.removed, timeout=1000):
        doc.replace_project(sample_project("Opened"), tmp_path / "other.json")


def test_write_failure_is_reported_and_retried(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_bytes(b"")
    doc = Document(sample_project())
    saver = Autosaver(doc, blocker_file / "recovery", delay_ms=DELAY, max_delay_ms=DELAY)
    with qtbot.waitSignal(saver.failed, timeout=3000) as blocker:
        add_card(doc)
    assert "Autosave" in blocker.args[0]
    assert saver.pending  # tries again later
    blocker_file.unlink()
    blocker_file.mkdir()
    with qtbot.waitSignal(saver.written, timeout=3000):
        pass
    assert len(entries(blocker_file / "recovery")) == 1


def test_flush_writes_pending_edit_now(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(sample_project())
    saver = Autosaver(doc, tmp_path / "recovery", delay_ms=60_000)
    add_card(doc)
    with qtbot.waitSignal(saver.written, timeout=1000):
        saver.flush()
    assert not saver.pending
    assert not saver.write_now()  # nothing new


# ----- a real crash: the process is killed right after its recovery copy is written --------

CRASHING_EDITOR = r"""
import os, signal, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from journeymapper.app.autosave import Autosaver
from journeymapper.document import Document, Kind
doc = Document(path=sys.argv[2])
saver = Autosaver(doc, sys.argv[1], delay_ms=50)
doc.edit("project", title="Workshop in progress")
tp = doc.create(Kind.TOUCHPOINT, name="Checkout page", stage_id="purchase",
                lane_id="touchpoints")
doc.edit(Kind.TOUCHPOINT, tp, budget="120.50", owner="Ana")
writes = []

def written(path):
    writes.append(path)
    if len(writes) == 1:  # keep working after the first autosave...
        doc.create(Kind.NOTE, text="Queue is too long", stage_id="purchase",
                   lane_id="pain-points")
    else:  # ...and die without warning right after the second
        print("written", path, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

saver.written.connect(written)
app.exec()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_editor_leaves_a_restorable_entry(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    original = tmp_path / "workshop.json"
    save(sample_project("Before the workshop"), original)
    child = subprocess.run([PYTHON, "-c", CRASHING_EDITOR, str(folder), str(original)],
                           capture_output=True, text=True, timeout=60, env=python_child_env())
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.startswith("written ")
    [entry] = recovery.list_entries(folder)
    assert entry.title == "Workshop in progress"
    assert entry.original_path == original
    project = entry.project
    assert project is not None
    [tp] = [t for t in project.touchpoints if t.name == "Checkout page"]
    assert tp.budget == Decimal("120.50") and tp.owner == "Ana"
    assert [n.text for n in project.notes] == ["Queue is too long"]
    assert not entry.same_as_original()


LIVE_EDITOR = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from journeymapper.app.autosave import Autosaver
from journeymapper.document import Document
doc = Document()
saver = Autosaver(doc, sys.argv[1], delay_ms=10)
saver.written.connect(lambda path: (print("written", flush=True), app.quit()))
doc.edit("project", title="Still open elsewhere")
app.exec()
sys.stdin.read()  # stay alive, like another open Journeymapper
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_entries_of_a_running_instance_are_not_offered(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    child = subprocess.Popen([PYTHON, "-c", LIVE_EDITOR, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=python_child_env())
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        assert recovery.list_entries(folder) == []
        assert [e.title for e in entries(folder)] == ["Still open elsewhere"]
    finally:
        child.kill()
        child.wait()
    assert [e.title for e in recovery.list_entries(folder)] == ["Still open elsewhere"]
