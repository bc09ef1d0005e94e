"""Colours and paragraph styles shared by every section of the PDF."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from journeymapper import theme
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD
from journeymapper.model import Channel, Status

# The neutrals of the canvas come from journeymapper.theme, so the map prints as it looks.
INK = colors.HexColor(theme.INK)
MUTED = colors.HexColor(theme.MUTED)
RULE = colors.HexColor(theme.RULE)
PAPER = colors.white
LANE_FILLS = tuple(colors.HexColor(c) for c in theme.LANE_FILLS)
LABEL_FILL = colors.HexColor(theme.LABEL_FILL)
OVERDUE_HEX = theme.OVERDUE
OVERDUE = colors.HexColor(OVERDUE_HEX)
LINK = colors.HexColor(theme.LINK)
ALL_CURVE = colors.HexColor("#3d4450")
NEUTRAL_LINE = colors.HexColor("#9aa0a6")
MARGIN_LINE = colors.HexColor("#c7ccd1")
HAPPY = colors.HexColor("#54a24b")
UNHAPPY = colors.HexColor("#e45756")
HEADER_FILL = colors.HexColor("#e9ecef")
# Opacity of what is outside the highlighted persona's journey, as on the canvas.
DIMMED_ALPHA = 0.22
TOTAL_FILL = colors.HexColor("#dde3ea")
BUDGET_BAR = colors.HexColor("#4c78a8")
SPENT_BAR = colors.HexColor("#f58518")

CHANNEL_COLORS = theme.CHANNEL_COLORS
CHANNEL_GLYPHS = theme.CHANNEL_GLYPHS
STATUS_COLORS = theme.STATUS_COLORS


# Colours by name are cached: a big map asks for the same few tens of thousands of times,
# and parsing "#rrggbb" each time showed in profiles. reportlab never changes a colour.


@cache
def hex_color(value: str) -> Color:
    """A reportlab colour from ``#rrggbb``."""
    return colors.HexColor(value)


@cache
def channel_color(channel: Channel) -> Color:
    """The colour of a channel's mark on cards, in the legend and in charts."""
    return colors.HexColor(CHANNEL_COLORS.get(channel, "#7f7f7f"))


@cache
def status_color(status: Status) -> Color:
    """The colour of a status (timeline marks)."""
    return colors.HexColor(STATUS_COLORS.get(status, "#7f7f7f"))


def ink_on(fill: Color) -> Color:
    """Black or white, whichever reads better on ``fill`` (yellow headers need black)."""
    luminance = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return INK if luminance > 0.6 else colors.white


def blend(color: Color, toward: Color = PAPER, amount: float = 0.7) -> Color:
    """``color`` mixed with ``toward``: how dimmed cards keep a hint of their colour."""
    return Color(color.red + (toward.red - color.red) * amount,
                 color.green + (toward.green - color.green) * amount,
                 color.blue + (toward.blue - color.blue) * amount)


def fade(color: Color, alpha: float) -> Color:
    """``color`` at opacity ``alpha``.

    reportlab sets the opacity from every colour it is given, so fading is done by the
    colours themselves (an opacity set beforehand would be undone by the next colour).
    """
    if alpha >= 1:
        return color
    return Color(color.red, color.green, color.blue, alpha=alpha)


def darker(color: Color, factor: float) -> Color:
    """Like QColor.darker: the HSV value divided by ``factor`` / 100."""
    h, sat, v = colorsys.rgb_to_hsv(color.red, color.green, color.blue)
    return Color(*colorsys.hsv_to_rgb(h, sat, v * 100 / factor))


def importance_color(importance: float) -> Color:
    """Badge colour: grey for minor touchpoints, deep blue for the ones that matter most."""
    return hex_color(theme.importance_hex(importance))


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of the document, all in DejaVu Sans."""

    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    quote: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (built once; fonts must be registered first)."""
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.2)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22,
                             spaceAfter=4),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=15,
                               leading=19, spaceAfter=8),
        subheading=ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, fontSize=11,
                                  leading=14, spaceBefore=8, spaceAfter=4),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle("head", parent=cell, fontName=FONT_BOLD),
        head_right=ParagraphStyle("head_right", parent=cell, fontName=FONT_BOLD,
                                  alignment=TA_RIGHT),
        quote=ParagraphStyle("quote", parent=body, textColor=MUTED, leftIndent=8,
                             fontSize=9.5, leading=12.5),
    )


def drawing(width: float, height: float) -> Drawing:
    """An empty Drawing that starts in DejaVu Sans.

    reportlab starts every drawing in Helvetica, which then shows up unembedded in the PDF's
    font list even when no text uses it.
    """
    d = Drawing(width, height)
    d.initialFontName = FONT
    return d


def layout_style(*commands: tuple[object, ...]) -> TableStyle:
    """A TableStyle for tables used for layout; DejaVu Sans even for empty cells.

    A table's cells default to Helvetica, which would appear unembedded in the PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8), *commands])


def header_row(labels: list[str], right: set[int] | frozenset[int] = frozenset()) -> list[object]:
    """Table header cells that wrap ("Remaining (EUR)") instead of running into each other."""


    st = styles()
    return [Paragraph(escape(label), st.head_right if i in right else st.head)
            for i, label in enumerate(labels)]
