"""Start-up in two parts: the map's first frame, then the features and panel contents."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLabel

from journeymapper.app import dialogs
from journeymapper.app.main_window import MainWindow
from journeymapper.app.settings import APPLICATION, ORGANISATION, THEME_KEY
from journeymapper.ui.panels import INSPECTOR, REGISTER, SUMMARY
from journeymapper.ui.panels.docks import LazyDock
from journeymapper.ui.theme_qt import CANVAS_DARK, Theme, apply_theme, is_dark

FEATURES = ("exchange", "workshop", "living_map")


class FirstPaint(QObject):
    """Notes which features the window had when its map first painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.features_then: list[str] | None = None
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.features_then is None:
            self.features_then = [f for f in FEATURES if hasattr(self.window, f)]
        return False


def docks(window: MainWindow) -> dict[str, LazyDock]:
    return {d.objectName(): d for d in window.findChildren(LazyDock)}


def close(window: MainWindow) -> None:
    original = dialogs.ask_save_changes
    dialogs.ask_save_changes = lambda *args: dialogs.Answer.DISCARD
    try:
        window.close()
    finally:
        dialogs.ask_save_changes = original
    window.deleteLater()


def test_the_map_paints_before_the_features_and_panels_are_built(examples, qtbot):
    window = MainWindow()
    probe = FirstPaint(window)
    finished = []
    window.startup_finished.connect(lambda: finished.append(True))
    assert window.open_path(examples / "bakery.json")
    # Everything the first frame shows is there: the menus, the palette, the docks' places.
    assert {INSPECTOR, SUMMARY, REGISTER} <= set(docks(window))
    assert not window.started and not any(d.built for d in docks(window).values())
    window.show()
    qtbot.waitUntil(lambda: window.started)
    try:
        assert probe.features_then == []
        assert all(hasattr(window, f) for f in FEATURES)
        assert finished == [True]
        built = {name for name, d in docks(window).items() if d.built}
        assert {INSPECTOR, REGISTER} <= built and SUMMARY not in built
        window.finish_startup()  # nothing left to do
        assert finished == [True]
        # An export's progress shows left of the zoom level, as when it was built first.
        exchange = window.exchange
        exchange.busy_label.setText("Writing")
        exchange.busy_label.show()
        exchange.busy.show()
        zoom = next(label for label in window.statusBar().findChildren(QLabel)
                    if label.text().endswith("%"))
        qtbot.waitUntil(lambda: exchange.busy_label.x() < exchange.busy.x() < zoom.x())
    finally:
        close(window)


def test_finish_startup_builds_the_rest_at_once_and_only_once(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.finish_startup()
    assert window.started and all(hasattr(window, f) for f in FEATURES)
    tools = len(window.menus.tools.actions())
    window.finish_startup()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert len(window.menus.tools.actions()) == tools
    assert docks(window)[INSPECTOR].built


def test_docks_of_features_come_back_where_the_user_left_them(window, make_window, qtbot):
    versions = window.findChild(QDockWidget, "dock-versions")
    assert versions is not None and not versions.isVisible()
    versions.show()
    qtbot.waitUntil(versions.isVisible)
    window.close()
    second = make_window()
    again = second.findChild(QDockWidget, "dock-versions")
    assert again is not None
    qtbot.waitUntil(again.isVisible)


def test_the_first_frame_is_in_the_theme_the_user_picked(qtbot):
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                         APPLICATION)
    settings.setValue(THEME_KEY, Theme.DARK.value)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        # Before View > Theme exists (it comes after the first frame), the chrome is dark.
        assert not hasattr(window, "workshop")
        assert is_dark(QGuiApplication.palette())
        assert window.scene.backgroundBrush().color() == CANVAS_DARK
    finally:
        settings.remove(THEME_KEY)
        apply_theme(Theme.LIGHT)


def test_closing_before_the_start_up_is_done_keeps_the_layout(window, make_window, qtbot):
    window.findChild(QDockWidget, "dock-versions").show()
    window.close()
    # Closed before its first frame, without the features' docks: Qt keeps their places from
    # the layout it restored, so the next start still finds them.
    early = MainWindow()
    early.close()
    early.deleteLater()
    again = make_window().findChild(QDockWidget, "dock-versions")
    qtbot.waitUntil(again.isVisible)
