"""The register: every touchpoint in a native PowerPoint table, split over as many slides as it
needs, with the budget and spent totals in the last row of the last slide.

Rows follow the map: stage by stage, then lane and reading order. Row heights are estimated
from the longest wrapped cell, so a slide never holds more than fits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from pptx.table import _Cell
from pptx.util import Emu, Pt

from journeymapper.export.formatting import amount, channel_label, short_date, status_label
from journeymapper.export.pptx.shapes import color
from journeymapper.export.pptx.stages import stage_touchpoints
from journeymapper.export.pptx.style import (
    CELL_CHARS,
    CONTENT_TOP,
    CONTENT_WIDTH,
    EMU_PER_INCH,
    EMU_PER_POINT,
    MARGIN,
    OVERDUE,
    PAPER,
    SLIDE_HEIGHT,
    TOTAL_FILL,
    elide,
)
from journeymapper.model import Project

# (heading, relative width, alignment); money columns get the currency in their heading.
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("Touchpoint", 2.6, "left"), ("Stage", 1.3, "left"), ("Channel", 1.0, "left"),
    ("Importance", 1.05, "right"), ("Performance", 1.15, "right"), ("Owner", 1.55, "left"),
    ("Budget", 1.1, "right"), ("Spent", 1.1, "right"), ("Deadline", 0.95, "left"),
    ("Status", 0.95, "left"),
)
FONT_SIZE = 9.0
LEADING = FONT_SIZE * 1.22
CELL_MARGIN_X = 4.0
CELL_MARGIN_Y = 2.5
HEAD_FILL = "#3b4a5a"
TABLE_HEIGHT = SLIDE_HEIGHT - CONTENT_TOP - int(0.35 * EMU_PER_INCH)
CHAR_WIDTH = 0.55  # of the font size, a little wide so estimates err on the safe side


@dataclass(frozen=True, slots=True)
class Row:
    """The cells of one table row as printed, and how it is set."""

    cells: tuple[str, ...]
    overdue: bool = False
    total: bool = False


def column_widths() -> list[int]:
    """The width of each column in EMU, together exactly the content width."""
    total = sum(w for _, w, _ in COLUMNS)
    widths = [int(CONTENT_WIDTH * w / total) for _, w, _ in COLUMNS]
    widths[0] += CONTENT_WIDTH - sum(widths)
    return widths


def wrapped_lines(text: str, per_line: int) -> int:
    """How many lines ``text`` takes when wrapped at word boundaries, ``per_line`` characters
    at most per line (a longer word is broken)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0
        if size > per_line:
            lines += (size - 1) // per_line
            size = size % per_line or per_line
        used = size if not used else used + 1 + size
    return lines


def row_height(row: Row) -> int:
    """The height a row needs, from its longest cell wrapped in its column (EMU)."""
    lines = 1
    for text, width in zip(row.cells, column_widths(), strict=True):
        room = width / EMU_PER_POINT - 2 * CELL_MARGIN_X
        per_line = max(4, int(room / (FONT_SIZE * CHAR_WIDTH)))
        lines = max(lines, wrapped_lines(text, per_line))
    return round((2 * CELL_MARGIN_Y + lines * LEADING + 2) * EMU_PER_POINT)


def header_row(project: Project) -> Row:
    """The column headings (money columns name the currency)."""
    currency = project.business.currency
    return Row(tuple(f"{name} ({currency})" if name in ("Budget", "Spent") else name
                     for name, _, _ in COLUMNS))


def register_rows(project: Project, today: dt.date) -> list[Row]:
    """One row per touchpoint, in map order."""
    rows: list[Row] = []
    for stage in project.stages:
        for tp in stage_touchpoints(project, stage):
            overdue = tp.is_overdue(today)
            rows.append(Row((
                " ".join(tp.name.split()),
                elide(stage.name, CELL_CHARS),
                channel_label(tp.channel),
                f"{project.importance(tp):.0f}",
                f"{tp.performance}/5",
                elide(tp.owner, CELL_CHARS),
                amount(tp.budget),
                amount(tp.spent),
                (short_date(tp.deadline) + (" overdue" if overdue else ""))
                if tp.deadline else "",
                status_label(tp.status),
            ), overdue=overdue))
    return rows


def total_row(project: Project) -> Row:
    """Budget and spent of every touchpoint."""
    count = len(project.touchpoints)
    budget = sum((t.budget for t in project.touchpoints), Decimal(0))
    spent = sum((t.spent for t in project.touchpoints), Decimal(0))
    label = f"Total: {count} touchpoint{'' if count == 1 else 's'}"
    return Row((label, "", "", "", "", "", amount(budget), amount(spent), "", ""), total=True)


def register_pages(project: Project, today: dt.date) -> list[list[Row]]:
    """The rows of each register slide; the last one ends with the totals row."""
    head = row_height(header_row(project))
    rows = [*register_rows(project, today), total_row(project)]
    pages: list[list[Row]] = [[]]
    used = head
    for row in rows:
        height = row_height(row)
        if pages[-1] and used + height > TABLE_HEIGHT:
            pages.append([])
            used = head
        pages[-1].append(row)
        used += height
    return pages


def _set_cell(cell: _Cell, text: str, align: str, *, bold: bool = False, ink: str | None = None,
              fill: str | None = None) -> None:
    """Fill one cell: margins and anchor go straight into its properties (python-pptx's
    setters made a long register several times slower to build); ink is the table's unless
    given."""
    from pptx.enum.text import PP_ALIGN

    properties = cell._tc.get_or_add_tcPr()  # private, but the fast way in
    for key, value in (("marL", CELL_MARGIN_X), ("marR", CELL_MARGIN_X),
                       ("marT", CELL_MARGIN_Y), ("marB", CELL_MARGIN_Y)):
        properties.set(key, str(round(value * EMU_PER_POINT)))
    properties.set("anchor", "ctr")
    paragraph = cell.text_frame.paragraphs[0]
    if align == "right":
        paragraph.alignment = PP_ALIGN.RIGHT
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(FONT_SIZE)
    if bold:
        run.font.bold = True
    if ink is not None:
        run.font.color.rgb = color(ink)
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = color(fill)


def draw_register(shapes: object, project: Project, rows: list[Row]) -> None:
    """A native table of ``rows`` under a header row."""
    head = header_row(project)
    heights = [row_height(head), *(row_height(r) for r in rows)]
    frame = shapes.add_table(  # type: ignore[attr-defined]
        len(rows) + 1, len(COLUMNS), Emu(MARGIN), Emu(CONTENT_TOP), Emu(CONTENT_WIDTH),
        Emu(sum(heights)))
    frame.name = "Touchpoint register"
    table = frame.table
    for column, width in zip(table.columns, column_widths(), strict=True):
        column.width = Emu(width)
    for table_row, height in zip(table.rows, heights, strict=True):
        table_row.height = Emu(height)
    for c, text in enumerate(head.cells):
        _set_cell(table.cell(0, c), text, COLUMNS[c][2], bold=True, ink=PAPER, fill=HEAD_FILL)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row.cells):
            align = COLUMNS[c][2]
            if row.total:
                _set_cell(table.cell(r, c), text, align, bold=True, fill=TOTAL_FILL)
            elif c == 8 and row.overdue:
                _set_cell(table.cell(r, c), text, align, bold=True, ink=OVERDUE)
            else:
                _set_cell(table.cell(r, c), text, align)
