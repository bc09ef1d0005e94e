"""Links: arrows between two cards that follow them, with optional captions.

Each link is a ``LinkItem`` (what is selected, hit and tested: its shape, its ends), but none
paints itself: one ``LinkLayer`` (``link_layer.py``) draws every link in the exposed area in a
few batched calls. Thousands of links cross a large map; a Python ``paint()`` per link cost
more than the drawing.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from journeymapper.document import Kind
from journeymapper.layout import Rect, clip_segment, link_line, segment_boxes
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import LinkContent
from journeymapper.ui.canvas.items.boxed import NO_PEN
from journeymapper.ui.canvas.items.text import TextBlock

if TYPE_CHECKING:
    from journeymapper.ui.canvas.items.link_layer import LinkLayer

ARROW = 14.0
PICK_WIDTH = 12.0
# A link whose box is larger than this (in square map units) repaints along its line when it
# moves, in steps of REPAINT_STEP, not its whole box.
LONG_BOX = 600.0 * 600.0
REPAINT_STEP = 300.0
NO_LINE = QLineF()
NO_BOUNDS = QRectF()
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


class LinkItem(QGraphicsRectItem):
    """A directed flow from one touchpoint card to another (drawn by the ``LinkLayer``).

    A rectangle item only so that Qt knows its box without calling into Python (see
    ``BoxedItem``): the overview of a large map asked 9,000 links for it on every render."""

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
        # Shared until the link is first placed (set_points makes its own): a map is built
        # with thousands of links.
        self._line = NO_LINE
        # The shortened line and the arrow head, worked out when first drawn.
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self._bounds = NO_BOUNDS
        self._box = (0.0, 0.0, 0.0, 0.0)  # _bounds as left, top, right, bottom
        # The bounds Qt knows (its index, hit tests; the item's rect): _bounds but while a
        # drag previews.
        self._qt_bounds = self._bounds
        self._caption_box: QRectF | None = None
        # The caption's box as left, top, right, bottom (the layer tests thousands a frame).
        self._caption_edges: tuple[float, float, float, float] | None = None
        self._short = True  # nothing to draw (both ends at one spot)
        self._shape: QPainterPath | None = None
        self._dimmed = False
        self.setPen(NO_PEN)  # the rect is exactly the box
        self.setFlags(LINK_FLAGS)
        self.setZValue(self.z_value)

    def set_content(self, content: LinkContent) -> None:
        """Show another colour or caption."""
        if content != self._content:
            old = self._bounds
            self._content = content
            self._color = _color(content)
            self._color_key = self._color.rgba()
            self._caption = None
            self._place()
            self._file()
            self._repaint(old)

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Run the arrow between two card rectangles (map coordinates)."""
        self.set_points(*link_line(Rect(source.x(), source.y(), source.width(),
                                        source.height()),
                                   Rect(target.x(), target.y(), target.width(),
                                        target.height())))

    def set_points(self, start: tuple[float, float], end: tuple[float, float], *,
                   preview: bool = False) -> None:
        """Run the arrow from ``start`` to ``end`` (map coordinates). A ``preview`` (a drag
        in progress) is drawn there but not filed in the scene's index until :meth:`settle`:
        re-filing long links on every mouse move cost more than drawing them."""
        ends = (*start, *end)
        if ends == self._ends:
            if not preview:
                self.settle()
            return
        old = self._bounds
        self._line = QLineF(*ends)
        self._arrow = None
        self._short = abs(ends[2] - ends[0]) + abs(ends[3] - ends[1]) < 1
        old_ends, self._ends = self._ends, ends
        self._shape = None
        self._place()
        if not preview:
            self._file()
        self._repaint(old, old_ends)

    def settle(self) -> None:
        """Let the scene's index know where a previewed link is now."""
        if self._qt_bounds is not self._bounds:
            self._file()

    def _file(self) -> None:
        self._qt_bounds = self._bounds
        self.setRect(self._bounds)  # tells the scene's index (prepareGeometryChange)

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
        self.layer.link_changed(self)
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
        self.layer.link_changed(self)
        scene = self.scene()
        if scene is not None:
            scene.update(self._bounds)

    def _place(self) -> None:
        """Work out the bounding box (line, head and caption) and the caption's box."""
        # Comparisons, not min() and max(): this runs for every link of a map being built.
        x1, y1, x2, y2 = self._ends
        extra = ARROW + 4
        left, right = (x1 - extra, x2 + extra) if x1 < x2 else (x2 - extra, x1 + extra)
        top, bottom = (y1 - extra, y2 + extra) if y1 < y2 else (y2 - extra, y1 + extra)
        if self._content.caption:  # the caption's box around the middle
            mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2
            if mid_x - 110 < left:
                left = mid_x - 110
            if mid_x + 110 > right:
                right = mid_x + 110
            if mid_y - 14 < top:
                top = mid_y - 14
            if mid_y + 14 > bottom:
                bottom = mid_y + 14
            self._caption_box = QRectF(mid_x - 110, mid_y - 14, 220, 28)
            self._caption_edges = (mid_x - 110, mid_y - 14, mid_x + 110, mid_y + 14)
        else:
            self._caption_box = None
            self._caption_edges = None
        self._bounds = QRectF(left, top, right - left, bottom - top)
        self._box = (left, top, right, bottom)
        if self.layer is not None:
            self.layer.grid.place(self, self._box)

    def meets(self, left: float, top: float, right: float, bottom: float) -> bool:
        """True when the link's bounding box meets this one (map coordinates)."""
        b_left, b_top, b_right, b_bottom = self._box
        return b_left <= right and left <= b_right and b_top <= bottom and top <= b_bottom

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
    """The link's colour, one shared QColor per colour (do not change it)."""
    return _shared_color(content.color) if content.color else style.LINK


@functools.cache
def _shared_color(name: str) -> QColor:
    return QColor(name)
