"""Deadline timeline: a row per owner, a mark at each deadline on a month axis.

Overdue marks are red; the others take their status colour. A dashed line shows today.
Many owners are split over several drawings so each fits a page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from journeymapper.export.formatting import (
    NO_OWNER,
    month_label,
    owner_label,
    short_date,
    status_label,
)
from journeymapper.export.options import ExportOptions
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.register import numbers
from journeymapper.export.pdf.styles import (
    HEADER_FILL,
    INK,
    LANE_FILLS,
    MUTED,
    OVERDUE,
    OVERDUE_HEX,
    RULE,
    STATUS_COLORS,
    drawing,
    header_row,
    status_color,
    styles,
)
from journeymapper.export.pdf.text import elide, markup
from journeymapper.model import Project, Status, Touchpoint

ROW = 22.0
AXIS = 26.0
LABEL_W = 150.0
MARK = 4.5


@dataclass(frozen=True, slots=True)
class Axis:
    """The month axis: first and last day shown and the drawing's x range."""

    start: dt.date
    end: dt.date
    x0: float
    x1: float

    def x(self, day: dt.date) -> float:
        """Horizontal position of a day."""
        span = max((self.end - self.start).days, 1)
        return self.x0 + (day - self.start).days / span * (self.x1 - self.x0)

    def months(self) -> list[dt.date]:
        """First day of each month on the axis."""
        out, day = [], self.start
        while day <= self.end:
            out.append(day)
            day = _next_month(day)
        return out


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_axis(deadlines: list[dt.date], today: dt.date, x0: float, x1: float) -> Axis:
    """Whole months from the earliest date (deadline or today) to the latest."""
    first, last = min([*deadlines, today]), max([*deadlines, today])
    return Axis(dt.date(first.year, first.month, 1), _next_month(last), x0, x1)


def by_owner(project: Project) -> dict[str, list[Touchpoint]]:
    """Touchpoints with a deadline per owner; owners by earliest deadline, no owner last."""
    groups: dict[str, list[Touchpoint]] = defaultdict(list)
    for tp in project.touchpoints:
        if tp.deadline is not None:
            groups[owner_label(tp.owner)].append(tp)
    for items in groups.values():
        items.sort(key=lambda tp: (tp.deadline, tp.id))
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == NO_OWNER, kv[1][0].deadline,
                                                       kv[0].casefold())))


def timeline_drawing(rows: list[tuple[str, list[Touchpoint]]], axis: Axis, width: float,
                     today: dt.date, number: dict[str, int]) -> Drawing:
    """Owner rows with deadline marks, the month axis on top, and a line for today."""
    height = AXIS + len(rows) * ROW + 6
    d = drawing(width, height)
    top = height - AXIS
    months = axis.months()
    every = max(1, round(len(months) * 52 / max(axis.x1 - axis.x0, 1)))  # labels ~52 pt apart
    for i, month in enumerate(months):
        x = axis.x(month)
        d.add(Line(x, 0, x, top + 4, strokeColor=RULE, strokeWidth=0.4))
        if i % every == 0 and month < axis.end:
            d.add(String(x + 2, top + 8, month_label(month), fontName=FONT, fontSize=7,
                         fillColor=MUTED))
    for n, (owner, items) in enumerate(rows):
        y = top - (n + 1) * ROW
        d.add(Rect(0, y, width, ROW, fillColor=LANE_FILLS[n % 2], strokeColor=None))
        overdue = sum(1 for tp in items if tp.is_overdue(today))
        label = elide(owner, LABEL_W - 10, 8, True)
        d.add(String(4, y + ROW / 2 + 0.5, label, fontName=FONT_BOLD, fontSize=8, fillColor=INK))
        detail = f"{len(items)} due" + (f", {overdue} overdue" if overdue else "")
        d.add(String(4, y + 3, detail, fontName=FONT, fontSize=6.5,
                     fillColor=OVERDUE if overdue else MUTED))
        xs = [axis.x(tp.deadline) for tp in items if tp.deadline]
        if len(xs) > 1:
            d.add(Line(xs[0], y + ROW / 2, xs[-1], y + ROW / 2, strokeColor=RULE, strokeWidth=2))
        last_label = -1e9
        for tp, x in zip(items, xs, strict=True):
            late = tp.is_overdue(today)
            fill = OVERDUE if late else status_color(tp.status)
            cy = y + ROW / 2
            d.add(Polygon([x, cy + MARK, x + MARK, cy, x, cy - MARK, x - MARK, cy],
                          fillColor=fill, strokeColor=colors.white, strokeWidth=0.5))
            text = str(number[tp.id])
            # Numbers only where they do not run into the previous one.
            if x - last_label > text_width(text, 6.5) + 4:
                d.add(String(x, cy + MARK + 1.5, text, fontName=FONT, fontSize=6.5,
                             fillColor=OVERDUE if late else INK, textAnchor="middle"))
                last_label = x
    if axis.start <= today <= axis.end:
        x = axis.x(today)
        d.add(Line(x, 0, x, top + 4, strokeColor=OVERDUE, strokeWidth=0.8,
                   strokeDashArray=[3, 2]))
        d.add(String(x + 2, top + 16, f"today {short_date(today)}", fontName=FONT_BOLD,
                     fontSize=7, fillColor=OVERDUE))
    d.add(Line(LABEL_W - 4, 0, LABEL_W - 4, top, strokeColor=RULE, strokeWidth=0.6))
    return d


def overdue_table(project: Project, today: dt.date, number: dict[str, int],
                  width: float) -> Table:
    """The overdue touchpoints: what is late, whose it is and by how many days."""
    st = styles()
    late = sorted((tp for tp in project.touchpoints if tp.is_overdue(today)),
                  key=lambda tp: (tp.deadline, number[tp.id]))
    data: list[list[object]] = [header_row(
        ["#", "Touchpoint", "Owner", "Deadline", "Days late", "Status"], {4})]
    for tp in late:
        assert tp.deadline is not None
        data.append([str(number[tp.id]), Paragraph(markup(tp.name), st.cell),
                     Paragraph(markup(owner_label(tp.owner)), st.cell), short_date(tp.deadline),
                     str((today - tp.deadline).days), status_label(tp.status)])
    shares = (0.06, 0.42, 0.2, 0.11, 0.09, 0.12)
    return Table(data, colWidths=[width * s for s in shares], repeatRows=1, hAlign="LEFT",
                 style=TableStyle([
                     ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5, 9.2),
                     ("FONT", (0, 1), (-1, -1), FONT, 7.5, 9.2),
                     ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                     ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                     ("TEXTCOLOR", (3, 1), (4, -1), OVERDUE),
                     ("ALIGN", (4, 0), (4, -1), "RIGHT"),
                     ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ]))


def _status_key() -> str:
    """What the mark colours mean, as Paragraph markup."""
    items = [f"<font color='{STATUS_COLORS[s]}'>◆</font> {status_label(s)}" for s in Status]
    overdue = f"<font color='{OVERDUE_HEX}'>◆</font> overdue"
    return ("Marks: " + "  ".join([*items, overdue])
            + ". Numbers are the touchpoints' ranks in the register.")


def timeline_flowables(project: Project, options: ExportOptions, width: float,
                       height: float) -> list[Flowable]:
    """The timeline section for a frame ``width`` x ``height`` points (below its heading)."""
    st = styles()
    today = options.today
    groups = by_owner(project)
    undated = sum(1 for tp in project.touchpoints if tp.deadline is None)
    key = Paragraph(_status_key(), st.small)
    out: list[Flowable] = [key, Spacer(1, 6)]
    if not groups:
        out.append(Paragraph("No touchpoint has a deadline yet.", st.body))
        return out
    number = numbers(project)
    deadlines = [tp.deadline for items in groups.values() for tp in items if tp.deadline]
    axis = month_axis(deadlines, today, LABEL_W, width - 8)
    rows = list(groups.items())
    # Owners per drawing: as many as fit below the key (a drawing cannot split over pages).
    room = height - key.wrap(width, height)[1] - 6 - AXIS - 8
    per_drawing = max(1, int(room // ROW))
    for start in range(0, len(rows), per_drawing):
        chunk = rows[start:start + per_drawing]
        out += [timeline_drawing(chunk, axis, width, today, number), Spacer(1, 8)]
    if undated:
        out.append(Paragraph(f"{undated} touchpoint{'s have' if undated != 1 else ' has'} "
                             "no deadline and are not shown.", st.small))
    late = [tp for tp in project.touchpoints if tp.is_overdue(today)]
    if late:
        out += [Paragraph(f"Overdue as of {short_date(today)} ({len(late)})", st.subheading),
                overdue_table(project, today, number, width * 0.8)]
    return out

