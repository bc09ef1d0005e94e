"""Colours and paragraph styles shared by every section of the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from journeymapper.export.pdf.fonts import FONT, FONT_BOLD
from journeymapper.model import Channel, Status

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#c8c8c8")
PAPER = colors.white
LANE_FILLS = (colors.HexColor("#f7f7f5"), colors.HexColor("#efefec"))
OVERDUE_HEX = "#d62728"
OVERDUE = colors.HexColor(OVERDUE_HEX)
LINK = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#e9ecef")
TOTAL_FILL = colors.HexColor("#dde3ea")
BUDGET_BAR = colors.HexColor("#4c78a8")
SPENT_BAR = colors.HexColor("#f58518")

# One colour per channel, so a channel reads the same on every page (map, legend, charts).
CHANNEL_COLORS: dict[Channel, str] = {
    Channel.WEBSITE: "#4c78a8", Channel.SEARCH: "#72b7b2", Channel.SOCIAL: "#e45756",
    Channel.EMAIL: "#f58518", Channel.CHAT: "#54a24b", Channel.PHONE: "#b279a2",
    Channel.STORE: "#9d755d", Channel.EVENT: "#ff9da6", Channel.ADVERTISING: "#eeca3b",
    Channel.REVIEWS: "#bab0ac", Channel.REFERRAL: "#17becf", Channel.APP: "#1f77b4",
    Channel.PRINT: "#8c564b", Channel.DELIVERY: "#2ca02c", Channel.OTHER: "#7f7f7f",
}

STATUS_COLORS: dict[Status, str] = {
    Status.IDEA: "#9e9e9e", Status.PLANNED: "#4c78a8", Status.IN_PROGRESS: "#f58518",
    Status.LIVE: "#54a24b", Status.RETIRED: "#bab0ac",
}


def hex_color(value: str) -> Color:
    """A reportlab colour from ``#rrggbb``."""
    return colors.HexColor(value)


def channel_color(channel: Channel) -> Color:
    """The colour of a channel's mark on cards, in the legend and in charts."""
    return colors.HexColor(CHANNEL_COLORS.get(channel, "#7f7f7f"))


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


def importance_color(importance: float) -> Color:
    """Badge colour: grey for minor touchpoints, deep blue for the ones that matter most."""
    if importance >= 75:
        return colors.HexColor("#1d4e89")
    if importance >= 50:
        return colors.HexColor("#4c78a8")
    if importance >= 25:
        return colors.HexColor("#8fb0d3")
    return colors.HexColor("#c9d3de")


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
