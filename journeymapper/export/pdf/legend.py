"""The map legend: what channel colours, persona dots, badges and marks mean."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.export.formatting import channel_label, clean
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.styles import (
    INK,
    LINK,
    MUTED,
    OVERDUE,
    channel_color,
    hex_color,
    importance_color,
)
from journeymapper.export.pdf.text import elide
from journeymapper.model import Project

SIZE = 7.5
LINE = 12.0
SYMBOL = 10.0
GAP = 12.0
MAX_LABEL = 150.0


class Symbol(Enum):
    """How a legend entry is drawn."""

    SWATCH = "swatch"
    DOT = "dot"
    BADGE = "badge"
    OVERDUE = "overdue"
    ARROW = "arrow"
    CURVE = "curve"
    HEADING = "heading"


@dataclass(frozen=True, slots=True)
class Entry:
    """One legend item: a symbol in a colour and its words."""

    symbol: Symbol
    color: Color
    label: str

    def width(self) -> float:
        """Printed width including the symbol and the gap after it."""
        if self.symbol is Symbol.HEADING:
            return text_width(self.label, SIZE, True) + 5
        return SYMBOL + 3 + text_width(self.label, SIZE) + GAP


def legend_entries(project: Project, persona_id: str | None) -> list[Entry]:
    """The entries that matter for this map: only channels and personas it uses."""
    used = {tp.channel for tp in project.touchpoints}
    entries: list[Entry] = []
    channels = sorted(used, key=channel_label)
    if channels:
        entries.append(Entry(Symbol.HEADING, INK, "Channels"))
        entries += [Entry(Symbol.SWATCH, channel_color(ch), channel_label(ch)) for ch in channels]
    if project.personas:
        entries.append(Entry(Symbol.HEADING, INK, "Personas"))
        for p in project.personas:
            mark = " (highlighted)" if p.id == persona_id else ""
            entries.append(Entry(Symbol.DOT, hex_color(p.color),
                                 elide(clean(p.name), MAX_LABEL, SIZE) + mark))
    entries.append(Entry(Symbol.HEADING, INK, "Marks"))
    entries += [
        Entry(Symbol.BADGE, importance_color(80), "importance 0\u2013100"),
        Entry(Symbol.OVERDUE, OVERDUE, "overdue deadline"),
        Entry(Symbol.ARROW, LINK, "customer flow"),
        Entry(Symbol.CURVE, LINK, "emotion curve (per persona)"),
    ]
    return entries


LegendRows = list[list[tuple[Entry, float]]]


def legend_rows(entries: list[Entry], width: float) -> LegendRows:
    """Entries flowed into rows that fit ``width``; each with its x offset."""
    rows: LegendRows = [[]]
    x = 0.0
    for i, entry in enumerate(entries):
        w = entry.width()
        # A heading never ends a row: it moves down with the entry it introduces.
        needed = w + (entries[i + 1].width() if entry.symbol is Symbol.HEADING
                      and i + 1 < len(entries) else 0.0)
        if rows[-1] and x + needed > width:
            rows.append([])
            x = 0.0
        rows[-1].append((entry, x))
        x += w
    return rows if rows[0] else []


def legend_height(rows: LegendRows) -> float:
    """Height in points of the legend band."""
    return len(rows) * LINE


def draw_legend(c: Canvas, rows: LegendRows, x: float, top: float) -> None:
    """Draw the rows with their first baseline just below ``top`` (page points, y up)."""
    for n, row in enumerate(rows):
        base = top - (n + 1) * LINE + 3
        for entry, dx in row:
            _draw_entry(c, entry, x + dx, base)


def _draw_entry(c: Canvas, entry: Entry, x: float, base: float) -> None:
    mid = base + 2.6
    c.setFillColor(entry.color)
    c.setStrokeColor(entry.color)
    if entry.symbol is Symbol.HEADING:
        c.setFont(FONT_BOLD, SIZE)
        c.drawString(x, base, entry.label + ":")
        return
    if entry.symbol is Symbol.SWATCH:
        c.rect(x + 1, mid - 4, 8, 8, stroke=0, fill=1)
    elif entry.symbol is Symbol.DOT:
        c.circle(x + 5, mid, 3.5, stroke=0, fill=1)
    elif entry.symbol is Symbol.BADGE:
        c.circle(x + 5, mid, 4.5, stroke=0, fill=1)
    elif entry.symbol is Symbol.OVERDUE:
        # The sign the cards put before an overdue date.
        c.setFont(FONT_BOLD, SIZE + 1)
        c.drawCentredString(x + 5, base, "\u26a0")
    elif entry.symbol is Symbol.ARROW:
        c.setLineWidth(1)
        c.line(x, mid, x + 7, mid)
        path = c.beginPath()
        path.moveTo(x + 10, mid)
        path.lineTo(x + 6, mid + 2.5)
        path.lineTo(x + 6, mid - 2.5)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
    elif entry.symbol is Symbol.CURVE:
        c.setLineWidth(1.5)
        path = c.beginPath()
        path.moveTo(x, mid - 2)
        path.curveTo(x + 3, mid + 5, x + 6, mid - 5, x + 10, mid + 2)
        c.drawPath(path, stroke=1, fill=0)
    c.setFillColor(MUTED)
    c.setFont(FONT, SIZE)
    c.drawString(x + SYMBOL + 3, base, entry.label)
