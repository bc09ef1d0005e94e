"""The map as a PowerPoint deck (16:9) of native, editable shapes; python-pptx loaded lazily.

Slides, in order:

1. **Title**: project title, business, date, key numbers, the stages as chevrons; notes hold
   the project description.
2. **Overview**: the whole map drawn from ``journeymapper.layout`` (so it matches the canvas
   and the PDF): stage headers in their colours, lanes, notes, emotion curves, cards as rounded
   rectangles and links as arrows glued to the cards.
3. **One slide per stage**: goal and description, then each touchpoint as a card (channel,
   name, owner, deadline, importance badge, emotion, personas); notes hold the goal.
4. **Register**: a native table (name, stage, channel, importance, performance, owner,
   budget, spent, deadline, status) over as many slides as it needs; totals in the last row.

``persona`` (id or name) highlights that persona's touchpoints and dims the others, as the
PDF does; the register always lists every touchpoint.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journeymapper.model import Project

__all__ = ["export_pptx"]


def export_pptx(project: Project, path: Path | str, *, persona: str | None = None,
                today: dt.date | None = None) -> None:
    """Write the project as a .pptx deck to ``path`` atomically.

    The deck is rendered to memory first, so a failure never leaves half a file. ``today`` is
    the date deadlines are judged against (default: today). Raises ExportOptionError (a
    ValueError) for an unknown persona and OSError (SaveError) when the file cannot be written.
    """
    from journeymapper.export.pptx.deck import export_pptx as render

    render(project, path, persona=persona, today=today)
