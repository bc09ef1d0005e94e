"""The map as rendered: cards are opaque even right after a faded one (persona highlight)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from journeymapper.export import export_pdf, resolve_options
from journeymapper.export.pdf.document import MARGIN, JourneyDocument
from journeymapper.export.pdf.fonts import register_fonts
from journeymapper.export.pdf.map_page import TITLE_BAND, map_context
from journeymapper.export.pdf.tiles import plan_map
from journeymapper.layout import PADDING, compute_layout
from journeymapper.model import Link, Persona, Project, Touchpoint, new_project
from tests.export.pdf_tools import TODAY, poppler


def _project() -> Project:
    project = new_project("Opacity")
    project.personas = [Persona(id="p-a", name="A", color="#e45756"),
                        Persona(id="p-b", name="B", color="#4c78a8")]
    cells = [("awareness", "p-a"), ("loyalty", "p-b"), ("consideration", "p-a"),
             ("purchase", "p-a")]
    for i, (stage, persona) in enumerate(cells):
        project.touchpoints.append(Touchpoint(
            id=f"tp-{i}", name="A", stage_id=stage, lane_id="touchpoints",
            persona_ids=[persona], x=PADDING, y=PADDING))
    # From the first card to the last, straight through the third: drawn under the cards.
    project.links.append(Link(id="l-1", source_id="tp-0", target_id="tp-3"))
    return Project.model_validate(project.model_dump())


def test_a_card_after_a_faded_card_hides_the_link_behind_it(tmp_path: Path) -> None:
    project = _project()
    out = tmp_path / "opacity.pdf"
    export_pdf(project, out, page="A3", sections="map", persona="A", today=TODAY)
    # Where the map sits on the page, from the same numbers the export uses.
    register_fonts()
    options = resolve_options(project, page="A3", persona="A", sections="map", today=TODAY)
    doc = JourneyDocument(io.BytesIO(), project, options)
    layout = compute_layout(project)
    ctx = map_context(project, layout, options, doc.width, doc.height, False)
    plan = plan_map(layout, doc.width, ctx.map_height)
    assert not plan.tiled
    scale = plan.fit_scale
    left = MARGIN + (doc.width - layout.width * scale) / 2
    top = MARGIN + TITLE_BAND
    card = layout.cards["tp-2"]
    cx, cy = card.center
    png = tmp_path / "page"
    poppler("pdftoppm", "-r", "72", "-png", "-singlefile", out, png)
    image = Image.open(f"{png}.png").convert("RGB")
    inside = image.getpixel((round(left + (cx + 30) * scale), round(top + cy * scale)))
    assert min(inside) >= 245, f"the link shows through the card: {inside}"
    # ...while the same line is visible between the cards.
    gap = layout.columns["consideration"].x - 4
    between = image.getpixel((round(left + gap * scale), round(top + cy * scale)))
    assert max(between) < 200, f"the link itself should be dark here: {between}"
