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
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from journeymapper.document import Kind
from journeymapper.layout import Rect, link_line
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import LinkContent
from journeymapper.ui.canvas.items.text import TextBlock

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
            self._ends = ends
            self._line = QLineF(*ends)
            self._arrow = None
            self._short = abs(ends[2] - ends[0]) + abs(ends[3] - ends[1]) < 1
            self._shape = None
            self._place()
            self._repaint(old)

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

    def _repaint(self, old: QRectF | None = None) -> None:
        # Not yet in the scene while it is built: nothing on screen to repaint.
        if self.layer is not None and self.scene() is not None and self.isVisible() \
                and isValid(self.layer):
            self.layer.update(self._bounds if old is None else self._bounds.united(old))

    def refresh(self) -> None:
        """Draw the link again (its selection or visibility changed). Not an ``itemChange``
        override: Qt would call into Python eight times for every link the scene builds."""
        # While a scene is torn down, Qt deselects items after the layer has gone.
        if self.layer is not None and isValid(self.layer):
            self.layer.update(self._bounds)

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


class LinkLayer(QGraphicsItem):
    """Draws the links of its scene in the exposed area: lines grouped by pen, heads by colour.

    It covers the whole map but holds no shape, so clicks, hovers and rubber bands find the
    links and cards under it, never the layer.
    """

    z_value = LinkItem.z_value

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(self.z_value)

    def set_rect(self, rect: QRectF) -> None:
        """Cover this part of the map (where the cards are, plus a margin)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def links_in(self, rect: QRectF) -> list[LinkItem]:
        """The visible links whose boxes meet ``rect``."""
        scene = self.scene()
        if scene is None:
            return []
        found = scene.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        return [item for item in found if isinstance(item, LinkItem) and item.isVisible()]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_LINE:
            return
        exposed = option.exposedRect
        links = self.links_in(exposed)
        if not links:
            return
        smooth = not (widget is not None and self._dense(widget, len(links)))
        lines: dict[tuple[int, bool, bool], list[QLineF]] = {}
        heads: dict[tuple[int, bool], QPainterPath] = {}
        colors: dict[int, QColor] = {}
        captions: list[LinkItem] = []
        arrows = lod >= LOD_ARROW
        show_captions = lod >= LOD_CAPTION
        for link in links:
            # Boxes that meet the exposed area are enough: Qt clips the few lines that pass
            # beside it faster than Python could test each line.
            if link._short:
                continue
            if show_captions and link._caption_box is not None \
                    and link._caption_box.intersects(exposed):
                captions.append(link)
            selected = link.isSelected()
            color = style.SELECTED if selected else link._color
            key = color.rgba()
            colors[key] = color
            group = lines.setdefault((key, selected, link._dimmed), [])
            if arrows:
                shaft, head = link.arrow()
                group.append(shaft)
                path = heads.get((key, link._dimmed))
                if path is None:
                    path = heads[(key, link._dimmed)] = QPainterPath()
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
        for link in captions:
            self._draw_caption(painter, link)
        painter.setOpacity(1.0)

    def _dense(self, widget: QWidget, drawn: int) -> bool:
        """True when the view shows more than DENSE links (the same answer for every part of
        a frame: a line must not be smooth in one strip and jagged in the next)."""
        if drawn > DENSE:
            return True
        view = widget.parentWidget()
        if not isinstance(view, QGraphicsView):
            return False
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        return len(self.links_in(seen)) > DENSE

    @staticmethod
    def _draw_caption(painter: QPainter, link: LinkItem) -> None:
        mid = link._line.center()
        caption = link.caption()
        if caption is None:
            return
        color = style.SELECTED if link.isSelected() else link._color
        painter.setOpacity(DIMMED_OPACITY if link._dimmed else 1.0)
        w, h = caption.width() + 10, caption.height + 4
        painter.setBrush(style.PAPER)
        painter.setPen(QPen(color, 1.2))
        painter.drawRoundedRect(QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h), 5, 5)
        painter.setPen(style.INK)
        caption.draw(painter, mid.x() - w / 2 + 5, mid.y() - h / 2 + 2)
