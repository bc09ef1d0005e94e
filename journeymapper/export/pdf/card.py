"""One touchpoint card as printed: the same box the canvas draws, filled in for paper.

A card shows its channel (colour bar and name), importance badge, the personas it serves
(colour dots), its name (wrapped, at most three lines, the rest elided), owner and deadline
(red, with a mark, when overdue). Every string is fitted to the card, so nothing overflows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.export.formatting import channel_label, clean, short_date
from journeymapper.export.pdf.fonts import text_width
from journeymapper.export.pdf.map_draw import rect, text
from journeymapper.export.pdf.styles import (
    INK,
    MUTED,
    OVERDUE,
    PAPER,
    RULE,
    blend,
    channel_color,
    importance_color,
    ink_on,
)
from journeymapper.export.pdf.text import elide, wrap
from journeymapper.layout import Rect
from journeymapper.model import Touchpoint

NAME_SIZE = 11.5
NAME_LEADING = 13.5
SMALL_SIZE = 8.5
BAR_HEIGHT = 5.0
PAD = 8.0
DOT_RADIUS = 3.5


@dataclass(frozen=True, slots=True)
class CardStyle:
    """What every card of one page shares: date, persona colours, who is highlighted."""

    today: dt.date
    persona_colors: Mapping[str, Color]
    highlight: str | None = None
    detailed: bool = True  # False on the overview page: boxes only, text would be dust


def _palette(dimmed: bool) -> tuple[Color, Color, Color]:
    """Card fill, main ink and muted ink, paler for cards outside the highlighted persona."""
    if dimmed:
        return blend(PAPER, RULE, 0.25), blend(INK, amount=0.6), blend(MUTED, amount=0.55)
    return PAPER, INK, MUTED


def draw_card(c: Canvas, box: Rect, tp: Touchpoint, importance: float, style: CardStyle) -> None:
    """Draw ``tp`` into ``box`` (map points, y down)."""
    dimmed = style.highlight is not None and not tp.serves(style.highlight)
    fill, ink, muted = _palette(dimmed)
    overdue = tp.is_overdue(style.today)
    channel = channel_color(tp.channel)
    if dimmed:
        channel = blend(channel, amount=0.65)
    border = OVERDUE if overdue and not dimmed else RULE
    rect(c, box, fill=fill, stroke=border, width=1.6 if border is OVERDUE else 0.8, radius=5)
    # The channel bar: a thin band across the top, as on the canvas.
    c.setFillColor(channel)
    c.rect(box.x + 0.8, -(box.y + BAR_HEIGHT), box.w - 1.6, BAR_HEIGHT - 0.8, stroke=0, fill=1)
    if not style.detailed:
        return

    right = box.right - PAD
    # Importance badge, top right.
    badge_text = f"{importance:.0f}"
    badge_w = max(22.0, text_width(badge_text, 8.5, True) + 10)
    badge_fill = importance_color(importance)
    if dimmed:
        badge_fill = blend(badge_fill, amount=0.6)
    rect(c, Rect(right - badge_w, box.y + 9, badge_w, 14), fill=badge_fill, radius=7)
    text(c, right - badge_w / 2, box.y + 19.5, badge_text, 8.5, bold=True,
         color=ink_on(badge_fill), align="center")
    right -= badge_w + 5

    # Persona dots, left of the badge; "+n" when more than fit.
    ids = [pid for pid in tp.persona_ids if pid in style.persona_colors]
    shown = ids[:5]
    for pid in reversed(shown):
        dot = style.persona_colors[pid]
        c.setFillColor(blend(dot, amount=0.6) if dimmed else dot)
        c.circle(right - DOT_RADIUS, -(box.y + 16), DOT_RADIUS, stroke=0, fill=1)
        right -= 2 * DOT_RADIUS + 2.5
    if len(ids) > len(shown):
        more = f"+{len(ids) - len(shown)}"
        text(c, right, box.y + 19, more, 7.5, color=muted, align="right")
        right -= text_width(more, 7.5) + 3

    # Channel: a swatch and the channel's name in the room left on the top row.
    c.setFillColor(channel)
    c.rect(box.x + PAD, -(box.y + 20), 7, 7, stroke=0, fill=1)
    room = right - (box.x + PAD + 11) - 3
    if room > 12:
        text(c, box.x + PAD + 11, box.y + 19.5, elide(channel_label(tp.channel), room, SMALL_SIZE),
             SMALL_SIZE, color=muted)

    # Name: up to three lines, the last one elided when the name is longer.
    width = box.w - 2 * PAD
    bottom_row = box.bottom - 9
    room_lines = int((bottom_row - 12 - (box.y + 27)) // NAME_LEADING) + 1
    for n, line in enumerate(wrap(tp.name, width, NAME_SIZE, bold=True,
                                  max_lines=max(1, min(3, room_lines)))):
        text(c, box.x + PAD, box.y + 38 + n * NAME_LEADING, line, NAME_SIZE, bold=True,
             color=ink)

    # Bottom row: owner on the left, deadline on the right.
    deadline_w = 0.0
    if tp.deadline is not None:
        label = short_date(tp.deadline)
        deadline_w = text_width(label, SMALL_SIZE, overdue)
        due_ink = OVERDUE if overdue and not dimmed else muted
        text(c, box.right - PAD, bottom_row, label, SMALL_SIZE, bold=overdue, color=due_ink,
             align="right")
        if overdue:
            # A red disc with "!" so overdue reads even on a black-and-white print.
            cx = box.right - PAD - deadline_w - 7.5
            c.setFillColor(due_ink)
            c.circle(cx, -(bottom_row - 3), 5.5, stroke=0, fill=1)
            text(c, cx, bottom_row, "!", 8, bold=True, color=colors.white, align="center")
            deadline_w += 16
    owner = clean(tp.owner)
    if owner:
        room = box.w - 2 * PAD - deadline_w - 6
        if room > 12:
            text(c, box.x + PAD, bottom_row, elide(owner, room, SMALL_SIZE), SMALL_SIZE,
                 color=muted)
