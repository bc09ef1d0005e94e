"""The touchpoint register: every touchpoint in one table, most urgent first, with totals."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from journeymapper.export.formatting import (
    amount,
    channel_label,
    clean,
    short_date,
    status_label,
)
from journeymapper.export.options import ExportOptions
from journeymapper.export.pdf.cells import cell_height, column_widths, page_chunks, text_cell
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.outline import register_anchor
from journeymapper.export.pdf.styles import (
    HEADER_FILL,
    INK,
    LANE_FILLS,
    OVERDUE,
    PAPER,
    RULE,
    TOTAL_FILL,
    header_row,
    styles,
)
from journeymapper.model import (
    Channel,
    Project,
    Status,
    Touchpoint,
    performance_percent,
    priority,
)
from journeymapper.model.review import trend_text

# Relative widths: the name gets the most room, numbers just enough for 15 digits.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("#", 0.035), ("Touchpoint", 0.185), ("Stage", 0.09), ("Channel", 0.08),
    ("Priority", 0.055), ("Importance", 0.065), ("Performance", 0.075), ("Owner", 0.09),
    ("Budget", 0.08), ("Spent", 0.08), ("Deadline", 0.08), ("Status", 0.065),
    ("Trend", 0.05),
)
# Columns that take the room left once the others have what their values need.
FLEXIBLE = frozenset({1, 2, 7})
PADDING = 2.5
LEGEND_GAP = 6.0
NUMERIC = {"#", "Priority", "Importance", "Performance", "Budget", "Spent"}


def ranked(project: Project) -> list[tuple[Touchpoint, float, float]]:
    """Touchpoints with importance and priority, most urgent first (ties: importance, name).

    The position in this list is the touchpoint's number in the register, the matrix and
    the timeline, so a reader can look a number up in the register.
    """
    rows = []
    for tp in project.touchpoints:
        importance = project.importance(tp)
        rows.append((tp, importance, priority(importance, tp)))
    rows.sort(key=lambda r: (-r[2], -r[1], clean(r[0].name).casefold(), r[0].id))
    return rows


def numbers(project: Project) -> dict[str, int]:
    """Each touchpoint's register number (1 = highest priority)."""
    return {tp.id: n for n, (tp, _, _) in enumerate(ranked(project), start=1)}


def register_flowables(project: Project, options: ExportOptions, width: float,
                       first_height: float, page_height: float,
                       link_from_map: bool) -> list[Flowable]:
    """The register for a frame ``width`` x ``page_height`` points, ``first_height`` of which
    is left on its first page.

    One table per page, each with the header row; the last one ends with the totals row.
    """
    st = styles()
    currency = project.business.currency
    stages = {s.id: clean(s.name) for s in project.stages}
    numeric = {i for i, (name, _) in enumerate(COLUMNS) if name in NUMERIC}
    labels = [f"{name} ({currency})" if name in ("Budget", "Spent") else name
              for name, _ in COLUMNS]
    header = header_row(labels, numeric)
    ranking = ranked(project)
    widths = column_widths(width, labels, [share for _, share in COLUMNS],
                           _samples(ranking, options), flexible=FLEXIBLE)
    inner = [w - 6 for w in widths]  # less the left and right padding
    header_h = 2 * PADDING + max(cell_height(cell, w)  # type: ignore[arg-type]
                                 for cell, w in zip(header, inner, strict=True))
    rows: list[list[object]] = []
    heights: list[float] = []
    marks: dict[int, list[tuple[object, ...]]] = {}  # per-row style: (command, column, ...)
    budget = spent = Decimal(0)
    for n, (tp, importance, prio) in enumerate(ranking, start=1):
        overdue = tp.is_overdue(options.today)
        # A named destination in the name cell: map cards link here.
        anchor = register_anchor(tp.id) if link_from_map else None
        name_cell, name_h = text_cell(tp.name, inner[1], st.cell_bold, anchor)
        stage, stage_h = text_cell(stages.get(tp.stage_id, ""), inner[2], st.cell)
        owner, owner_h = text_cell(tp.owner, inner[7], st.cell)
        deadline = short_date(tp.deadline) if tp.deadline else ""
        rows.append([
            str(n), name_cell, stage, channel_label(tp.channel), f"{prio:.1f}",
            f"{importance:.0f}", f"{performance_percent(tp):.0f}", owner, amount(tp.budget),
            amount(tp.spent), deadline + (" !" if overdue else ""), status_label(tp.status),
            trend_text(tp.reviews),
        ])
        heights.append(max(name_h, stage_h, owner_h, st.cell.leading) + 2 * PADDING)
        row_marks = []
        if overdue:
            row_marks += [("TEXTCOLOR", 10, OVERDUE), ("FONT", 10, FONT_BOLD, 7.5, 9.2)]
        if tp.spent > tp.budget:
            row_marks.append(("TEXTCOLOR", 9, OVERDUE))
        if row_marks:
            marks[n - 1] = row_marks
        budget += tp.budget
        spent += tp.spent
    count = len(rows)
    rows.append(["", f"Total ({count} touchpoint{'s' if count != 1 else ''})", "", "", "", "",
                 "", "", amount(budget), amount(spent), "", "", ""])
    heights.append(st.cell.leading + 2 * PADDING)
    legend = Paragraph(
        "Sorted by priority: importance times the gap between importance and performance "
        "(both 0\u2013100), so the touchpoints that matter most and work worst come first. "
        "Numbers (#) are used in the matrix and the timeline. Deadlines marked ! are overdue "
        f"as of {short_date(options.today)}; spending over budget is shown in red. Trend: "
        "performance (1\u20135) at the first and at the latest review.",
        st.small)
    legend_h = legend.wrap(width, first_height)[1] + LEGEND_GAP
    out: list[Flowable] = [legend, Spacer(1, LEGEND_GAP)]
    # A point to spare per page absorbs rounding, so a planned page is never split again.
    for chunk in page_chunks(heights, header_h, first_height - legend_h - 1, page_height - 1):
        out.append(_page_table(header, rows, heights, header_h, widths, numeric, chunk, marks,
                               totals=chunk.stop == len(rows)))
    return out


def _samples(ranking: list[tuple[Touchpoint, float, float]],
             options: ExportOptions) -> list[list[str]]:
    """The widest values of the fixed columns, to size them: the totals are the widest
    amounts, any channel or status label may appear."""
    total = max(sum((tp.budget for tp, _, _ in ranking), Decimal(0)),
                sum((tp.spent for tp, _, _ in ranking), Decimal(0)))
    wide = [channel_label(ch) for ch in Channel] + [status_label(s) for s in Status]
    label = max(wide, key=lambda w: text_width(w, 7.5))
    return [[str(len(ranking)), "", "", label, "100.0", "100", "100", "", amount(total),
             amount(total), "2099-12-31 !", label, "5 \u2192 5"]]


def _page_table(header: list[object], rows: list[list[object]], heights: list[float],
                header_h: float, widths: list[float], numeric: set[int], chunk: range,
                marks: dict[int, list[tuple[object, ...]]], totals: bool) -> Table:
    """One page of the register: the header row and the rows of ``chunk``."""
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5, 9.2),
        ("FONT", (0, 1), (-1, -1), FONT, 7.5, 9.2),
        ("FONT", (1, 1), (1, -1), FONT_BOLD, 7.5, 9.2),  # names that are plain strings
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        # Stripes continue across pages: the first row's colour follows its row number.
        ("ROWBACKGROUNDS", (0, 1), (-1, -1),
         [PAPER, LANE_FILLS[0]] if chunk.start % 2 == 0 else [LANE_FILLS[0], PAPER]),
    ]
    style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in numeric]
    for at, row in enumerate(chunk, start=1):
        for command, column, *values in marks.get(row, ()):
            style.append((command, (column, at), (column, at), *values))
    if totals:
        style += [("FONT", (0, -1), (-1, -1), FONT_BOLD, 7.5, 9.2),
                  ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    # Known row heights spare reportlab from measuring every cell again.
    return Table([header, *(rows[i] for i in chunk)], colWidths=widths,
                 rowHeights=[header_h, *(heights[i] for i in chunk)], repeatRows=1,
                 style=TableStyle(style), hAlign="LEFT")
