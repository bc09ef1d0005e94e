"""One touchpoint card as printed: the canvas's card (ui/canvas/items/card.py) on paper.

A channel strip on the left, the channel's glyph and name, the importance badge, the name
(two lines, the rest elided), owner and deadline (red with a warning sign when overdue) and
persona dots. Every string is fitted to the card, so nothing overflows it. Paper resolves
far finer than a screen, so cards print in full detail at any scale the plan allows; only
the overview page draws them as plain boxes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from journeymapper.export.formatting import channel_label, clean, short_date
from journeymapper.export.pdf.fonts import text_width
from journeymapper.export.pdf.map_draw import LINE, TextBatch, disc, rect, stamp
from journeymapper.export.pdf.styles import (
    CHANNEL_GLYPHS,
    DIMMED_ALPHA,
    INK,
    MUTED,
    OVERDUE,
    PAPER,
    RULE,
    channel_color,
    darker,
    fade,
    importance_color,
    ink_on,
)
from journeymapper.export.pdf.text import elide, wrap
from journeymapper.layout import Rect
from journeymapper.model import Touchpoint

STRIP = 8.0
BADGE_RADIUS = 16.0
DOT_RADIUS = 6.0
MAX_DOTS = 4


@dataclass(frozen=True, slots=True)
class CardStyle:
    """What every card of one page shares: date, persona colours, who is highlighted."""

    today: dt.date
    persona_colors: Mapping[str, Color]
    highlight: str | None = None
    detailed: bool = True  # False on the overview page: boxes only, text would be dust


def draw_card(c: Canvas, box: Rect, tp: Touchpoint, importance: float, style: CardStyle) -> None:
    """Draw ``tp`` into ``box`` (map points, y down); faded when off the highlighted journey."""
    faded = style.highlight is not None and not tp.serves(style.highlight)
    alpha = DIMMED_ALPHA if faded else 1.0
    mark = fade(channel_color(tp.channel), alpha)
    if not style.detailed:
        rect(c, box, fill=mark)
        return
    # The frame is the same on every card: a form drawn once, placed at each card.
    stamp(c, f"jm-card-frame-{alpha:g}", (-2, -box.h - 2, box.w + 2, 2),
          lambda c: rect(c, Rect(0, 0, box.w, box.h), fill=fade(PAPER, alpha),
                         stroke=fade(RULE, alpha), width=1.2, radius=7),
          box.x, -box.y)
    c.setFillColor(mark)
    c.rect(box.x + 1, -(box.bottom - 1), STRIP, box.h - 2, stroke=0, fill=1)
    left = box.x + STRIP + 8
    w = box.w
    # Shapes are drawn as they come; all strings go on top in one text object.
    text = TextBatch(c)
    # Channel: glyph and name, in a darker shade of the channel colour.
    channel = f"{CHANNEL_GLYPHS.get(tp.channel, '')} {channel_label(tp.channel)}"
    text.add(left, box.y + 7, elide(channel, w - STRIP - 52, 13), 13,
             color=fade(darker(channel_color(tp.channel), 140), alpha))
    _badge(c, text, box, importance, alpha)
    # Name: two lines, the rest elided.
    for n, line in enumerate(wrap(tp.name, w - STRIP - 18, 16, bold=True, max_lines=2)):
        text.add(left, box.y + 34 + n * LINE * 16, line, 16, bold=True, color=fade(INK, alpha))
    # Bottom row: owner on the left, deadline on the right, persona dots between them.
    # (Laid out from the measured deadline, so an overdue date is never elided.)
    bottom = box.y + box.h - 24
    right = box.right - 8
    if tp.deadline is not None:
        overdue = tp.is_overdue(style.today)
        label = ("\u26a0 " if overdue else "") + short_date(tp.deadline)
        text.add(right, bottom, label, 13, bold=overdue,
                 color=fade(OVERDUE if overdue else MUTED, alpha), align="right")
        right -= text_width(label, 13, overdue) + 6
    dots = [style.persona_colors[p] for p in tp.persona_ids if p in style.persona_colors]
    for color in reversed(dots[:MAX_DOTS]):
        # The canvas's 1.5 pt white pen around each dot.
        disc(c, right - DOT_RADIUS, bottom + 9, DOT_RADIUS + 0.75, fade(PAPER, alpha))
        disc(c, right - DOT_RADIUS, bottom + 9, DOT_RADIUS - 0.75, fade(color, alpha))
        right -= 2 * DOT_RADIUS + 2
    owner = clean(tp.owner)
    if owner and right - 4 - left >= 20:
        text.add(left, bottom, elide(owner, right - 4 - left, 13), 13, color=fade(MUTED, alpha))
    text.draw()


def _badge(c: Canvas, text: TextBatch, box: Rect, importance: float, alpha: float) -> None:
    """Importance 0..100 in a disc at the top right, darker for the ones that matter."""
    fill = importance_color(importance)
    cx, cy = box.right - 22, box.y + 20
    disc(c, cx, cy, BADGE_RADIUS, fade(fill, alpha))
    # Centred on the disc as Qt centres the text box: half a line above the centre.
    text.add(cx, cy - LINE * 14 / 2, f"{importance:.0f}", 14, bold=True,
             color=fade(ink_on(fill), alpha), align="center")


