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
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD
from journeymapper.export.pdf.outline import register_anchor
from journeymapper.export.pdf.styles import (
    HEADER_FILL,
    INK,
    LANE_FILLS,
    OVERDUE,
    RULE,
    TOTAL_FILL,
    styles,
)
from journeymapper.export.pdf.text import markup
from journeymapper.model import Project, Touchpoint, performance_percent, priority

# Relative widths: the name gets the most room, numbers just enough for 15 digits.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("#", 0.035), ("Touchpoint", 0.19), ("Stage", 0.095), ("Channel", 0.075),
    ("Priority", 0.055), ("Importance", 0.065), ("Performance", 0.07), ("Owner", 0.09),
    ("Budget", 0.08), ("Spent", 0.08), ("Deadline", 0.07), ("Status", 0.065),
)
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
                       link_from_map: bool) -> list[Flowable]:
    """The register table for a frame ``width`` points wide."""
    st = styles()
    currency = project.business.currency
    stages = {s.id: clean(s.name) for s in project.stages}
    headers = [f"{name} ({currency})" if name in ("Budget", "Spent") else name
               for name, _ in COLUMNS]
    data: list[list[object]] = [headers]
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5, 9.2),
        ("FONT", (0, 1), (-1, -1), FONT, 7.5, 9.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, (name, _) in enumerate(COLUMNS):
        if name in NUMERIC:
            style.append(("ALIGN", (i, 0), (i, -1), "RIGHT"))
    budget = spent = Decimal(0)
    for n, (tp, importance, prio) in enumerate(ranked(project), start=1):
        # A named destination in the name cell: map cards link here.
        anchor = f'<a name="{register_anchor(tp.id)}"/>' if link_from_map else ""
        overdue = tp.is_overdue(options.today)
        deadline = short_date(tp.deadline) if tp.deadline else ""
        data.append([
            str(n),
            Paragraph(anchor + markup(tp.name), st.cell_bold),
            Paragraph(markup(stages.get(tp.stage_id, "")), st.cell),
            channel_label(tp.channel),
            f"{prio:.1f}",
            f"{importance:.0f}",
            f"{performance_percent(tp):.0f}",
            Paragraph(markup(tp.owner), st.cell),
            amount(tp.budget),
            amount(tp.spent),
            deadline + (" !" if overdue else ""),
            status_label(tp.status),
        ])
        if overdue:
            style.append(("TEXTCOLOR", (10, n), (10, n), OVERDUE))
            style.append(("FONT", (10, n), (10, n), FONT_BOLD, 7.5, 9.2))
        if tp.spent > tp.budget:
            style.append(("TEXTCOLOR", (9, n), (9, n), OVERDUE))
        if n % 2 == 0:
            style.append(("BACKGROUND", (0, n), (-1, n), LANE_FILLS[0]))
        budget += tp.budget
        spent += tp.spent
    count = len(data) - 1
    data.append(["", f"Total ({count} touchpoint{'s' if count != 1 else ''})", "", "", "", "",
                 "", "", amount(budget), amount(spent), "", ""])
    style += [
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, 7.5, 9.2),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ("SPAN", (1, -1), (7, -1)),
    ]
    widths = [width * share for _, share in COLUMNS]
    table = Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style),
                  hAlign="LEFT")
    legend = Paragraph(
        "Sorted by priority: importance times the gap between importance and performance "
        "(both 0\u2013100), so the touchpoints that matter most and work worst come first. "
        "Numbers (#) are used in the matrix and the timeline. Deadlines marked ! are overdue "
        f"as of {short_date(options.today)}; spending over budget is shown in red.",
        st.small)
    return [legend, Spacer(1, 6), table]
