"""Colours, fonts and sizes of the canvas, chosen to read well on a projector."""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor, QFont, QFontDatabase

from journeymapper.model import Channel
from journeymapper.paths import RESOURCES

FONT_FAMILY = "DejaVu Sans"

INK = QColor("#1f2328")
MUTED = QColor("#57606a")
PAPER = QColor("#ffffff")
CANVAS = QColor("#e9ebee")
RULE = QColor("#b9bec6")
LANE_FILLS = (QColor("#f7f7f5"), QColor("#eeeeea"))
LABEL_FILL = QColor("#dfe3e8")
SELECTED = QColor("#0969da")
FOCUS = QColor("#f08c00")
OVERDUE = QColor("#d62728")
LINK = QColor("#4a4f57")
GRID_DOT = QColor("#c3c8cf")

# The same colour per channel as the PDF export (journeymapper/export/pdf/styles.py), which
# imports reportlab and so cannot be imported here at start-up.
CHANNEL_COLORS: dict[Channel, str] = {
    Channel.WEBSITE: "#4c78a8", Channel.SEARCH: "#72b7b2", Channel.SOCIAL: "#e45756",
    Channel.EMAIL: "#f58518", Channel.CHAT: "#54a24b", Channel.PHONE: "#b279a2",
    Channel.STORE: "#9d755d", Channel.EVENT: "#ff9da6", Channel.ADVERTISING: "#eeca3b",
    Channel.REVIEWS: "#bab0ac", Channel.REFERRAL: "#17becf", Channel.APP: "#1f77b4",
    Channel.PRINT: "#8c564b", Channel.DELIVERY: "#2ca02c", Channel.OTHER: "#7f7f7f",
}

# A glyph per channel that DejaVu Sans (bundled) draws everywhere.
CHANNEL_GLYPHS: dict[Channel, str] = {
    Channel.WEBSITE: "\u25a3", Channel.SEARCH: "\u2315", Channel.SOCIAL: "\u263a",
    Channel.EMAIL: "\u2709", Channel.CHAT: "\u2637", Channel.PHONE: "\u260e",
    Channel.STORE: "\u2302", Channel.EVENT: "\u2605", Channel.ADVERTISING: "\u25b6",
    Channel.REVIEWS: "\u2606", Channel.REFERRAL: "\u21c4", Channel.APP: "\u25af",
    Channel.PRINT: "\u2399", Channel.DELIVERY: "\u25a0", Channel.OTHER: "\u25cf",
}

PERSONA_COLORS = ("#e45756", "#4c78a8", "#54a24b", "#b279a2", "#f58518", "#17becf",
                  "#9d755d", "#eeca3b")
NOTE_COLORS = ("#fff3a8", "#ffd6e0", "#d3f0d6", "#d6e6ff", "#ffe3c2")


def channel_color(channel: Channel) -> QColor:
    """The colour of a channel's mark."""
    return QColor(CHANNEL_COLORS.get(channel, "#7f7f7f"))


def importance_color(importance: float) -> QColor:
    """Badge colour: pale for minor touchpoints, deep blue for those that matter most."""
    if importance >= 75:
        return QColor("#1d4e89")
    if importance >= 50:
        return QColor("#4c78a8")
    if importance >= 25:
        return QColor("#8fb0d3")
    return QColor("#c9d3de")


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
