"""install_panels: the docks land where they belong, named for saveState, built when shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from journeymapper.document import Document, Kind
from journeymapper.ui.panels import (
    INSPECTOR,
    PERSONAS,
    PROJECT,
    REGISTER,
    SCORING,
    SUMMARY,
    install_panels,
)
from journeymapper.ui.panels.inspector import Inspector
from journeymapper.ui.panels.register import RegisterPanel
from journeymapper.ui.selection import Selection
from tests.panels.helpers import select, small_project


class StubWindow(QMainWindow):
    """What install_panels needs of the main window, and nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.document = Document(small_project(), parent=self)
        self.selection = Selection(self.document, self)
        self.added: list[tuple[str, Qt.DockWidgetArea]] = []

    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.added.append((dock.objectName(), area))
        self.addDockWidget(area, dock)


@pytest.fixture
def window(qtbot):
    win = StubWindow()
    qtbot.addWidget(win)
    return win


def test_docks_are_added_named_and_placed(qtbot, window):
    docks = install_panels(window)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    assert dict(window.added) == {INSPECTOR: right, SUMMARY: right,
                                  REGISTER: Qt.DockWidgetArea.BottomDockWidgetArea,
                                  PERSONAS: left, SCORING: left, PROJECT: left}
    assert window.tabifiedDockWidgets(docks[INSPECTOR]) == [docks[SUMMARY]]
    assert set(window.tabifiedDockWidgets(docks[PERSONAS])) == {docks[SCORING], docks[PROJECT]}
    window.show()
    qtbot.waitExposed(window)
    # The visible docks are built (after the first paint); the ones tabbed behind wait until
    # they are shown.
    qtbot.waitUntil(lambda: docks[INSPECTOR].built and docks[REGISTER].built)
    assert not docks[SUMMARY].built
    docks[SUMMARY].raise_()
    qtbot.waitUntil(lambda: docks[SUMMARY].built)
    state = window.saveState()
    assert window.restoreState(state)


def test_a_summary_tabbed_behind_keeps_still_until_its_tab_is_picked(qtbot, window):
    docks = install_panels(window)
    window.show()
    qtbot.waitExposed(window)
    docks[SUMMARY].raise_()
    qtbot.waitUntil(lambda: docks[SUMMARY].built)
    summary = docks[SUMMARY].content()
    qtbot.waitUntil(lambda: not summary._stale)
    refreshed = []
    summary._timer.timeout.connect(lambda: refreshed.append(True))
    docks[INSPECTOR].raise_()
    qtbot.waitUntil(lambda: not docks[SUMMARY].shown)
    assert summary.isVisible()  # what Qt says of a tab behind another
    tp = window.document.project.touchpoints[0]
    window.document.edit(Kind.TOUCHPOINT, tp.id, budget=tp.budget + 1000)
    qtbot.wait(summary._timer.interval() + 100)
    assert summary._stale and not refreshed  # nothing worked out for a hidden tab
    docks[SUMMARY].raise_()
    qtbot.waitUntil(lambda: not summary._stale)
    bars = {b.label: b.budget for b in summary.chart.bars()}
    assert sum(bars.values()) == sum(t.budget for t in window.document.project.touchpoints)


def test_register_and_inspector_share_the_selection(qtbot, window):
    docks = install_panels(window)
    window.show()
    inspector = docks[INSPECTOR].content()
    register = docks[REGISTER].content()
    assert isinstance(inspector, Inspector) and isinstance(register, RegisterPanel)
    select(window.selection, "tp-site")
    assert register.selected_ids() == ["tp-site"]
    assert inspector.current_form().ids() == ["tp-site"]


def test_docks_rebuild_when_the_window_opens_another_project(qtbot, window):
    docks = install_panels(window)
    register = docks[REGISTER].content()
    personas = docks[PERSONAS].content()
    project = small_project()
    project.touchpoints = project.touchpoints[:1]
    window.document.replace_project(project)
    assert register.proxy.rowCount() == 1
    assert personas.list.count() == 2
    qtbot.waitUntil(lambda: register.footer.budget == project.touchpoints[0].budget)


def test_the_real_main_window_gets_its_panels(qtbot, tmp_path, monkeypatch):
    main_window = pytest.importorskip("journeymapper.app.main_window")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = main_window.MainWindow()
    qtbot.addWidget(win)
    names = {d.objectName() for d in win.findChildren(QDockWidget)}
    assert {INSPECTOR, SUMMARY, REGISTER, PERSONAS, SCORING, PROJECT} <= names
    win.document.create(Kind.PERSONA, name="Walk-in customer")
    assert win.document.undo_stack.count() == 1
    win.document.undo_stack.undo()


def test_a_held_dock_builds_only_when_released(qtbot, window):
    docks = install_panels(window)
    for dock in docks.values():
        dock.hold()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    assert not any(dock.built for dock in docks.values())
    for dock in docks.values():
        dock.release()
    # The shown docks at once; the tabs behind them still wait until they are picked.
    assert docks[INSPECTOR].built and docks[REGISTER].built
    assert not docks[SUMMARY].built
