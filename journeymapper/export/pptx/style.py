"""Colours, sizes and small text helpers of the PowerPoint deck (python-pptx free)."""

from __future__ import annotations

from journeymapper import theme
from journeymapper.model import Channel

EMU_PER_INCH = 914400
EMU_PER_POINT = 12700

# 16:9 widescreen, as PowerPoint makes new decks.
SLIDE_WIDTH = 12192000
SLIDE_HEIGHT = 6858000
MARGIN = int(0.4 * EMU_PER_INCH)
TITLE_TOP = int(0.25 * EMU_PER_INCH)
TITLE_HEIGHT = int(0.7 * EMU_PER_INCH)
SUBTITLE_TOP = TITLE_TOP + TITLE_HEIGHT
SUBTITLE_HEIGHT = int(0.45 * EMU_PER_INCH)
CONTENT_TOP = SUBTITLE_TOP + SUBTITLE_HEIGHT + int(0.1 * EMU_PER_INCH)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
CONTENT_HEIGHT = SLIDE_HEIGHT - CONTENT_TOP - int(0.3 * EMU_PER_INCH)

TITLE_SIZE = 28.0
SUBTITLE_SIZE = 14.0

INK = theme.INK
MUTED = theme.MUTED
PAPER = theme.PAPER
RULE = theme.RULE
LANE_FILLS = theme.LANE_FILLS
LABEL_FILL = theme.LABEL_FILL
HEADER_FILL = "#e9ecef"
TOTAL_FILL = "#dde3ea"
DIMMED_FILL = "#f1f1ef"
OVERDUE = theme.OVERDUE
LINK = theme.LINK
NOTE_FILL = theme.NOTE_COLORS[0]

# The same colours as the canvas and the PDF.
CHANNEL_COLORS = theme.CHANNEL_COLORS
STATUS_COLORS = theme.STATUS_COLORS

# Longest text put on a card or in a cell before it is elided (the register keeps names whole).
CARD_NAME_CHARS = 90
CELL_CHARS = 120
NOTES_CHARS = 4000


def emu(points: float) -> int:
    """Points (map or type points) as EMU, the unit of python-pptx lengths."""
    return round(points * EMU_PER_POINT)


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``#rrggbb`` as a (red, green, blue) triple."""
    value = hex_color.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def to_hex(red: float, green: float, blue: float) -> str:
    """A (red, green, blue) triple, 0..255, as ``#rrggbb``."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def blend(color: str, toward: str = PAPER, amount: float = 0.7) -> str:
    """``color`` mixed with ``toward``: how dimmed cards keep a hint of their colour."""
    a, b = rgb(color), rgb(toward)
    return to_hex(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def ink_on(fill: str) -> str:
    """Dark or white ink, whichever reads better on ``fill`` (yellow headers need dark)."""
    r, g, b = rgb(fill)
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.6 else PAPER


def channel_color(channel: Channel) -> str:
    """The colour of a channel's mark."""
    return CHANNEL_COLORS.get(channel, "#7f7f7f")


def importance_color(importance: float) -> str:
    """Badge colour: pale for minor touchpoints, deep blue for those that matter most."""
    if importance >= 75:
        return "#1d4e89"
    if importance >= 50:
        return "#4c78a8"
    if importance >= 25:
        return "#8fb0d3"
    return "#c9d3de"


def elide(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:max(1, limit - 1)].rstrip() + "\u2026"


def fit_chars(width_pt: float, height_pt: float, size: float, leading: float = 1.2) -> int:
    """About how many characters of ``size``-point text fit in a box (wrapped)."""
    per_line = max(4, int(width_pt / (size * 0.52)))
    lines = max(1, int(height_pt / (size * leading)))
    return per_line * lines
