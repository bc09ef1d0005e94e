"""Kill the running app after edits: the next start offers the edits back."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from journeymapper.app import dialogs, recovery_dialog
from journeymapper.app.main_window import MainWindow
from journeymapper.document import Kind
from journeymapper.io import load
from journeymapper.paths import EXAMPLES

# The child opens a map, edits it through the window as a user would (typing a new touchpoint
# into the focused cell, then a second edit through the document),
# waits for the autosave and then dies without any chance to clean up.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from journeymapper.app.main_window import MainWindow
    from journeymapper.document import Kind

    app = QApplication([])
    window = MainWindow()
    window.show()
    assert window.open_path(sys.argv[1])
    window.safety.autosaver.delay_ms = 100
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Right)  # focus a cell
    QTest.keyClicks(window.view.viewport(), "P")  # typing opens the cell's name editor
    QTest.keyClicks(window.view.editor, "op-up stall")
    QTest.keyClick(window.view.editor, Qt.Key.Key_Return)
    first = window.document.project.touchpoints[0].id
    window.document.edit(Kind.TOUCHPOINT, first, owner="Night shift")
    loop = QEventLoop()
    window.safety.autosaver.written.connect(lambda _p: loop.quit())
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    print("written", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_killed_app_edits_are_restored_at_next_start(tmp_path: Path, qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    original = tmp_path / "bakery.json"
    shutil.copy(EXAMPLES / "bakery.json", original)
    before = original.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "JOURNEYMAPPER_RECOVERY_DIR": str(folder)}
    child = subprocess.run([sys.executable, "-c", CHILD, str(original)], env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "written" in child.stdout
    assert original.read_bytes() == before  # the edits were never saved to the map itself

    def click_restore_all(dialog: recovery_dialog.RecoveryDialog) -> None:
        for button in dialog.restore_buttons.values():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(recovery_dialog, "run_dialog", click_restore_all)
    # A failed assertion must not leave a modal "save changes?" prompt waiting forever.
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.Answer.DISCARD)
    monkeypatch.setenv("JOURNEYMAPPER_RECOVERY_DIR", str(folder))
    window = MainWindow()
    qtbot.addWidget(window)
    restored = window.safety.offer_recovery()
    assert len(restored) == 1
    window.safety.restore(restored[0])
    doc = window.document
    names = [t.name for t in doc.project.touchpoints]
    assert "Pop-up stall" in names
    assert doc.project.touchpoints[0].owner == "Night shift"
    assert doc.is_modified and doc.path == original
    assert len(names) == len(load(original).touchpoints) + 1
    # Saving makes the recovery copy go away; a clean close leaves nothing to offer.
    assert window.save()
    window.safety.shutdown()
    assert not recovery_dialog.recovery.list_entries(folder)
    assert doc.get(Kind.TOUCHPOINT, doc.project.touchpoints[0].id).owner == "Night shift"
