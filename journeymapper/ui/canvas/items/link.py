"""Links: arrows between two cards that follow them, with optional captions.

Each link is a ``LinkItem`` (what is selected, hit and tested: its shape, its ends), but none
paints itself: one ``LinkLayer`` draws every link in the exposed area in a few batched calls.
Thousands of links cross a large map; a Python ``paint()`` per link cost more than the drawing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from journeymapper.document import Kind
from journeymapper.layout import Rect, clip_segment, link_line, segment_boxes
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import LinkContent
from journeymapper.ui.canvas.items.layer import MapLayer
from journeymapper.ui.canvas.items.text import TextBlock
from journeymapper.ui.canvas.link_grid import LinkGrid

ARROW = 14.0
PICK_WIDTH = 12.0
# Below these levels of detail the caption (then the arrow head) is too small to read, and
# below LOD_LINE a link is thinner than a third of a pixel: a haze over the cards, not drawn.
LOD_CAPTION = 0.3
LOD_ARROW = 0.15
LOD_LINE = 0.1
# With more links than this in the view the lines are drawn without antialiasing: five times
# faster, and in such a tangle no single line can be followed anyway.
DENSE = 150
DIMMED_OPACITY = 0.2
# A link whose box is larger than this (in square map units) repaints along its line when it
# moves, in steps of REPAINT_STEP, not its whole box.
LONG_BOX = 600.0 * 600.0
REPAINT_STEP = 300.0
MAX_AREAS = 24  # more rectangles in a repainted region: one query for their bounding box
# Drawn by the layer, not by itself (Qt then never calls its paint()).
LINK_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
              | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)


def arrow_head(line: QLineF, size: float = ARROW) -> QPolygonF:
    """The triangle at the end of a line."""
    angle = math.atan2(line.dy(), line.dx())
    tip = line.p2()
    left = tip - QPointF(math.cos(angle - 0.45) * size, math.sin(angle - 0.45) * size)
    right = tip - QPointF(math.cos(angle + 0.45) * size, math.sin(angle + 0.45) * size)
    return QPolygonF([tip, left, right])


class LinkItem(QGraphicsItem):
    """A directed flow from one touchpoint card to another (drawn by the ``LinkLayer``)."""

    kind = Kind.LINK
    z_value = 25.0

    def __init__(self, item_id: str, source_id: str, target_id: str,
                 content: LinkContent) -> None:
        super().__init__()
        self.item_id = item_id
        self.source_id = source_id
        self.target_id = target_id
        self.layer: LinkLayer | None = None
        self._content = content
        self._color = _color(content)
        self._color_key = self._color.rgba()
        self._caption: TextBlock | None = None
        self._ends = (0.0, 0.0, 0.0, 0.0)
        self._line = QLineF()
        # The shortened line and the arrow head, worked out when first drawn.
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self._bounds = QRectF()
        self._caption_box: QRectF | None = None
        self._short = True  # nothing to draw (both ends at one spot)
        self._shape: QPainterPath | None = None
        self._dimmed = False
        self.setFlags(LINK_FLAGS)
        self.setZValue(self.z_value)

    def set_content(self, content: LinkContent) -> None:
        """Show another colour or caption."""
        if content != self._content:
            old = self._bounds
            self.prepareGeometryChange()
            self._content = content
            self._color = _color(content)
            self._color_key = self._color.rgba()
            self._caption = None
            self._place()
            self._repaint(old)

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Run the arrow between two card rectangles (map coordinates)."""
        self.set_points(*link_line(Rect(source.x(), source.y(), source.width(),
                                        source.height()),
                                   Rect(target.x(), target.y(), target.width(),
                                        target.height())))

    def set_points(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        """Run the arrow from ``start`` to ``end`` (map coordinates)."""
        ends = (*start, *end)
        if ends != self._ends:
            old = self._bounds
            self.prepareGeometryChange()
            self._line = QLineF(*ends)
            self._arrow = None
            self._short = abs(ends[2] - ends[0]) + abs(ends[3] - ends[1]) < 1
            old_ends, self._ends = self._ends, ends
            self._shape = None
            self._place()
            self._repaint(old, old_ends)

    def line(self) -> QLineF:
        """The arrow's line in map coordinates."""
        return QLineF(self._line)

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the link while another persona is highlighted."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self._repaint()

    def is_dimmed(self) -> bool:
        """True while the link is faded."""
        return self._dimmed

    def arrow(self) -> tuple[QLineF, QPolygonF]:
        """The line shortened to end under the head, and the head."""
        if self._arrow is None:
            shaft = QLineF(self._line)
            shaft.setLength(max(0.0, shaft.length() - ARROW * 0.6))
            self._arrow = (shaft, arrow_head(self._line))
        return self._arrow

    def caption(self) -> TextBlock | None:
        """The caption's text, laid out on first use; None without a caption."""
        if self._caption is None and self._content.caption:
            self._caption = TextBlock(self._content.caption, style.font(13, bold=True), 200)
        return self._caption

    def _repaint(self, old: QRectF | None = None,
                 old_ends: tuple[float, float, float, float] | None = None) -> None:
        # Not yet in the scene while it is built: nothing on screen to repaint.
        scene = self.scene()
        if self.layer is None or scene is None or not self.isVisible() \
                or not isValid(self.layer):
            return
        # Scene updates, not the layer's: Qt repaints all of an item that asks for a part
        # when anyone listens to the scene's changes (the overview does), and the layer
        # covers the whole map.
        box = self._bounds if old is None else self._bounds.united(old)
        if box.width() * box.height() < LONG_BOX or not scene.views():
            scene.update(box)
            return
        # A long slanted link's box covers much of the view: repaint along its lines only.
        seen = [view.mapToScene(view.viewport().rect()).boundingRect()
                for view in scene.views()]
        reach = ARROW + 4
        for ends in {self._ends, old_ends or self._ends}:
            for visible in seen:
                piece = clip_segment(Rect(visible.x() - reach, visible.y() - reach,
                                          visible.width() + 2 * reach,
                                          visible.height() + 2 * reach),
                                     (ends[0], ends[1]), (ends[2], ends[3]))
                if piece is None:
                    continue
                for r in segment_boxes(*piece, REPAINT_STEP, reach):
                    scene.update(QRectF(r.x, r.y, r.w, r.h))
        for caption in (old, self._bounds) if self._caption_box is not None else ():
            if caption is not None:
                mid = caption.center()
                scene.update(QRectF(mid.x() - 112, mid.y() - 16, 224, 32))

    def refresh(self) -> None:
        """Draw the link again (its selection or visibility changed). Not an ``itemChange``
        override: Qt would call into Python eight times for every link the scene builds."""
        # While a scene is torn down, Qt deselects items after they (or the layer) have gone.
        if not isValid(self) or self.layer is None or not isValid(self.layer):
            return
        scene = self.scene()
        if scene is not None:
            scene.update(self._bounds)

    def _place(self) -> None:
        """Work out the bounding box (line, head and caption) and the caption's box."""
        x1, y1, x2, y2 = self._ends
        extra = ARROW + 4
        left, right = (x1, x2) if x1 < x2 else (x2, x1)
        top, bottom = (y1, y2) if y1 < y2 else (y2, y1)
        left, right, top, bottom = left - extra, right + extra, top - extra, bottom + extra
        self._caption_box = None
        if self._content.caption:  # the caption's box around the middle
            mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2
            left, right = min(left, mid_x - 110), max(right, mid_x + 110)
            top, bottom = min(top, mid_y - 14), max(bottom, mid_y + 14)
            self._caption_box = QRectF(mid_x - 110, mid_y - 14, 220, 28)
        self._bounds = QRectF(left, top, right - left, bottom - top)
        if self.layer is not None:
            self.layer.grid.place(self, (left, top, right, bottom))

    def boundingRect(self) -> QRectF:
        return self._bounds  # Qt asks often (index, paint): computed when the line changes

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(PICK_WIDTH)
            self._shape = stroker.createStroke(path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Nothing: the scene's ``LinkLayer`` draws every link."""


def _color(content: LinkContent) -> QColor:
    return QColor(content.color) if content.color else style.LINK


class LinkLayer(MapLayer):
    """Draws the links of its scene in the exposed area: lines grouped by pen, heads by
    colour."""

    def __init__(self) -> None:
        super().__init__(LinkItem.z_value)
        self.grid: LinkGrid[LinkItem] = LinkGrid()  # filed by the links as they move
        self._captions = CaptionPictures()
        # Whether the view (at this transform and size) shows more than DENSE links.
        self._density: tuple[tuple[float, ...], bool] = ((), False)

    def links_in(self, rect: QRectF) -> list[LinkItem]:
        """The visible links whose boxes meet ``rect``."""
        near = self.grid.near(rect.left(), rect.top(), rect.right(), rect.bottom())
        return [link for link in near if link._bounds.intersects(rect) and link.isVisible()]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_LINE:
            return
        areas = self._areas(painter, option.exposedRect)
        if len(areas) == 1:
            found = self.links_in(areas[0])
        else:  # one query, then the links that meet one of the areas
            around = areas[0]
            for area in areas[1:]:
                around = around.united(area)
            found = [link for link in self.links_in(around)
                     if any(link._bounds.intersects(area) for area in areas)]
        if not found:
            return
        smooth = not (widget is not None and self._dense(widget, found, option.exposedRect))
        lines: dict[tuple[int, bool, bool], list[QLineF]] = {}
        heads: dict[tuple[int, bool], QPainterPath] = {}
        colors: dict[int, QColor] = {style.SELECTED.rgba(): style.SELECTED}
        selected_key = style.SELECTED.rgba()
        captions: list[LinkItem] = []
        arrows = lod >= LOD_ARROW
        show_captions = lod >= LOD_CAPTION
        area = areas[0] if len(areas) == 1 else None
        scene = self.scene()
        chosen = scene.selected_link_ids() if hasattr(scene, "selected_link_ids") else None
        for link in found:
            # Boxes that meet the exposed area are enough: Qt clips the few lines that pass
            # beside it faster than Python could test each line.
            if link._short:
                continue
            box = link._caption_box
            if show_captions and box is not None and (
                    box.intersects(area) if area is not None
                    else any(box.intersects(a) for a in areas)):
                captions.append(link)
            selected = link.isSelected() if chosen is None else link.item_id in chosen
            if selected:
                key = selected_key
            else:
                key = link._color_key
                colors[key] = link._color
            dimmed = link._dimmed
            group = lines.get((key, selected, dimmed))
            if group is None:
                group = lines[(key, selected, dimmed)] = []
            if arrows:
                shaft, head = link._arrow or link.arrow()
                group.append(shaft)
                path = heads.get((key, dimmed))
                if path is None:
                    path = heads[(key, dimmed)] = QPainterPath()
                path.addPolygon(head)
            else:
                group.append(link._line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for (key, selected, dimmed), group in lines.items():
            # Flat caps: both ends are hidden (under the card, under the arrow head), and
            # round caps make Qt stroke the line as a curved path, 80 times slower.
            painter.setOpacity(DIMMED_OPACITY if dimmed else 1.0)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth or selected)
            painter.setPen(QPen(colors[key], 4.5 if selected else 3.0, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.FlatCap))
            painter.drawLines(group)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for (key, dimmed), path in heads.items():
            painter.setOpacity(DIMMED_OPACITY if dimmed else 1.0)
            painter.fillPath(path, QBrush(colors[key]))
        if captions and widget is not None:
            self._captions.draw(painter, captions)
        else:  # a picture or an SVG of the map: texts stay texts
            for link in captions:
                _draw_caption(painter, link)
        painter.setOpacity(1.0)

    @staticmethod
    def _areas(painter: QPainter, exposed: QRectF) -> list[QRectF]:
        """The parts of the map to draw: the rectangles of the region Qt repaints (a moved
        card's long links leave a thin diagonal band, not their whole box), or the exposed
        rectangle."""
        engine = painter.paintEngine()
        region = engine.systemClip() if engine is not None else None
        if region is None or region.isEmpty() or region.rectCount() > MAX_AREAS:
            return [exposed]
        to_map, invertible = painter.deviceTransform().inverted()
        if not invertible:
            return [exposed]
        return [area for rect in region
                if not (area := to_map.mapRect(QRectF(rect)) & exposed).isEmpty()]

    def _dense(self, widget: QWidget, found: list[LinkItem], exposed: QRectF) -> bool:
        """True when the view shows more than DENSE links (the same answer for every part of
        a frame: a line must not be smooth in one strip and jagged in the next)."""
        if len(found) > DENSE:
            return True
        view = widget.parentWidget()
        if not isinstance(view, QGraphicsView):
            return False
        t = view.viewportTransform()
        key = (t.m11(), t.m22(), t.dx(), t.dy(), view.viewport().width(),
               view.viewport().height())
        if self._density[0] != key:
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            count = len(found) if exposed.contains(seen) else len(self.links_in(seen))
            self._density = (key, count > DENSE)
        return self._density[1]


class CaptionPictures:
    """Link captions drawn once per text, colour and scale, then copied: a map shows the same
    few shares ("30%") on hundreds of links. Only the current scale is kept."""

    def __init__(self) -> None:
        self._scale = 0.0
        self._ratio = 1.0
        self._pictures: dict[tuple[str, int], tuple[QPixmap, float, float]] = {}

    def draw(self, painter: QPainter, links: list[LinkItem]) -> None:
        """Draw the captions of ``links`` at their lines' middles."""
        transform = painter.worldTransform()
        scale = transform.m11()
        if transform.isRotating() or scale <= 0 or transform.m22() != scale:
            for link in links:
                _draw_caption(painter, link)
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        if (scale, ratio) != (self._scale, self._ratio):
            self._scale, self._ratio, self._pictures = scale, ratio, {}
        painter.setWorldTransform(QTransform())
        for link in links:
            picture = self._picture(link, scale)
            if picture is None:
                continue
            pixmap, w, h = picture
            mid = transform.map(link._line.center())
            painter.setOpacity(DIMMED_OPACITY if link._dimmed else 1.0)
            painter.drawPixmap(QPointF(round(mid.x() - w / 2), round(mid.y() - h / 2)), pixmap)
        painter.setWorldTransform(transform)

    def _picture(self, link: LinkItem, scale: float) -> tuple[QPixmap, float, float] | None:
        caption = link.caption()
        if caption is None:
            return None
        color = style.SELECTED if link.isSelected() else link._color
        key = (link._content.caption, color.rgba())
        picture = self._pictures.get(key)
        if picture is None:
            w, h = caption.width() + 10, caption.height + 4
            pw, ph = math.ceil(w * scale) + 2, math.ceil(h * scale) + 2
            ratio = self._ratio
            pixmap = QPixmap(math.ceil(pw * ratio), math.ceil(ph * ratio))
            pixmap.setDevicePixelRatio(ratio)  # sharp on high-density screens
            pixmap.fill(Qt.GlobalColor.transparent)
            inner = QPainter(pixmap)
            inner.setRenderHints(QPainter.RenderHint.Antialiasing
                                 | QPainter.RenderHint.TextAntialiasing)
            inner.translate(1, 1)
            inner.scale(scale, scale)
            _paint_caption(inner, caption, color, QPointF(w / 2, h / 2))
            inner.end()
            picture = self._pictures[key] = (pixmap, pw, ph)
        return picture


def _draw_caption(painter: QPainter, link: LinkItem) -> None:
    caption = link.caption()
    if caption is None:
        return
    painter.setOpacity(DIMMED_OPACITY if link._dimmed else 1.0)
    color = style.SELECTED if link.isSelected() else link._color
    _paint_caption(painter, caption, color, link._line.center())


def _paint_caption(painter: QPainter, caption: TextBlock, color: QColor, mid: QPointF) -> None:
    """A caption's rounded box and text, centred on ``mid``."""
    w, h = caption.width() + 10, caption.height + 4
    painter.setBrush(style.PAPER)
    painter.setPen(QPen(color, 1.2))
    painter.drawRoundedRect(QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h), 5, 5)
    painter.setPen(style.INK)
    caption.draw(painter, mid.x() - w / 2 + 5, mid.y() - h / 2 + 2)
