"""Persona profiles: one block each with colour, name, segment, quote and what they want."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from journeymapper.export.formatting import channel_label, money
from journeymapper.export.options import ExportOptions
from journeymapper.export.pdf.styles import (
    HEADER_FILL,
    RULE,
    hex_color,
    layout_style,
    styles,
)
from journeymapper.export.pdf.text import markup
from journeymapper.model import Persona, Project

STRIP = 8.0
LIST_COLUMNS = (("Goals", "goals"), ("Needs", "needs"), ("Pain points", "pain_points"))


def _bullet(items: list[str], i: int) -> Paragraph | str:
    """The i-th item as a bullet; "none listed" in the first row of an empty list."""
    st = styles()
    if i < len(items):
        return Paragraph("• " + markup(items[i]), st.body)
    if i == 0:
        return Paragraph("<font color='#999999'>none listed</font>", st.body)
    return ""


def _served(project: Project, persona: Persona) -> str:
    """How many touchpoints serve the persona and what they cost (all-persona ones count)."""
    served = [tp for tp in project.touchpoints
              if tp.persona_ids and persona.id in tp.persona_ids]
    shared = [tp for tp in project.touchpoints if not tp.persona_ids]
    budget = sum((tp.budget for tp in served + shared), Decimal(0))
    return (f"{len(served)} touchpoints for this persona, {len(shared)} shared by all; "
            f"budget {money(budget, project.business.currency)}")


def persona_block(project: Project, persona: Persona, width: float,
                  highlighted: bool = False) -> Flowable:
    """The profile of one persona, kept together on a page."""
    st = styles()
    inner = width - STRIP - 16
    name = markup(persona.name)
    if highlighted:
        name += " <font size='9' color='#666666'>(highlighted on the map)</font>"
    content: list[Flowable] = [Paragraph(name, st.subheading)]
    if persona.segment.strip():
        content.append(Paragraph("Segment: " + markup(persona.segment), st.small))
    if persona.quote.strip():
        content += [Spacer(1, 4), Paragraph(f"“{markup(persona.quote)}”", st.quote)]
    # One row per item, so a persona with a hundred goals splits over pages like any table.
    columns = [list(getattr(persona, attr)) for _, attr in LIST_COLUMNS]
    depth = max(1, *(len(items) for items in columns))
    rows: list[list[object]] = [[Paragraph(f"<b>{title}</b>", st.body)
                                 for title, _ in LIST_COLUMNS]]
    for i in range(depth):
        rows.append([_bullet(items, i) for items in columns])
    lists = Table(
        rows,
        colWidths=[inner / 3] * 3,
        repeatRows=1,
        splitInRow=1,
        style=layout_style(*[("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                             ("TOPPADDING", (0, 1), (-1, -1), 0.5),
                             ("BOTTOMPADDING", (0, 1), (-1, -1), 0.5),
                             ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE)]),
        hAlign="LEFT",
    )
    channels = ", ".join(channel_label(ch) for ch in persona.preferred_channels) or "none listed"
    content += [
        Spacer(1, 6), lists, Spacer(1, 6),
        Paragraph(f"<b>Preferred channels:</b> {markup(channels)}", st.body),
        Paragraph(markup(_served(project, persona)), st.small),
    ]
    block = Table(
        [["", content]],
        colWidths=[STRIP, width - STRIP],
        splitInRow=1,
        style=layout_style(*[
            ("BACKGROUND", (0, 0), (0, 0), hex_color(persona.color)),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("BACKGROUND", (1, 0), (1, 0), HEADER_FILL if highlighted else None),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (1, 0), (1, 0), 10),
            ("RIGHTPADDING", (1, 0), (1, 0), 6),
            ("TOPPADDING", (1, 0), (1, 0), 2),
            ("BOTTOMPADDING", (1, 0), (1, 0), 8),
        ]),
        hAlign="LEFT",
    )
    return KeepTogether([block, Spacer(1, 10)])


def persona_flowables(project: Project, options: ExportOptions, width: float) -> list[Flowable]:
    """Every persona's profile, in the project's order."""
    if not project.personas:
        return [Paragraph("This map has no personas yet.", styles().body)]
    chosen = options.persona.id if options.persona else None
    return [persona_block(project, p, width, p.id == chosen) for p in project.personas]
