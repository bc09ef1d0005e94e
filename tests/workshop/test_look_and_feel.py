"""Theme choice (persisted), status tips, accessible names, tooltips."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from journeymapper.app.look_and_feel import THEME_KEY, fill_status_tips
from journeymapper.app.settings import APPLICATION, ORGANISATION
from journeymapper.ui.canvas import style
from journeymapper.ui.theme_qt import CANVAS_DARK, CANVAS_LIGHT, Theme, drawn_icon, is_dark
from tests.workshop.conftest import card_point


def stored_theme() -> str:
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                         APPLICATION)
    return str(settings.value(THEME_KEY, ""))


def test_theme_menu_switches_and_persists(window, workshop, make_window, qtbot):
    look = workshop.look
    assert [a.text() for a in look.theme_menu.actions()] == ["&System", "&Light", "&Dark"]
    assert look.theme_actions[Theme.SYSTEM].isChecked()
    look.theme_actions[Theme.DARK].trigger()
    assert stored_theme() == "dark"
    assert is_dark(QGuiApplication.palette())
    qtbot.waitUntil(lambda: is_dark(window.view.palette()))
    assert window.scene.backgroundBrush().color() == CANVAS_DARK
    other = make_window()
    assert other.workshop.look.theme() is Theme.DARK
    assert other.workshop.look.theme_actions[Theme.DARK].isChecked()
    look.theme_actions[Theme.LIGHT].trigger()
    assert stored_theme() == "light"
    assert not is_dark(QGuiApplication.palette())
    qtbot.waitUntil(lambda: window.scene.backgroundBrush().color() == CANVAS_LIGHT)


def test_dark_chrome_keeps_card_text_readable(window, workshop):
    workshop.look.set_theme(Theme.DARK)
    dark = QApplication.palette()
    text, base = dark.color(QPalette.ColorRole.Text), dark.color(QPalette.ColorRole.Base)
    assert abs(text.lightness() - base.lightness()) > 150
    # The map keeps its light paper and dark ink whatever the chrome does.
    assert style.PAPER.lightness() - style.INK.lightness() > 150


def test_theme_is_in_the_view_menu(window, workshop):
    assert workshop.look.theme_menu.menuAction() in window.menus.view.actions()


def test_every_action_has_a_status_tip(window, workshop, qtbot):
    qtbot.waitUntil(lambda: all(a.statusTip() for a in window.findChildren(QAction)
                                if a.text() and not a.isSeparator()))
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        menu.aboutToShow.emit()  # dynamic menus (recent files, personas) fill now
        fill_status_tips(menu.actions())
        assert all(a.statusTip() for a in menu.actions() if a.text() and not a.isSeparator())


def test_accessible_names(window, workshop, qtbot):
    assert window.view.accessibleName() == "Journey map"
    qtbot.waitUntil(lambda: all(d.widget() is None or d.widget().accessibleName()
                                for d in window.findChildren(QDockWidget) if d.isVisible()))
    assert window.palette.list.accessibleName()
    for bar in window.findChildren(QToolBar):
        assert bar.accessibleName()


def test_card_tooltip_tells_the_key_facts(window, workshop):
    tp = window.document.project.touchpoints[0]
    text = workshop.look.tooltips.text_at(card_point(window, tp.id))
    for part in (tp.name, tp.owner, "Importance", "Status", "Deadline", "Channel"):
        assert part in text
    assert workshop.look.tooltips.text_at(window.view.mapFromScene(-50, -50)) == ""


def test_palette_entries_have_tooltips(window):
    palette = window.palette.list
    assert all(palette.item(r).toolTip() for r in range(palette.count()))


def test_palette_icons_are_sharp_on_high_dpi_screens(window, workshop):
    workshop.look.sharpen_icons(force=True)  # the offscreen screen is not high-DPI
    palette = window.palette.list
    icon = palette.item(4).icon()
    pixmap = icon.pixmap(QSize(28, 28), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(56, 56)
    entry = palette.entry(4)
    assert window.commands.insert[entry].icon().pixmap(QSize(28, 28), 2.0).size() == QSize(56, 56)


def test_drawn_icons_carry_their_pixel_ratio(qapp):
    icon = drawn_icon(lambda painter, size: painter.drawEllipse(0, 0, int(size), int(size)))
    assert icon.pixmap(QSize(24, 24), 2.0).devicePixelRatio() == 2.0
