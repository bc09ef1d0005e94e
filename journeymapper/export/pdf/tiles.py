"""How the map is cut into pages: one page when it is legible, else overlapping tiles.

Pure geometry in map points (no reportlab), so the rules are easy to test. A tile shows a part
of the cells region; the stage headers and lane labels are repeated ("frozen") on every tile,
so each printed part still says which stage and lane it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeymapper.layout import HEADER_HEIGHT, LANE_LABEL_WIDTH, MapLayout, Rect

# Below this scale card text prints under ~5 pt: the map is split into tiles instead.
MIN_SCALE = 0.45
# Tiles never print larger than this; beyond it, more pages buy little legibility.
TILE_SCALE_LIMIT = 0.9
SCALE_STEP = 0.01
# Small maps are not blown up past this: huge cards look like a mistake.
MAX_SCALE = 1.25
# Printed overlap between neighbouring tiles, so a card cut at an edge is whole on one side.
OVERLAP_POINTS = 36.0


@dataclass(frozen=True, slots=True)
class Tile:
    """One printed part of the map: which region of the cells it shows, and at what scale."""

    index: int
    count: int
    row: int
    column: int
    rows: int
    columns: int
    scale: float
    view: Rect  # the part of the map drawn in the body, in map points

    @property
    def label(self) -> str:
        """``Map, part 2 of 6 — row 1, column 2`` (one-based, as people count pages)."""
        if self.count == 1:
            return "Map"
        return (f"Map, part {self.index + 1} of {self.count} — "
                f"row {self.row + 1}, column {self.column + 1}")


@dataclass(frozen=True, slots=True)
class MapPlan:
    """All pages of the map: a single fitted page, or an overview plus tiles."""

    fit_scale: float
    tiles: tuple[Tile, ...]

    @property
    def tiled(self) -> bool:
        """True when the map is split over several pages."""
        return len(self.tiles) > 1


def fit_scale(layout: MapLayout, width: float, height: float) -> float:
    """The scale at which the whole map fits ``width`` x ``height`` points."""
    if layout.width <= 0 or layout.height <= 0:
        return MAX_SCALE
    return min(width / layout.width, height / layout.height, MAX_SCALE)


def _starts(extent: float, window: float, overlap: float) -> list[float]:
    """Evenly spaced window origins covering ``extent`` with at least ``overlap`` shared."""
    if extent <= window:
        return [0.0]
    count = math.ceil((extent - overlap) / max(window - overlap, 1.0))
    count = max(count, 2)
    step = (extent - window) / (count - 1)
    return [i * step for i in range(count)]


def _grid(layout: MapLayout, width: float, height: float,
          scale: float) -> tuple[list[float], list[float], float, float]:
    """Tile origins (x, y) over the cells region and the body size, at ``scale``."""
    # The frozen headers and labels take their share of every tile.
    body_w = width / scale - LANE_LABEL_WIDTH
    body_h = height / scale - HEADER_HEIGHT
    overlap = OVERLAP_POINTS / scale
    cells_w = max(layout.width - LANE_LABEL_WIDTH, 0.0)
    cells_h = max(layout.height - HEADER_HEIGHT, 0.0)
    return (_starts(cells_w, body_w, overlap), _starts(cells_h, body_h, overlap),
            min(body_w, cells_w), min(body_h, cells_h))


def tile_scale(layout: MapLayout, width: float, height: float,
               min_scale: float = MIN_SCALE) -> float:
    """The largest scale that needs no more pages than ``min_scale`` does.

    The fewest pages that keep the map legible, each filled as much as possible.
    """
    xs, ys, _, _ = _grid(layout, width, height, min_scale)
    pages = len(xs) * len(ys)
    scale = min_scale
    while scale + SCALE_STEP <= TILE_SCALE_LIMIT:
        xs, ys, _, _ = _grid(layout, width, height, scale + SCALE_STEP)
        if len(xs) * len(ys) > pages:
            break
        scale += SCALE_STEP
    return round(scale, 4)


def plan_map(layout: MapLayout, width: float, height: float, *,
             min_scale: float = MIN_SCALE) -> MapPlan:
    """Pages for a map drawn in a ``width`` x ``height`` point area of each page."""
    scale = fit_scale(layout, width, height)
    whole = Rect(0.0, 0.0, layout.width, layout.height)
    if scale >= min_scale:
        return MapPlan(scale, (Tile(0, 1, 0, 0, 1, 1, scale, whole),))
    at = tile_scale(layout, width, height, min_scale)
    xs, ys, body_w, body_h = _grid(layout, width, height, at)
    count = len(xs) * len(ys)
    tiles = []
    for r, y in enumerate(ys):
        for c, x in enumerate(xs):
            view = Rect(LANE_LABEL_WIDTH + x, HEADER_HEIGHT + y, body_w, body_h)
            tiles.append(Tile(len(tiles), count, r, c, len(ys), len(xs), at, view))
    return MapPlan(scale, tuple(tiles))
