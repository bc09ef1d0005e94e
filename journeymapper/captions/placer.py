"""Where a link's caption sits: on its line, wrapped and slid along it to stay clear of the
two cards it joins (no Qt).

Cards a stage apart leave a gap of a few dozen points, and a caption centred on a short link
("35% · link in bio") ran under both cards, where they hid half of it. The canvas and the PDF
export place captions with the same rules; each measures text with its own copy of the same
font.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from journeymapper.layout import Rect

PAD_X = 5.0  # the caption's box around its text
PAD_Y = 2.0
CLEARANCE = 3.0  # between a caption's box and a card
WIDEST = 200.0  # of a caption's text; longer ones wrap
MAX_LINES = 3
# Narrower wraps tried, in turn, when the caption does not fit between the cards on one line.
NARROWER = (120.0, 80.0, 60.0)
# Where along the link the caption may be pinned, in the order they are tried: first centred
# there, then beside the line (above, below, left, right of the pin), still covering it by
# HOLD so that it reads as the line's.
ALONG = (0.5, 0.4, 0.6, 0.3, 0.7)
HOLD = 4.0
CAPTION_WEIGHT = 2.0
# Showing only the share ("35%") of a caption costs as much as hiding this part of the whole.
SHORT_LOSS = 0.25
NOTABLY = 10.0  # square points
# What a caption loses under a card is measured on its text: its box less its padding and the
# clearance the obstacles are grown by.
TEXT_INSET_X = PAD_X + CLEARANCE
TEXT_INSET_Y = PAD_Y + CLEARANCE
ELLIPSIS = "…"

Measure = Callable[[str], float]
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class CaptionLayout:
    """A caption's text broken into lines, and the size of its box."""

    lines: tuple[str, ...]
    width: float
    height: float
    loss: float = 0.0
    """What showing this layout loses: nothing for the whole caption, for its short form
    a part (SHORT_LOSS) of the whole's box."""


@dataclass(frozen=True, slots=True)
class CaptionPlace:
    """A caption's lines and its box on the map."""

    lines: tuple[str, ...]
    box: Rect


class CaptionPlacer:
    """Lays out and places captions with one font's measure; remembers each text's layouts
    (a big map repeats the same few captions)."""

    def __init__(self, measure: Measure, line_height: float) -> None:
        self._measure = measure
        self._line_height = line_height
        self._layouts: dict[tuple[str, str], tuple[CaptionLayout, ...]] = {}

    def layouts(self, text: str, short: str = "") -> tuple[CaptionLayout, ...]:
        """The ways to show ``text``, widest first: one line (or up to MAX_LINES of
        WIDEST), then each narrower wrap that changes the lines, then ``short`` (the share
        without the label) if there is one."""
        found = self._layouts.get((text, short))
        if found is None:
            found = self._layouts[(text, short)] = self._lay_out(text, short)
        return found

    def _lay_out(self, text: str, short: str) -> tuple[CaptionLayout, ...]:
        layouts = [self._layout(wrap_words(text, WIDEST, self._measure, MAX_LINES))]
        for width in NARROWER:
            # No "…" here: a narrower wrap that would lose words is not tried.
            lines = wrap_words(text, width, self._measure, MAX_LINES + 1)
            if len(lines) <= MAX_LINES and tuple(lines) != layouts[-1].lines:
                layouts.append(self._layout(lines))
        if short and short != text:
            whole = layouts[0]
            layouts.append(self._layout([short], SHORT_LOSS * whole.width * whole.height))
        return tuple(layouts)

    def _layout(self, lines: list[str], loss: float = 0.0) -> CaptionLayout:
        widest = max((self._measure(line) for line in lines), default=0.0)
        return CaptionLayout(tuple(lines), widest + 2 * PAD_X,
                             self._line_height * len(lines) + 2 * PAD_Y, loss)

    def reach(self, text: str, short: str = "") -> tuple[float, float]:
        """How far, across and down, the caption of ``text`` can reach from its pin."""
        layouts = self.layouts(text, short)
        return (max(layout.width for layout in layouts) - HOLD,
                max(layout.height for layout in layouts) - HOLD)

    def best(self, text: str, start: Point, end: Point, cards: Iterable[Rect],
             captions: Iterable[Rect] = (), short: str = "") -> CaptionPlace:
        """Where the caption of the link from ``start`` to ``end`` goes: the widest layout
        (of ``text``, then of ``short``) whose box, somewhere along the link, keeps clear of
        ``cards`` (its own two and any other) and of ``captions`` placed before it; else
        the one that loses the least: the part of it hidden under cards (drawn over it),
        CAPTION_WEIGHT times the part over other captions, and what its layout leaves out
        (the short form: the label)."""
        clear = _Obstacles(cards, captions)
        pins = [(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
                for t in ALONG]
        best: tuple[float, CaptionLayout, float, float] | None = None
        for layout in self.layouts(text, short):
            half_w, half_h = layout.width / 2, layout.height / 2
            across, down = half_w - HOLD, half_h - HOLD
            for ox, oy in ((0.0, 0.0), (0.0, -down), (0.0, down), (-across, 0.0),
                           (across, 0.0)):
                for px, py in pins:
                    cx, cy = px + ox, py + oy
                    left, top, right, bottom = cx - half_w, cy - half_h, cx + half_w, cy + half_h
                    if not clear.meets(left, top, right, bottom):
                        if not layout.loss:
                            return _place(layout, cx, cy)
                        lost = layout.loss
                    else:
                        # What is hidden of the text itself, not of its margins.
                        enough = math.inf if best is None else best[0] - layout.loss
                        lost = layout.loss + clear.covered(
                            left + TEXT_INSET_X, top + TEXT_INSET_Y, right - TEXT_INSET_X,
                            bottom - TEXT_INSET_Y, enough)
                    # Only a clearly better place replaces an earlier one: the canvas and
                    # the PDF measure text a hair apart and must not break ties apart.
                    if best is None or lost < best[0] - NOTABLY:
                        best = (lost, layout, cx, cy)
        assert best is not None  # there is always at least one layout
        return _place(best[1], best[2], best[3])


class _Obstacles:
    """Boxes to keep clear of, sorted by their left edges: a candidate box looks only at
    those whose left edges fall within one obstacle's width of its own."""

    def __init__(self, cards: Iterable[Rect], captions: Iterable[Rect]) -> None:
        boxes = [(r.x - CLEARANCE, r.y - CLEARANCE, r.x + r.w + CLEARANCE,
                  r.y + r.h + CLEARANCE, 1.0) for r in cards]
        boxes += [(r.x - CLEARANCE, r.y - CLEARANCE, r.x + r.w + CLEARANCE,
                   r.y + r.h + CLEARANCE, CAPTION_WEIGHT) for r in captions]
        boxes.sort()
        self._boxes = boxes
        self._lefts = [box[0] for box in boxes]
        self._widest = max((box[2] - box[0] for box in boxes), default=0.0)

    def meets(self, left: float, top: float, right: float, bottom: float) -> bool:
        """True when the box overlaps an obstacle."""
        boxes, lefts = self._boxes, self._lefts
        for i in range(bisect.bisect_right(lefts, left - self._widest),
                       bisect.bisect_left(lefts, right)):
            _left, o_top, o_right, o_bottom, _weight = boxes[i]
            if o_right > left and o_top < bottom and o_bottom > top:
                return True
        return False

    def covered(self, left: float, top: float, right: float, bottom: float,
                enough: float) -> float:
        """The weighed area the box shares with the obstacles, or at least ``enough`` (the
        count stops there)."""
        boxes, lefts = self._boxes, self._lefts
        covered = 0.0
        for i in range(bisect.bisect_right(lefts, left - self._widest),
                       bisect.bisect_left(lefts, right)):
            o_left, o_top, o_right, o_bottom, weight = boxes[i]
            if o_right <= left or o_top >= bottom or o_bottom <= top:
                continue
            w = (right if right < o_right else o_right) - (left if left > o_left else o_left)
            h = (bottom if bottom < o_bottom else o_bottom) - (top if top > o_top else o_top)
            covered += w * h * weight
            if covered >= enough:
                break
        return covered


def _place(layout: CaptionLayout, cx: float, cy: float) -> CaptionPlace:
    return CaptionPlace(layout.lines, Rect(cx - layout.width / 2, cy - layout.height / 2,
                                           layout.width, layout.height))


def wrap_words(text: str, width: float, measure: Measure, max_lines: int) -> list[str]:
    """``text`` broken between words into lines no wider than ``width``; a word wider than
    that stands on a line of its own, and text past ``max_lines`` lines ends in "…"."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if not current or measure(trial) <= width:
            current = trial
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = elide(" ".join(lines[max_lines - 1:]), width, measure)
    return kept


def elide(text: str, width: float, measure: Measure) -> str:
    """``text`` cut short with "…" to fit ``width`` (at least its first character)."""
    if measure(text) <= width:
        return text
    low, high = 1, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS
