"""Main-window fixtures for the exchange features: QSettings and the user's templates folder
in temporary folders, and message boxes answered by the test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from journeymapper.app import dialogs
from journeymapper.app.main_window import MainWindow
from journeymapper.ui.dialogs import templates


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path, qapp):
    """Point the user's QSettings at an empty folder for each test."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def user_templates(tmp_path, monkeypatch):
    """The user's templates folder, empty, in the test's folder."""
    folder = tmp_path / "user-templates"
    monkeypatch.setattr(templates, "user_templates_folder", lambda: folder)
    return folder


@pytest.fixture
def messages(monkeypatch):
    """Message boxes record (kind, title, text) instead of waiting for a click."""
    shown: list[tuple[str, str, str]] = []

    def box(kind, answer=QMessageBox.StandardButton.Ok):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "critical", box("critical"))
    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "about", box("about"))
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def make_window(qtbot):
    """Build shown main windows; at the end they close, discarding unsaved changes."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow()
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    original = dialogs.ask_save_changes
    dialogs.ask_save_changes = lambda *args: dialogs.Answer.DISCARD
    try:
        for win in made:
            win.close()
            win.deleteLater()
    finally:
        dialogs.ask_save_changes = original


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def exchange(window):
    return window.exchange
