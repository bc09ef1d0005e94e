"""The map pages: one page when legible, else an overview and overlapping labelled tiles."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from journeymapper.export import export_pdf
from journeymapper.export.options import page_size
from journeymapper.export.pdf.tiles import MAX_SCALE, MIN_SCALE, OVERLAP_POINTS, plan_map
from journeymapper.layout import HEADER_HEIGHT, LANE_LABEL_WIDTH, compute_layout
from journeymapper.model import Project, new_project
from tests.export.pdf_tools import TODAY, pdf_info, pdf_text, poppler

AREA = (786.0, 470.0)  # roughly the map area of an A4 landscape page


def test_a_small_map_fits_one_page_on_a3(tmp_path: Path) -> None:
    out = tmp_path / "a3.pdf"
    export_pdf(new_project("Small"), out, page="A3", sections="map", today=TODAY)
    assert pdf_info(out)["Pages"] == "1"
    text = pdf_text(out)
    assert "Map, part" not in text
    assert re.search(r"Scale \d+%", text)


def test_300_touchpoints_tile_over_labelled_pages(big_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "big.pdf"
    export_pdf(big_project, out, sections="map", today=TODAY)
    pages = int(pdf_info(out)["Pages"])
    text = pdf_text(out)
    labels = re.findall(r"Map, part (\d+) of (\d+) — row (\d+), column (\d+)", text)
    count = int(labels[0][1])
    assert count >= 4
    assert pages == count + 1  # the overview, then every part
    assert sorted(int(part) for part, *_ in labels) == list(range(1, count + 1))
    assert "Overview: printed in" in text
    flat = " ".join(text.split())
    for tp in big_project.touchpoints:
        assert tp.name in flat
    # The page label is on the page it names.
    second = poppler("pdftotext", "-f", "3", "-l", "3", out, "-")
    assert "Map, part 2 of" in second


def test_300_touchpoints_export_every_section(big_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    export_pdf(big_project, out, page="Tabloid", today=TODAY)
    assert int(pdf_info(out)["Pages"]) > 6


def test_plan_of_a_small_map_is_one_page() -> None:
    plan = plan_map(compute_layout(new_project()), 1100, 700)
    assert not plan.tiled
    assert MIN_SCALE <= plan.tiles[0].scale <= MAX_SCALE
    assert plan.tiles[0].label == "Map"


def test_tiles_cover_every_cell_with_overlap(big_project: Project) -> None:
    layout = compute_layout(big_project)
    plan = plan_map(layout, *AREA)
    assert plan.tiled
    tile = plan.tiles[0]
    assert tile.scale >= MIN_SCALE
    # Each tile, with its frozen headers and labels, fits the area.
    assert (tile.view.w + LANE_LABEL_WIDTH) * tile.scale <= AREA[0] + 0.01
    assert (tile.view.h + HEADER_HEIGHT) * tile.scale <= AREA[1] + 0.01
    xs = sorted({t.view.x for t in plan.tiles})
    ys = sorted({t.view.y for t in plan.tiles})
    assert xs[0] == LANE_LABEL_WIDTH and ys[0] == HEADER_HEIGHT
    assert max(t.view.right for t in plan.tiles) == pytest.approx(layout.width)
    assert max(t.view.bottom for t in plan.tiles) == pytest.approx(layout.height)
    for a, b in pairwise(ys):
        assert (a + tile.view.h - b) * tile.scale >= OVERLAP_POINTS - 0.01
    assert len(plan.tiles) == len(xs) * len(ys)
    assert {(t.row, t.column) for t in plan.tiles} == {
        (r, c) for r in range(len(ys)) for c in range(len(xs))}


def test_tiles_use_the_fewest_pages_at_a_legible_scale(big_project: Project) -> None:
    layout = compute_layout(big_project)
    plan = plan_map(layout, *AREA)
    at_min = plan_map(layout, *AREA, min_scale=MIN_SCALE)
    assert len(plan.tiles) == len(at_min.tiles)
    bigger = plan_map(layout, *AREA, min_scale=plan.tiles[0].scale + 0.02)
    assert len(bigger.tiles) > len(plan.tiles)


def test_tile_labels_name_part_row_and_column(big_project: Project) -> None:
    plan = plan_map(compute_layout(big_project), *AREA)
    second = plan.tiles[1]
    assert second.label == (f"Map, part 2 of {len(plan.tiles)} — row {second.row + 1}, "
                            f"column {second.column + 1}")


def test_landscape_sizes() -> None:
    assert page_size("a4") == ("A4", (841.8898, 595.2756))
    assert page_size("Tabloid")[1] == (1224.0, 792.0)
