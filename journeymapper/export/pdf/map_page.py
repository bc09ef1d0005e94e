"""The map section: the whole map on one landscape page, or an overview and tiles.

Each page is one Flowable that fills the frame: a title band, the map drawn from the shared
layout at the plan's scale, and the legend. Cards link to their row in the register.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from journeymapper.export.formatting import clean, long_date
from journeymapper.export.options import ExportOptions
from journeymapper.export.pdf.card import CardStyle, draw_card
from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, text_width
from journeymapper.export.pdf.legend import (
    LegendRows,
    draw_legend,
    legend_entries,
    legend_height,
    legend_rows,
)
from journeymapper.export.pdf.links import draw_captions, draw_links, link_shapes
from journeymapper.export.pdf.map_draw import (
    clip,
    draw_emotion_curves,
    draw_headers,
    draw_lane_labels,
    draw_lanes,
    draw_notes,
    rect,
    stamp,
)
from journeymapper.export.pdf.map_index import MapIndex
from journeymapper.export.pdf.outline import OutlineMark, register_anchor
from journeymapper.export.pdf.styles import ALL_CURVE, INK, MUTED, OVERDUE, RULE, hex_color
from journeymapper.export.pdf.text import elide
from journeymapper.export.pdf.tiles import MapPlan, Tile, plan_map
from journeymapper.layout import HEADER_HEIGHT, LANE_LABEL_WIDTH, MapLayout, Rect, emotion_curve
from journeymapper.model import Project

TITLE_BAND = 34.0
GAP = 8.0


@dataclass(slots=True)
class MapContext:
    """Everything the map pages share, computed once per export."""

    project: Project
    layout: MapLayout
    importance: dict[str, float]
    cards: CardStyle
    curves: list[tuple[Color, list[tuple[float, float]], bool]]
    index: MapIndex
    link_to_register: bool
    subtitle: str
    legend: LegendRows
    width: float
    height: float

    @property
    def map_height(self) -> float:
        """Height of the area the map is drawn in, below the title and above the legend."""
        return self.height - TITLE_BAND - legend_height(self.legend) - GAP

    @property
    def map_bottom(self) -> float:
        """Frame y of the bottom of the map area."""
        return legend_height(self.legend) + GAP


def map_context(project: Project, layout: MapLayout, options: ExportOptions,
                width: float, height: float, link_to_register: bool) -> MapContext:
    """Gather what the map pages need for a ``width`` x ``height`` frame."""
    persona = options.persona
    highlight = persona.id if persona else None
    persona_colors = {p.id: hex_color(p.color) for p in project.personas}
    # As on the canvas: a curve per persona (others faded while one is highlighted), or
    # a single curve for everyone when the map has no personas.
    if project.personas:
        curves = [(persona_colors[p.id], emotion_curve(project, layout, p.id),
                   highlight is not None and p.id != highlight) for p in project.personas]
    else:
        curves = [(ALL_CURVE, emotion_curve(project, layout, None), False)]
    links = link_shapes(project, layout, persona_colors, highlight)
    subtitle = f"Customer journey map · {long_date(options.today)}"
    if persona is not None:
        subtitle += f" · highlighting persona {clean(persona.name)}"
    return MapContext(
        project=project,
        layout=layout,
        importance={tp.id: project.importance(tp) for tp in project.touchpoints},
        cards=CardStyle(options.today, persona_colors, highlight),
        curves=curves,
        index=MapIndex(project, layout, links),
        link_to_register=link_to_register,
        subtitle=subtitle,
        legend=legend_rows(legend_entries(project, highlight), width),
        width=width,
        height=height,
    )


def _draw_body(flow: Flowable, ctx: MapContext, view: Rect, *, detailed: bool = True) -> None:
    """Lanes, curves, links, notes and cards inside ``view`` (the canvas is in map points).

    The order is the canvas's stacking order (its z values), so overlaps look the same.
    """
    c = flow.canv
    project, layout, highlight = ctx.project, ctx.layout, ctx.cards.highlight
    near = ctx.index.near(view)
    draw_lanes(c, project, layout, view)
    draw_emotion_curves(c, ctx.curves, view)
    if detailed:
        draw_links(c, near.links, view)
        draw_captions(c, near.links, view)
    draw_notes(c, near.notes, layout, view, faded=highlight is not None)
    style = ctx.cards if detailed else CardStyle(ctx.cards.today, ctx.cards.persona_colors,
                                                 highlight, detailed=False)
    for tp in near.touchpoints:
        box = layout.cards[tp.id]
        if not box.intersects(view):
            continue
        draw_card(c, box, tp, ctx.importance[tp.id], style)
        if detailed and ctx.link_to_register:
            # Clicking a card jumps to its register row; only the visible part is clickable.
            x0, y0 = max(box.x, view.x), max(box.y, view.y)
            x1, y1 = min(box.right, view.right), min(box.bottom, view.bottom)
            c.linkRect("", register_anchor(tp.id), (x0, -y1, x1, -y0), relative=1,
                       thickness=0)
    if detailed:
        draw_captions(c, near.links, view, over=True)


class MapPage(Flowable):
    """One page of the map: the whole map, or one tile with frozen headers and labels."""

    def __init__(self, ctx: MapContext, tile: Tile) -> None:
        super().__init__()
        self.ctx = ctx
        self.tile = tile

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fill the frame."""
        return (avail_width, avail_height - 0.01)

    def draw(self) -> None:
        """Title band, map, legend."""
        ctx, tile, c = self.ctx, self.tile, self.canv
        right = tile.label if tile.count > 1 else f"Scale {tile.scale:.0%}"
        draw_title_band(self, ctx, right)
        top = ctx.map_bottom + ctx.map_height
        s = tile.scale
        if tile.count == 1:
            w = ctx.layout.width * s
            left = (ctx.width - w) / 2
            c.saveState()
            c.translate(left, top)
            c.scale(s, s)
            whole = Rect(0, 0, ctx.layout.width, ctx.layout.height)
            clip(c, whole)
            _draw_body(self, ctx, whole)
            draw_headers(c, ctx.project, ctx.layout, whole)
            draw_lane_labels(c, ctx.project, ctx.layout, whole)
            c.restoreState()
        else:
            self._draw_tile(top)
        _legend(c, ctx)

    def _draw_tile(self, top: float) -> None:
        ctx, tile, c = self.ctx, self.tile, self.canv
        s, view = tile.scale, tile.view
        body_left = LANE_LABEL_WIDTH * s
        body_top = top - HEADER_HEIGHT * s
        # The cells of this tile.
        c.saveState()
        c.translate(body_left - view.x * s, body_top + view.y * s)
        c.scale(s, s)
        clip(c, view)
        _draw_body(self, ctx, view)
        c.restoreState()
        # Frozen stage headers along the top, over the same x range.
        strip = Rect(view.x, 0, view.w, HEADER_HEIGHT)
        c.saveState()
        c.translate(body_left - view.x * s, top)
        c.scale(s, s)
        clip(c, strip)
        draw_headers(c, ctx.project, ctx.layout, strip)
        c.restoreState()
        # Frozen lane labels down the left, over the same y range.
        strip = Rect(0, view.y, LANE_LABEL_WIDTH, view.h)
        c.saveState()
        c.translate(0, body_top + view.y * s)
        c.scale(s, s)
        clip(c, strip)
        draw_lane_labels(c, ctx.project, ctx.layout, strip)
        c.restoreState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.rect(body_left, body_top - view.h * s, view.w * s, view.h * s, stroke=1, fill=0)
        draw_locator(c, tile, Rect(0, top - HEADER_HEIGHT * s, body_left, HEADER_HEIGHT * s))


class MapOverview(Flowable):
    """The whole map, small, with the parts it is printed in outlined and numbered."""

    def __init__(self, ctx: MapContext, plan: MapPlan) -> None:
        super().__init__()
        self.ctx = ctx
        self.plan = plan

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fill the frame."""
        return (avail_width, avail_height - 0.01)

    def draw(self) -> None:
        """Title band, the map as boxes, the tiles' outlines and numbers, legend."""
        ctx, c = self.ctx, self.canv
        tiles = self.plan.tiles
        draw_title_band(self, ctx, f"Overview: printed in {len(tiles)} parts at "
                                   f"{tiles[0].scale:.0%}")
        s = self.plan.fit_scale
        whole = Rect(0, 0, ctx.layout.width, ctx.layout.height)
        c.saveState()
        c.translate((ctx.width - whole.w * s) / 2, ctx.map_bottom + ctx.map_height)
        c.scale(s, s)
        clip(c, whole)
        _draw_body(self, ctx, whole, detailed=False)
        draw_headers(c, ctx.project, ctx.layout, whole)
        draw_lane_labels(c, ctx.project, ctx.layout, whole)
        size = 16 / s  # part numbers print at 16 pt whatever the scale
        for tile in tiles:
            rect(c, tile.view, stroke=OVERDUE, width=1.2 / s)
            cx, cy = tile.view.center
            c.setFillColor(OVERDUE)
            c.setFont(FONT_BOLD, size)
            c.drawCentredString(cx, -(cy + size / 3), str(tile.index + 1))
        c.restoreState()
        _legend(c, ctx)


def _legend(c: Canvas, ctx: MapContext) -> None:
    """The legend band at the bottom: the same on every map page, so drawn once as a form."""
    height = legend_height(ctx.legend)
    stamp(c, "jm-map-legend", (0, 0, ctx.width, height + 2),
          lambda c: draw_legend(c, ctx.legend, 0, height))


def draw_title_band(flow: Flowable, ctx: MapContext, right: str) -> None:
    """Project title and date on the left, the page's part label on the right."""
    c = flow.canv
    top = ctx.height
    c.setFillColor(INK)
    c.setFont(FONT_BOLD, 10.5)
    c.drawRightString(ctx.width, top - 13, right)
    room = ctx.width - text_width(right, 10.5, True) - 20
    c.setFont(FONT_BOLD, 14)
    c.drawString(0, top - 14, elide(clean(ctx.project.title), room, 14, True))
    c.setFillColor(MUTED)
    c.setFont(FONT, 8.5)
    c.drawString(0, top - 27, elide(ctx.subtitle, ctx.width, 8.5))


def draw_locator(c: Canvas, tile: Tile, box: Rect) -> None:
    """A small grid in the free corner of a tile, with this tile's cell filled."""
    pad = 6.0
    cell = min((box.w - 2 * pad) / tile.columns, (box.h - 2 * pad) / tile.rows, 12.0)
    gx = box.x + (box.w - cell * tile.columns) / 2
    gy = box.bottom - pad  # page y of the grid top (box.y is the bottom edge here)
    c.setLineWidth(0.5)
    c.setStrokeColor(MUTED)
    for r in range(tile.rows):
        for col in range(tile.columns):
            here = (r, col) == (tile.row, tile.column)
            c.setFillColor(OVERDUE if here else white)
            c.rect(gx + col * cell, gy - (r + 1) * cell, cell, cell, stroke=1, fill=1)


def map_flowables(project: Project, layout: MapLayout, options: ExportOptions,
                  width: float, height: float, link_to_register: bool) -> list[Flowable]:
    """The map pages for a ``width`` x ``height`` frame, with page breaks between them."""
    ctx = map_context(project, layout, options, width, height, link_to_register)
    plan = plan_map(layout, width, ctx.map_height)
    out: list[Flowable] = []
    if plan.tiled:
        out += [OutlineMark("Overview", "map-overview", level=1), MapOverview(ctx, plan)]
    for tile in plan.tiles:
        if out:
            out.append(PageBreak())
        if plan.tiled:
            label = f"Part {tile.index + 1}: row {tile.row + 1}, column {tile.column + 1}"
            out.append(OutlineMark(label, f"map-part-{tile.index + 1}", level=1))
        out.append(MapPage(ctx, tile))
    return out
