"""Workshop fixtures: a shown main window on the bakery example, with temporary settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings

from journeymapper import io
from journeymapper.app.main_window import MainWindow
from journeymapper.app.workshop_actions import Workshop, workshop_of
from journeymapper.document import Kind
from journeymapper.paths import ROOT
from journeymapper.ui.theme_qt import Theme, apply_theme

BAKERY = ROOT / "examples" / "bakery.json"


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path, qapp):
    """Point the user's QSettings at an empty folder for each test; the light palette after."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    apply_theme(Theme.SYSTEM)


@pytest.fixture
def window(make_window):
    """A main window showing the bakery example (loaded without touching the file)."""
    win = make_window()
    win.document.replace_project(io.load(BAKERY))
    win.view.fit_to_window()
    win.view.setFocus()
    return win


@pytest.fixture
def workshop(window) -> Workshop:
    return workshop_of(window)


def card_point(window: MainWindow, tp_id: str) -> QPoint:
    """The viewport point at the middle of a touchpoint card (scrolled into view first)."""
    rect = window.scene.model_rect(Kind.TOUCHPOINT, tp_id)
    window.view.centerOn(rect.center())
    return window.view.mapFromScene(rect.center())
