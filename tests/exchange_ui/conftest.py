"""Main-window fixtures for the exchange features: QSettings and the user's templates folder
in temporary folders, and message boxes answered by the test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from journeymapper.ui.dialogs import templates


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


@pytest.fixture(autouse=True)
def _settings(temporary_settings):
    """Every test here keeps the user's QSettings untouched."""
    return temporary_settings


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def exchange(window):
    return window.exchange
