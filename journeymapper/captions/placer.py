"""Where a link's caption sits: on its line, wrapped and slid along it to stay clear of the
cards and of the captions placed before it (no Qt).

Cards a stage apart leave a gap of a few dozen points, and a caption centred on a short link
("35% · link in bio") ran under both cards, where they hid half of it. A caption now takes
the first place along its line, in one of its layouts, that keeps clear of everything; where
none does, the one that loses least, but never one with a good part of its text hidden (a
share cut to "5%" reads as another number, a fragment beside the wrong arrow as its caption):
with no such place it is drawn over the cards across a gap, or not at all. The canvas and the
PDF export place captions by the same rules, each measuring text in its own copy of the same
font.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from journeymapper.captions.text import SEPARATOR
from journeymapper.layout import Rect

PAD_X = 5.0  # the caption's box around its text
PAD_Y = 2.0
CLEARANCE = 3.0  # between a caption's box and a card
WIDEST = 200.0  # of a caption's text; longer ones wrap, longer words are cut short
MAX_LINES = 3
# Narrower wraps tried, in turn, when the caption does not fit between the cards on one line.
NARROWER = (120.0, 80.0, 60.0)
# Where along the link the caption may be pinned, in the order they are tried: first centred
# there, then beside the line (above, below, left, right of the pin), its centre a quarter of
# its size from the pin, so that it still reads as that line's.
ALONG = (0.5, 0.4, 0.6, 0.3, 0.7)
BESIDE = 0.25
CAPTION_WEIGHT = 2.0  # hiding another caption counts this many times its area
# Showing only the share ("35%") of a caption costs as much as hiding this part of the whole.
SHORT_LOSS = 0.25
# Text hidden under a card costs this many times its area, and a place that hides more than
# TOLERATED of the caption's text is no place for it.
HIDDEN_WEIGHT = 4.0
TOLERATED = 0.1
# A caption drawn over the cards must straddle a gap: more of it than this on cards, and it
# is not drawn at all.
OVER_AT_MOST = 0.5
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
    over: bool = False
    """Drawn over the cards: nowhere along its line is there room for it (see
    :meth:`CaptionPlacer.best`)."""


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
        measure = self._measure
        # On more than one line the share stands on the first, the label under it.
        label = text[len(short) + len(SEPARATOR):] if short and text.startswith(
            short + SEPARATOR) else ""

        def lines_of(width: float, max_lines: int) -> tuple[list[str], bool]:
            if measure(text) <= width or not label:
                return wrap_words(text, width, measure, max_lines)
            lines, cut = wrap_words(label, width, measure, max_lines - 1)
            return [short, *lines], cut

        layouts = [self._layout(lines_of(WIDEST, MAX_LINES)[0])]
        for width in NARROWER:
            # A narrower wrap that would lose words or lines is not tried.
            lines, cut = lines_of(width, MAX_LINES + 1)
            if not cut and len(lines) <= MAX_LINES and tuple(lines) != layouts[-1].lines:
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
        return (max(layout.width for layout in layouts) * (0.5 + BESIDE),
                max(layout.height for layout in layouts) * (0.5 + BESIDE))

    def best(self, text: str, start: Point, end: Point, cards: Iterable[Rect],
             captions: Iterable[Rect] = (), short: str = "") -> CaptionPlace:
        """Where the caption of the link from ``start`` to ``end`` goes: the widest layout
        (of ``text``, then of ``short``) whose box, somewhere along the link, keeps clear of
        ``cards`` (its own two and any other) and of ``captions`` placed before it; else
        the one that loses the least (HIDDEN_WEIGHT times its text hidden under cards or,
        CAPTION_WEIGHT times more, under other captions, and what its layout leaves out).
        When every place would hide more than TOLERATED of its text, its smallest layout
        goes where it covers the least, drawn over the cards (a share cut to "5%" would
        read as another number), if that straddles a gap; else it is not drawn (no
        lines)."""
        clear = _Obstacles(cards, captions)
        pins = [(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
                for t in ALONG]
        best: tuple[float, CaptionLayout, float, float] | None = None
        layouts = self.layouts(text, short)
        smallest = min(layouts, key=lambda layout: layout.width * layout.height)
        over: tuple[float, float, float] | None = None  # the smallest layout's least cover
        for layout in layouts:
            half_w, half_h = layout.width / 2, layout.height / 2
            across, down = layout.width * BESIDE, layout.height * BESIDE
            text_w, text_h = layout.width - 2 * TEXT_INSET_X, layout.height - 2 * TEXT_INSET_Y
            tolerated = TOLERATED * max(text_w, 1.0) * max(text_h, 1.0)
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
                        if layout is smallest:  # the cards' own area, not their margins
                            covers = clear.covered(left + CLEARANCE, top + CLEARANCE,
                                                   right - CLEARANCE, bottom - CLEARANCE,
                                                   math.inf)
                            if over is None or covers < over[0] - NOTABLY:
                                over = (covers, cx, cy)
                        hidden = clear.covered(left + TEXT_INSET_X, top + TEXT_INSET_Y,
                                               right - TEXT_INSET_X, bottom - TEXT_INSET_Y,
                                               tolerated * 1.001)
                        if hidden > tolerated:
                            continue
                        lost = layout.loss + HIDDEN_WEIGHT * hidden
                    # Only a clearly better place replaces an earlier one: the canvas and
                    # the PDF measure text a hair apart and must not break ties apart.
                    if best is None or lost < best[0] - NOTABLY:
                        best = (lost, layout, cx, cy)
        if best is None:
            assert over is not None  # had any place been clear, it would have been taken
            if over[0] > OVER_AT_MOST * smallest.width * smallest.height:
                # Mostly on a card wherever it goes (its line runs across the card): over
                # the card's title it would hide more than it says.
                return CaptionPlace((), Rect(*pins[0], 0.0, 0.0))
            return _place(smallest, over[1], over[2], over=True)
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


def _place(layout: CaptionLayout, cx: float, cy: float, *, over: bool = False
           ) -> CaptionPlace:
    return CaptionPlace(layout.lines, Rect(cx - layout.width / 2, cy - layout.height / 2,
                                           layout.width, layout.height), over)


def wrap_words(text: str, width: float, measure: Measure, max_lines: int
               ) -> tuple[list[str], bool]:
    """``text`` broken between words into lines no wider than ``width``, a word wider than
    that cut short with "…" and text past ``max_lines`` lines ending in "…"; and whether
    anything was cut."""
    lines: list[str] = []
    current = ""
    cut = False
    for word in text.split():
        if measure(word) > width:
            word, cut = elide(word, width, measure), True
        trial = f"{current} {word}" if current else word
        if not current or measure(trial) <= width:
            current = trial
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, cut
    kept = lines[:max_lines]
    kept[-1] = elide(" ".join(lines[max_lines - 1:]), width, measure)
    return kept, True


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
