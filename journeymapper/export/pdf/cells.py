"""Fast table cells for long tables: one-line text without Paragraph, measured row heights.

A 1,000-row register built from Paragraphs spent most of its time in Paragraph layout and in
reportlab measuring every remaining row again at each page split. Text that fits on one line
is a plain string cell (or a tiny flowable when it must carry a link target), and rows are
measured once and cut into pages here.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from journeymapper.export.formatting import clean
from journeymapper.export.pdf.fonts import text_width
from journeymapper.export.pdf.outline import Anchor
from journeymapper.export.pdf.styles import FONT_BOLD
from journeymapper.export.pdf.text import markup


class Line(Flowable):
    """One line of plain text in a paragraph style's font (already known to fit), optionally
    a named destination for links (the register row a map card jumps to)."""

    def __init__(self, text: str, style: ParagraphStyle, color: Color | None = None,
                 anchor: str | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.color = color or style.textColor
        self.anchor = anchor
        self.height = style.leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Always one line."""
        self.width = avail_width
        return (avail_width, self.style.leading)

    def draw(self) -> None:
        """Draw on the same baseline a one-line Paragraph would use."""
        c = self.canv
        if self.anchor:
            c.bookmarkHorizontal(self.anchor, 0, self.style.leading)
        c.setFillColor(self.color)
        c.setFont(self.style.fontName, self.style.fontSize)
        c.drawString(0, self.style.leading - self.style.fontSize, self.text)


def text_cell(text: str, width: float, style: ParagraphStyle,
              anchor: str | None = None) -> tuple[str | Flowable | list[Flowable], float]:
    """A cell for user text ``width`` points wide and the height it needs.

    A plain string when it fits on one line (the table sets it in the column's font), else
    a wrapping Paragraph with the text escaped. With ``anchor`` the cell is also a link
    target, which takes a flowable.
    """
    value = clean(text)
    bold = style.fontName == FONT_BOLD
    if text_width(value, style.fontSize, bold) <= width:
        return (Line(value, style, anchor=anchor) if anchor else value), style.leading
    para = Paragraph(markup(value), style)
    _, height = para.wrap(width, 1e6)
    return ([Anchor(anchor), para] if anchor else para), height


def cell_height(cell: object, width: float) -> float:
    """Height of a cell's flowables at ``width`` (header cells are Paragraphs)."""
    items = cell if isinstance(cell, list) else [cell]
    return sum(item.wrap(width, 1e6)[1] for item in items if isinstance(item, Flowable))


def page_chunks(heights: list[float], header: float, first_room: float,
                room: float) -> list[range]:
    """Rows (by index) per page: as many as fit under a repeated header row.

    reportlab splits a long table by rebuilding the rest of it at every page break, which is
    quadratic in the rows; one table per page, cut here from measured heights, is linear.
    A page always takes at least one row, however tall.
    """
    chunks: list[range] = []
    start, used, limit = 0, header, first_room
    for i, h in enumerate(heights):
        if used + h > limit and i > start:
            chunks.append(range(start, i))
            start, used, limit = i, header, room
        used += h
    if start < len(heights) or not chunks:
        chunks.append(range(start, len(heights)))
    return chunks


def column_widths(width: float, headers: list[str], shares: list[float],
                  samples: list[list[str]], size: float = 7.5, padding: float = 6.0,
                  flexible: set[int] | frozenset[int] = frozenset(),
                  min_flexible: float = 48.0) -> list[float]:
    """Column widths for ``width``: every column at least as wide as its longest header word
    and its widest sample value (so "Performance" never breaks into "Performanc e"), the
    room left shared among the ``flexible`` columns by ``shares``.

    With huge amounts the columns may need more than ``width``; the caller sees it in the
    sum and picks another layout.
    """
    def need(i: int) -> float:
        words = [w for w in headers[i].split()] or [""]
        head = max(text_width(w, size, True) for w in words)
        # Measured in bold: overdue dates and the totals row are bold.
        body = max((text_width(row[i], size, True) for row in samples), default=0.0)
        return max(head, body) + padding + 1

    minimum = [max(need(i), min_flexible) if i in flexible else need(i)
               for i in range(len(headers))]
    fixed = sum(m for i, m in enumerate(minimum) if i not in flexible)
    room = width - fixed
    total = sum(shares[i] for i in flexible) or 1.0
    widths = [m if i not in flexible else max(m, room * shares[i] / total)
              for i, m in enumerate(minimum)]
    # Narrow paper: shrink the flexible columns back so the table still fits the page.
    excess = sum(widths) - width
    if excess > 0:
        slack = {i: widths[i] - minimum[i] for i in flexible}
        spare = sum(slack.values())
        for i in flexible:
            widths[i] -= excess * slack[i] / spare if spare else 0.0
    return widths
