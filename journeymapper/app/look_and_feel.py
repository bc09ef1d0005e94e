"""Look and feel of the main window: View > Theme, status tips, accessible names, tooltips.

The theme follows the desktop's light or dark scheme unless the user picks one; the choice is
kept in the user's settings. Only the chrome changes: the map keeps its light paper and dark
ink, which is what reads on a projector.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from journeymapper.app.settings import APPLICATION, ORGANISATION, THEME_KEY
from journeymapper.ui.canvas.palette import ENTRY_ROLE, Entry, entry_icon
from journeymapper.ui.canvas.tooltips import CardToolTips
from journeymapper.ui.theme_qt import Theme, apply_theme, canvas_color, is_dark, sharp_icon

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

__all__ = ["THEME_KEY", "LookAndFeel", "fill_status_tips"]

THEME_TIPS = {Theme.SYSTEM: "Follow the desktop's light or dark appearance",
              Theme.LIGHT: "Light menus and panels", Theme.DARK: "Dark menus and panels"}


class LookAndFeel(QObject):
    """Theme choice, status tips, accessible names and tooltips of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   ORGANISATION, APPLICATION)
        self.tooltips = CardToolTips(window.view)
        self._sharp = False
        self.theme_menu = QMenu("&Theme", window.menus.view)
        self.theme_menu.menuAction().setStatusTip("Light or dark menus and panels")
        window.menus.view.insertMenu(window.menus.panels.menuAction(), self.theme_menu)
        group = QActionGroup(self.theme_menu)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme in Theme:
            action = self.theme_menu.addAction(theme.label)
            action.setObjectName(f"theme-{theme.value}")
            action.setCheckable(True)
            action.setStatusTip(THEME_TIPS[theme])
            group.addAction(action)
            action.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            self.theme_actions[theme] = action
        # The window applied this theme when it was made (its first frame is in it already).
        self._theme = Theme.parse(window.settings.theme() or Theme.SYSTEM.value)
        self.theme_actions[self._theme].setChecked(True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        window.installEventFilter(self)
        self._label_palette()
        for menu in window.menuBar().findChildren(QMenu):
            menu.aboutToShow.connect(lambda m=menu: fill_status_tips(m.actions()))
        for dock in window.findChildren(QDockWidget):
            # A dock builds its contents when first shown: name them and tip their actions.
            dock.visibilityChanged.connect(lambda _v: QTimer.singleShot(0, window, self.polish))
        # Features installed after this one add actions and docks too: finish after them, and
        # again once the window has built the contents of its visible docks.
        # (Timed in the window's name: a dock hidden as the window closes must not polish a
        # window that is gone.)
        QTimer.singleShot(0, window, self.polish)
        window.startup_finished.connect(lambda: QTimer.singleShot(0, window, self.polish))

    # ----- theme ------------------------------------------------------------------------------
    def theme(self) -> Theme:
        """The user's choice."""
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Use ``theme`` from now on, and remember it."""
        self._theme = theme
        self._settings.setValue(THEME_KEY, theme.value)
        self._settings.sync()
        self.theme_actions[theme].setChecked(True)
        apply_theme(theme)
        self._follow_palette()

    def _system_changed(self, *_args: object) -> None:
        if self._theme is Theme.SYSTEM:
            apply_theme(Theme.SYSTEM)
            self._follow_palette()

    def _follow_palette(self) -> None:
        """The canvas around the map follows the chrome (the map itself stays light)."""
        self.window.scene.setBackgroundBrush(canvas_color(is_dark(QGuiApplication.palette())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.PaletteChange,
                                                       QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()
        return False

    # ----- hints and names --------------------------------------------------------------------
    def polish(self) -> None:
        """Status tips on every action, accessible names on the view, docks and toolbars,
        sharp icons on high-DPI screens."""
        self.sharpen_icons()
        fill_status_tips(self.window.findChildren(QAction))
        for dock in self.window.findChildren(QDockWidget):
            fill_status_tips([dock.toggleViewAction()])
        self.name_widgets()

    def name_widgets(self) -> None:
        """Accessible names for screen readers (docks build their contents when first shown)."""
        w = self.window
        if not w.view.accessibleName():
            w.view.setAccessibleName("Journey map")
            w.view.setAccessibleDescription(
                "Stages are columns, lanes are rows; arrow keys move between cells and cards")
        for dock in w.findChildren(QDockWidget):
            title = dock.windowTitle().replace("&", "")
            if not dock.accessibleName():
                dock.setAccessibleName(f"{title} panel")
            content = dock.widget()
            if content is not None and not content.accessibleName():
                content.setAccessibleName(title)
        for bar in w.findChildren(QToolBar):
            if not bar.accessibleName():
                bar.setAccessibleName(f"{bar.windowTitle() or 'Tools'} toolbar")

    def sharpen_icons(self, force: bool = False) -> None:
        """Palette and Insert menu icons redrawn at 2x, when some screen needs them (drawing
        them costs tens of milliseconds, so a standard screen is spared and none of it
        happens before the first paint)."""
        if self._sharp or (not force and all(screen.devicePixelRatio() <= 1
                                             for screen in QGuiApplication.screens())):
            return
        self._sharp = True
        palette = self.window.palette.list
        size = palette.iconSize().width()
        for row in range(palette.count()):
            item = palette.item(row)
            entry: Entry = item.data(ENTRY_ROLE)
            icon = sharp_icon(lambda pixels, e=entry: entry_icon(e, pixels), size)
            item.setIcon(icon)
            if entry in self.window.commands.insert:
                self.window.commands.insert[entry].setIcon(icon)

    def _label_palette(self) -> None:
        """Tooltips and an accessible name for the palette."""
        palette = self.window.palette.list
        palette.setAccessibleName("Palette of things to add")
        for row in range(palette.count()):
            item = palette.item(row)
            entry: Entry = item.data(ENTRY_ROLE)
            item.setToolTip(f"<b>{entry.label}</b><br>Drag onto the map, or press Enter "
                            "(double-click) to add it at the map's keyboard focus")
            item.setStatusTip(f"Add a {entry.label.lower()}")


def fill_status_tips(actions: list[QAction]) -> None:
    """Give each action without a status tip one made from its text (the status bar shows it
    while the action is hovered in a menu)."""
    for action in actions:
        if action.statusTip() or action.isSeparator():
            continue
        menu = action.menu()
        text = re.sub(r"&(?!&)", "", action.text()).replace("\u2026", "").strip()
        if not text:
            continue
        if isinstance(menu, QMenu):
            action.setStatusTip(f"{text} menu")
        elif text.startswith("Undo"):  # the text changes with the stack: a lasting tip
            action.setStatusTip("Undo the last change")
        elif text.startswith("Redo"):
            action.setStatusTip("Redo the last change undone")
        elif action.isCheckable() and action.parent() is not None and isinstance(
                action.parent(), QDockWidget):
            action.setStatusTip(f"Show or hide the {text} panel")
        else:
            action.setStatusTip(text)
