"""The start-up offer to restore maps a crash left behind, and restoring them into documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journeymapper.app import recovery_dialog
from journeymapper.app.autosave import Autosaver
from journeymapper.app.recovery_dialog import RecoveryDialog, offer_recovery
from journeymapper.document import Document, Kind
from journeymapper.io import dumps, recovery, save

from .helpers import make_dead, sample_project


def crashed_entry(folder: Path, title: str, original: Path | None = None) -> str:
    entry = recovery.write_entry(folder, recovery.new_key(), dumps(sample_project(title)),
                                 title=title, original_path=original)
    make_dead(entry)
    return entry.key


def never_shown(dialog: RecoveryDialog) -> None:
    raise AssertionError("the dialog must not be shown")


def test_nothing_to_recover_shows_nothing(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery_dialog, "run_dialog", never_shown)
    assert offer_recovery(None, tmp_path / "recovery") == []


def test_entry_identical_to_saved_file_is_dropped_silently(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    folder = tmp_path / "recovery"
    original = tmp_path / "map.json"
    save(sample_project("Saved after all"), original)
    crashed_entry(folder, "Saved after all", original)
    monkeypatch.setattr(recovery_dialog, "run_dialog", never_shown)
    assert offer_recovery(None, folder) == []
    assert list(folder.iterdir()) == []


def test_restore_one_discard_another_decide_later_on_a_third(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    folder = tmp_path / "recovery"
    original = tmp_path / "workshop.json"
    save(sample_project("Workshop, as saved"), original)
    keep = crashed_entry(folder, "Workshop", original)
    drop = crashed_entry(folder, "Scratch")
    later = crashed_entry(folder, "Maybe")
    shown: list[RecoveryDialog] = []

    def click_through(dialog: RecoveryDialog) -> None:
        shown.append(dialog)
        assert {e.key for e in dialog.entries} == {keep, drop, later}
        qtbot.mouseClick(dialog.restore_buttons[keep], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.discard_buttons[drop], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(recovery_dialog, "run_dialog", click_through)
    monkeypatch.setattr(recovery_dialog, "ask_confirm_discard", lambda parent, entry: True)
    [restored] = offer_recovery(None, folder)
    project, path = restored  # unpacks as the (project, original_path) pair
    assert project == sample_project("Workshop") and path == original
    assert restored.key == keep
    # The restored entry stays on disk (claimed by us) until the map is saved; the discarded
    # one is gone; the undecided one is offered again next time.
    assert recovery.read_entry(folder, drop) is None
    assert [e.key for e in recovery.list_entries(folder)] == [later]
    assert recovery.read_entry(folder, keep).writer_running  # type: ignore[union-attr]

    doc = Document()
    saver = Autosaver(doc, folder, delay_ms=60_000)
    saver.adopt(restored.key)
    with qtbot.waitSignal(saver.written, timeout=2000):
        doc.replace_project(project, path, modified=True)
    assert doc.is_modified and doc.path == original
    assert [e.key for e in recovery.list_entries(folder, include_running=True)
            if e.key != later] == [keep]
    with qtbot.waitSignal(saver.removed, timeout=2000):
        doc.save()
    assert recovery.read_entry(folder, keep) is None


def test_discard_needs_confirmation(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "recovery"
    key = crashed_entry(folder, "Precious")
    answers = iter([False, True])
    dialog = RecoveryDialog(recovery.list_entries(folder),
                            confirm_discard=lambda parent, entry: next(answers))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.discard_buttons[key], Qt.MouseButton.LeftButton)
    assert recovery.read_entry(folder, key) is not None and not dialog.discarded
    with qtbot.waitSignal(dialog.accepted, timeout=1000):  # all decided: it closes
        qtbot.mouseClick(dialog.discard_buttons[key], Qt.MouseButton.LeftButton)
    assert recovery.read_entry(folder, key) is None


def test_dialog_shows_title_file_and_time(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "recovery"
    crashed_entry(folder, "Bakery <draft>", tmp_path / "bakery.json")
    crashed_entry(folder, "Untitled")
    dialog = RecoveryDialog(recovery.list_entries(folder))
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(
        recovery_dialog.QLabel))
    assert "Bakery &lt;draft&gt;" in texts and "bakery.json" in texts
    assert "never saved" in texts and "Last changed: 20" in texts


def test_adopt_moves_unsaved_work_to_the_restored_entry(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "recovery"
    doc = Document()
    saver = Autosaver(doc, folder, delay_ms=20)
    with qtbot.waitSignal(saver.written, timeout=2000):
        doc.create(Kind.TOUCHPOINT, name="x", stage_id="purchase", lane_id="touchpoints")
    first = saver.key
    saver.adopt("123-abcdef")
    assert [e.key for e in recovery.list_entries(folder, include_running=True)] == ["123-abcdef"]
    assert first != saver.key
