"""Light and dark palettes for the window chrome, following the system unless the user picks.

Only the chrome (menus, docks, panels, the canvas around the map) follows the theme: the map's
paper, cards and their ink stay light, because that is what reads on a projector and what the
PDF prints. Icons drawn here are made for the screen's device pixel ratio so they stay sharp
on high-DPI displays.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from journeymapper.ui.canvas import style

# Around the map: light grey on light chrome, a dark slate on dark chrome (the map's paper
# stays light either way, so cards keep their contrast).
CANVAS_LIGHT = style.CANVAS
CANVAS_DARK = QColor("#2b3038")


class Theme(StrEnum):
    """What the user picked in View > Theme."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """Menu text."""
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]

    @classmethod
    def parse(cls, value: object) -> Theme:
        """A stored setting as a Theme (anything unknown means System)."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.SYSTEM


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for text, links and selections."""
    p = QPalette()
    window, base, text = QColor("#2d2f33"), QColor("#1f2124"), QColor("#e6e8eb")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#282a2e"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3d42"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8b9098"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#363a40"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
        p.setColor(group, QPalette.ColorRole.Light, QColor("#4a4e55"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#3e4248"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#25272b"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#1a1c1f"))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor("#0d0e10"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d7dd8"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#6cb0ff"))
        p.setColor(group, QPalette.ColorRole.LinkVisited, QColor("#b99cff"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(disabled, role, QColor("#7a7f87"))
    for role, color in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
                        (QPalette.ColorRole.Button, QColor("#33363b"))):
        p.setColor(disabled, role, color)
    return p


def is_dark(palette: QPalette) -> bool:
    """True when a palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark look (Qt 6.5+; unknown counts as light)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(theme: Theme) -> bool:
    """Give the application the palette of ``theme``; returns True when it is dark.

    The colour scheme is also requested from the platform (Qt 6.8+), so native title bars and
    styles follow where they can; the explicit palette covers platforms that ignore it.
    """
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    hints = app.styleHints()
    if theme is Theme.SYSTEM:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        dark = system_is_dark()
    else:
        dark = theme is Theme.DARK
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    if dark:
        app.setPalette(dark_palette())
        return True
    if not QGuiApplication.testAttribute(Qt.ApplicationAttribute.AA_SetPalette):
        return False  # nothing was ever overridden: the platform's palette is in place
    # An empty palette gives the platform's own palette back (a light desktop theme keeps its
    # colours); when that one is dark although light was asked for, the style's light one.
    app.setPalette(QPalette())
    if is_dark(app.palette()):
        app.setPalette(_style_palette())
    return False


def _style_palette() -> QPalette:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication) and app.style() is not None:
        return app.style().standardPalette()
    return QPalette()


def canvas_color(dark: bool) -> QColor:
    """The colour around the map for light or dark chrome."""
    return QColor(CANVAS_DARK if dark else CANVAS_LIGHT)


def drawn_icon(draw: Callable[[QPainter, float], None], size: int = 24) -> QIcon:
    """An icon drawn by ``draw(painter, size)`` at 1x and 2x device pixel ratios (and the
    primary screen's ratio), so it is crisp on every screen."""
    icon = QIcon()
    ratios = {1.0, 2.0}
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        ratios.add(screen.devicePixelRatio())
    for ratio in sorted(ratios):
        pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, float(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def sharp_icon(render: Callable[[int], QIcon], size: int) -> QIcon:
    """An icon drawn by ``render(pixels)`` (which paints at one pixel per point) redrawn at 2x
    too, so a screen with a device pixel ratio of 2 gets a crisp one instead of an upscale."""
    icon = QIcon()
    for ratio in (1, 2):
        pixels = QSize(size * ratio, size * ratio)
        pixmap = render(size * ratio).pixmap(pixels, 1.0)
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon
