"""A colour button: click for the colour dialog, or pick one of a few presets from its menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QColorDialog, QMenu, QToolButton, QWidget

from journeymapper.ui.widgets.icons import swatch_icon

# Distinct colours that print well and read on a projector (Tableau 10).
PRESETS: tuple[tuple[str, str], ...] = (
    ("#4c78a8", "Blue"), ("#f58518", "Orange"), ("#e45756", "Red"), ("#72b7b2", "Teal"),
    ("#54a24b", "Green"), ("#eeca3b", "Yellow"), ("#b279a2", "Purple"), ("#ff9da6", "Pink"),
    ("#9d755d", "Brown"), ("#bab0ac", "Grey"), ("#fff3a8", "Sticky yellow"),
)


class ColorButton(QToolButton):
    """Shows a colour as a swatch and its hex code; ``color_picked`` when the user picks one."""

    color_picked = Signal(str)
    """The user chose a colour ("#rrggbb"); not emitted by ``set_color``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setToolButtonStyle(self.toolButtonStyle().ToolButtonTextBesideIcon)
        menu = QMenu(self)
        for color, name in PRESETS:
            action = QAction(swatch_icon(color), name, menu)
            action.setData(color)
            action.triggered.connect(lambda _=False, c=color: self.pick(c))
            menu.addAction(action)
        self.setMenu(menu)
        self.clicked.connect(self._open_dialog)
        self.set_color(None)

    def color(self) -> str | None:
        """The colour shown ("#rrggbb"), None when mixed."""
        return self._color

    def set_color(self, color: str | None) -> None:
        """Show a colour; None shows "mixed" (selected items differ)."""
        self._color = color
        self.setIcon(swatch_icon(color or "#ffffff"))
        self.setText(color or "mixed")

    def pick(self, color: str) -> None:
        """Choose ``color`` as if the user had picked it."""
        color = QColor(color).name()
        self.set_color(color)
        self.color_picked.emit(color)

    def _open_dialog(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color or "#ffffff"), self, "Choose a colour")
        if chosen.isValid():
            self.pick(chosen.name())
