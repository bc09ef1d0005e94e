"""Budget: totals by stage, channel and owner, as tables with bar charts beside them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from journeymapper.export.formatting import (
    NO_OWNER,
    amount,
    channel_label,
    clean,
    money,
    owner_label,
    percent,
)
from journeymapper.export.pdf.cells import column_widths
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD
from journeymapper.export.pdf.styles import (
    BUDGET_BAR,
    HEADER_FILL,
    INK,
    OVERDUE,
    RULE,
    SPENT_BAR,
    TOTAL_FILL,
    drawing,
    header_row,
    layout_style,
    styles,
)
from journeymapper.export.pdf.text import elide, markup, wrap
from journeymapper.model import Project, Touchpoint

CHART_BARS = 12      # groups beyond this are summed as "others" in the chart
SIDE_BY_SIDE = 16    # up to this many groups the chart sits beside the table
BAR_ROW = 20.0       # points per group in a chart


@dataclass(slots=True)
class Total:
    """Money of one group of touchpoints."""

    name: str
    count: int = 0
    budget: Decimal = field(default_factory=Decimal)
    spent: Decimal = field(default_factory=Decimal)

    def add(self, tp: Touchpoint) -> None:
        """Count a touchpoint in."""
        self.count += 1
        self.budget += tp.budget
        self.spent += tp.spent


def totals_by(project: Project, key: Callable[[Touchpoint], str],
              order: Iterable[str] = (), names: Mapping[str, str] | None = None) -> list[Total]:
    """Totals per ``key(tp)``: groups in ``order`` first, the rest by budget, largest first.

    ``names`` labels keys that are ids (two stages may share a name, never an id).
    """
    names = names or {}
    order = list(order)
    groups: dict[str, Total] = {k: Total(names.get(k, k)) for k in order}
    for tp in project.touchpoints:
        k = key(tp)
        if k not in groups:
            groups[k] = Total(names.get(k, k))
        groups[k].add(tp)
    fixed = [groups.pop(k) for k in order]
    rest = sorted(groups.values(), key=lambda t: (-t.budget, t.name == NO_OWNER,
                                                  t.name.casefold()))
    return fixed + rest


def _compact(value: float) -> str:
    """Axis labels: ``12k``, ``1.5M``: full amounts are in the table."""
    for limit, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            scaled = value / limit
            return f"{scaled:,.0f}{suffix}" if abs(scaled) >= 100 else f"{scaled:.3g}{suffix}"
    return f"{value:.0f}"


def totals_table(totals: list[Total], label: str, currency: str, width: float) -> Table:
    """Group, count, budget, spent, remaining and share spent, with a totals row."""
    st = styles()
    labels = [label, "Touchpoints", f"Budget ({currency})", f"Spent ({currency})",
              f"Remaining ({currency})", "Spent"]
    budget = sum((t.budget for t in totals), Decimal(0))
    spent = sum((t.spent for t in totals), Decimal(0))
    total_row = ["Total", str(sum(t.count for t in totals)), amount(budget), amount(spent),
                 amount(budget - spent), percent(spent, budget)]
    rows = [[t.name, str(t.count), amount(t.budget), amount(t.spent),
             amount(t.budget - t.spent), percent(t.spent, t.budget)] for t in totals]
    # The group's name takes what the numbers leave (they are sized to fit, bold totals too).
    widths = column_widths(width, labels, [1, 0, 0, 0, 0, 0],
                           [["", *row[1:]] for row in [*rows, total_row]], size=8.5,
                           padding=12, flexible={0})
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8, 10),
        ("FONT", (0, 1), (-1, -1), FONT, 8, 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, 8, 10),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
    ]
    data: list[list[object]] = [header_row(labels, {1, 2, 3, 4, 5})]
    for n, (t, row) in enumerate(zip(totals, rows, strict=True), start=1):
        # At most two lines per name, so no row outgrows the chart beside the table.
        name = "<br/>".join(markup(line) for line in wrap(row[0], widths[0] - 8, 8, max_lines=2))
        data.append([Paragraph(name, st.cell), *row[1:]])
        if t.spent > t.budget:
            style.append(("TEXTCOLOR", (4, n), (5, n), OVERDUE))
    data.append(total_row)
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def bar_chart(totals: list[Total], width: float) -> Drawing:
    """Budget and spent per group as horizontal bars (largest groups, the rest as others)."""
    shown = totals[:CHART_BARS]
    if len(totals) > CHART_BARS:
        others = Total(f"{len(totals) - CHART_BARS} others")
        for t in totals[CHART_BARS:]:
            others.count += t.count
            others.budget += t.budget
            others.spent += t.spent
        shown = [*shown, others]
    label_w = min(150.0, width * 0.35)
    height = len(shown) * BAR_ROW + 50
    chart_area = drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 34
    chart.width, chart.height = width - label_w - 12, height - 44
    # Bars run bottom-up; reversed, the table's first row is the chart's top bar.
    rows = list(reversed(shown))
    chart.data = [[float(t.budget) for t in rows], [float(t.spent) for t in rows]]
    chart.categoryAxis.categoryNames = [elide(clean(t.name), label_w - 10, 7.5) for t in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _compact
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = BUDGET_BAR
    chart.bars[1].fillColor = SPENT_BAR
    chart.bars.strokeColor = None
    chart.groupSpacing = 5
    chart.barSpacing = 1
    if not any(v for series in chart.data for v in series):
        chart.valueAxis.valueMax = 1  # an all-zero chart still needs an axis range
    chart_area.add(chart)
    legend = Legend()
    legend.x, legend.y = label_w, 8
    legend.fontName = FONT
    legend.fontSize = 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 70
    legend.colorNamePairs = [(BUDGET_BAR, "Budget"), (SPENT_BAR, "Spent")]
    chart_area.add(legend)
    return chart_area


def _group(project: Project, title: str, label: str, totals: list[Total],
           width: float, height: float) -> list[Flowable]:
    """Heading, totals table and chart of one grouping: side by side when they fit a page."""
    st = styles()
    currency = project.business.currency
    heading = Paragraph(markup(title), st.subheading)
    if len(totals) <= SIDE_BY_SIDE:
        table = totals_table(totals, label, currency, width * 0.55)
        if sum(table._argW) > width * 0.55 + 0.5:  # huge amounts: no room for a chart
            return [heading, totals_table(totals, label, currency, width), Spacer(1, 6),
                    bar_chart(totals, width * 0.6), Spacer(1, 8)]
        pair = Table([[table, bar_chart(totals, width * 0.43)]],
                     colWidths=[width * 0.57, width * 0.43],
                     style=layout_style(*[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)]),
                     hAlign="LEFT")
        # A one-row table cannot split: side by side only when it fits on a page.
        if pair.wrap(width, height)[1] + heading.wrap(width, height)[1] + 20 <= height:
            return [KeepTogether([heading, pair]), Spacer(1, 8)]
    return [heading, totals_table(totals, label, currency, width * 0.7), Spacer(1, 6),
            KeepTogether([Paragraph(f"Largest {CHART_BARS} by budget", st.small),
                          bar_chart(totals, width * 0.6)]), Spacer(1, 8)]


def budget_flowables(project: Project, width: float, height: float) -> list[Flowable]:
    """The budget section: a summary line and three groupings."""
    st = styles()
    currency = project.business.currency
    budget = sum((tp.budget for tp in project.touchpoints), Decimal(0))
    spent = sum((tp.spent for tp in project.touchpoints), Decimal(0))
    over = sum(1 for tp in project.touchpoints if tp.spent > tp.budget)
    summary = (f"Budget {money(budget, currency)}, spent {money(spent, currency)} "
               f"({percent(spent, budget)}), remaining {money(budget - spent, currency)}. "
               f"{over} touchpoint{'s' if over != 1 else ''} over budget.")
    out: list[Flowable] = [Paragraph(markup(summary), st.body), Spacer(1, 4)]
    if not project.touchpoints:
        return [*out, Paragraph("No touchpoints yet, so no budget to show.", st.body)]
    stages = {s.id: clean(s.name) for s in project.stages}
    out += _group(project, "By stage", "Stage",
                  totals_by(project, lambda tp: tp.stage_id, stages, stages), width, height)
    out += _group(project, "By channel", "Channel",
                  totals_by(project, lambda tp: channel_label(tp.channel)), width, height)
    out += _group(project, "By owner", "Owner",
                  totals_by(project, lambda tp: owner_label(tp.owner)), width, height)
    return out
