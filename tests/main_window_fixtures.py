"""Fixtures for tests of the whole main window (a pytest plugin loaded by tests/conftest.py)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings

from journeymapper.app import dialogs
from journeymapper.app.main_window import MainWindow
from journeymapper.paths import EXAMPLES


@pytest.fixture
def temporary_settings(tmp_path, qapp):
    """Point the user's QSettings at an empty folder for each test."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def make_window(qtbot, temporary_settings):
    """Build shown main windows; at the end they close, discarding unsaved changes and
    stopping the exports still running."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        # Not qtbot.addWidget: pytest-qt would close it before the answer below is set.
        win = MainWindow()
        made.append(win)
        win.show()
        qtbot.waitExposed(win)
        # The features and panels are built after the map's first frame, as in the app.
        qtbot.waitUntil(lambda: win.started)
        return win

    yield make
    original = dialogs.ask_save_changes, dialogs.ask_running_exports
    dialogs.ask_save_changes = lambda *args: dialogs.Answer.DISCARD
    dialogs.ask_running_exports = lambda *args: dialogs.Leaving.STOP
    try:
        for win in made:
            win.close()
            win.deleteLater()
    finally:
        dialogs.ask_save_changes, dialogs.ask_running_exports = original


@pytest.fixture
def examples(tmp_path):
    """A copy of the example maps: a window takes a lock file beside the map it opens, and
    a Journeymapper running on this machine may have the repo's own examples open (its
    "Map in use" question would wait for a click)."""
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    return folder
