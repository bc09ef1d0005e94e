"""The PDF's map index finds, for any tile, everything testing every item would find."""

from __future__ import annotations

import pytest

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.export.pdf.fonts import register_fonts
from journeymapper.export.pdf.links import ARROW, link_shapes
from journeymapper.export.pdf.map_index import MapIndex
from journeymapper.export.pdf.tiles import plan_map
from journeymapper.grid import CELL
from journeymapper.layout import Rect, compute_layout, segment_meets

VIEWS = [
    Rect(0, 0, 900, 700),
    Rect(1500, 2300, 1100, 800),  # away from the origin, across grid cells
    Rect(-500, -500, 300, 300),  # off the map: nothing
    Rect(0, 0, 100_000, 100_000),  # everything
]


@pytest.mark.parametrize("links", ["journey", "random"])
def test_near_misses_nothing_the_full_scan_draws_and_keeps_the_stacking_order(links):
    register_fonts()  # captions are measured in the embedded font
    project = synthetic_project(400, links=links)
    layout = compute_layout(project)
    shapes = link_shapes(project, layout, {}, None)
    index = MapIndex(project, layout, shapes)
    tiles = [t.view for t in plan_map(layout, 700, 450).tiles]
    assert len(tiles) > 4
    # Thin strips just past the grid's cell lines: what straddles a line is found from both.
    strips = [Rect(k * CELL + 1, 0, 30, layout.height) for k in range(1, 4)]
    strips += [Rect(0, k * CELL + 1, layout.width, 30) for k in range(1, 4)]
    for view in VIEWS + tiles + strips:
        near = index.near(view)
        cards = [tp for tp in project.touchpoints if layout.cards[tp.id].intersects(view)]
        assert [tp for tp in near.touchpoints if layout.cards[tp.id].intersects(view)] == cards
        notes = [n for n in project.notes if layout.notes[n.id].intersects(view)]
        assert [n for n in near.notes if layout.notes[n.id].intersects(view)] == notes
        reach = Rect(view.x - ARROW, view.y - ARROW, view.w + 2 * ARROW, view.h + 2 * ARROW)

        def drawn(shape, view=view, reach=reach):
            return (shape.caption_box.intersects(view)
                    or segment_meets(reach, shape.start, shape.end))

        assert [s for s in near.links if drawn(s)] == [s for s in shapes if drawn(s)]
        # And it is a real narrowing: a tile gets a small part of a big map.
        if view in tiles:
            assert len(near.touchpoints) < len(project.touchpoints) / 2
    assert index.near(VIEWS[2]).touchpoints == []
