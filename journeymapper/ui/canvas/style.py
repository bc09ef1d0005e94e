"""Colours, fonts and sizes of the canvas, chosen to read well on a projector."""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor, QFont, QFontDatabase

from journeymapper import theme
from journeymapper.model import Channel
from journeymapper.paths import RESOURCES

FONT_FAMILY = "DejaVu Sans"

INK = QColor(theme.INK)
MUTED = QColor(theme.MUTED)
PAPER = QColor(theme.PAPER)
CANVAS = QColor("#e9ebee")
RULE = QColor(theme.RULE)
LANE_FILLS = tuple(QColor(c) for c in theme.LANE_FILLS)
LABEL_FILL = QColor(theme.LABEL_FILL)
SELECTED = QColor("#0969da")
FOCUS = QColor("#f08c00")
OVERDUE = QColor(theme.OVERDUE)
LINK = QColor(theme.LINK)
GRID_DOT = QColor("#c3c8cf")
REVIEW_DUE = QColor("#e8590c")

CHANNEL_COLORS = theme.CHANNEL_COLORS
CHANNEL_GLYPHS = theme.CHANNEL_GLYPHS
PERSONA_COLORS = theme.PERSONA_COLORS
NOTE_COLORS = theme.NOTE_COLORS


@functools.cache
def channel_color(channel: Channel) -> QColor:
    """The colour of a channel's mark (one shared QColor per channel: do not change it)."""
    return QColor(CHANNEL_COLORS.get(channel, "#7f7f7f"))


def importance_color(importance: float) -> QColor:
    """Badge colour: pale for minor touchpoints, deep blue for those that matter most."""
    return QColor(theme.importance_hex(importance))


def ink_on(fill: QColor) -> QColor:
    """Dark or white text, whichever reads better on ``fill``."""
    luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF()
    return INK if luminance > 0.6 else PAPER


@functools.cache
def load_fonts() -> str:
    """Register the bundled DejaVu fonts once; returns the family to use."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / name))
    return FONT_FAMILY


@functools.cache
def font(pixel_size: int, bold: bool = False) -> QFont:
    """A shared font of the canvas (sizes are map units at 100% zoom)."""
    result = QFont(load_fonts())
    result.setPixelSize(pixel_size)
    result.setBold(bold)
    return result
