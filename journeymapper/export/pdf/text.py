"""Fitting text into boxes: wrap by words, break words that are too long, elide with "…".

Card text on the map is drawn with ``drawString`` (so it stays selectable and searchable),
which never wraps by itself; these helpers decide the lines so nothing overflows a card.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import text_width

ELLIPSIS = "…"


def markup(text: str) -> str:
    """User text made safe for Paragraph markup: ``<b>`` prints as ``<b>``, not bold."""
    return escape(clean(text))


def elide(text: str, width: float, size: float, bold: bool = False, *,
          always: bool = False) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` on one line.

    With ``always`` the ellipsis is added even when the text fits: the line is the last one
    shown of a longer text.
    """
    if not always and text_width(text, size, bold) <= width:
        return text
    # Binary search on the cut: linear trimming is quadratic on 200-character names.
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def _break_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word wider than the line, split into pieces that fit."""
    pieces: list[str] = []
    rest = word
    while rest:
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if text_width(rest[:mid], size, bold) <= width:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(rest[:lo])
        rest = rest[lo:]
    return pieces


def wrap(text: str, width: float, size: float, *, bold: bool = False,
         max_lines: int | None = None, break_words: bool = True) -> list[str]:
    """Lines of ``text`` that each fit ``width``; the last one elided past ``max_lines``.

    A word wider than a line is broken across lines, or with ``break_words=False`` (labels,
    where half words read badly) elided on a line of its own.
    """
    words = clean(text).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, size, bold) <= width:
            current = word
        elif not break_words:
            lines.append(elide(word, width, size, bold))
            current = ""
        else:
            *full, current = _break_word(word, width, size, bold)
            lines.extend(full)
        if max_lines is not None and len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        if kept:
            kept[-1] = elide(kept[-1], width, size, bold, always=True)
        return kept
    return lines
