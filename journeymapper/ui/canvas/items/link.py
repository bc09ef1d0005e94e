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

from journeymapper.captions import CaptionPlace
from journeymapper.document import Kind
from journeymapper.layout import Rect, clip_segment, link_line, segment_boxes
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import LinkContent
from journeymapper.ui.canvas.items.boxed import NO_PEN

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
        self.rank = 0
        """Its place in the map's order of links: captions are placed in this order."""
        self._content = content
        self._color = _color(content)
        self._color_key = self._color.rgba()
        self._preview: CaptionPlace | None = None  # where its caption goes while dragged
        self._placed_at = (0.0, 0.0)  # the line's middle when its caption was placed
        self._caption_drawn: Rect | None = None  # where its caption was last repainted
        self._ends = (0.0, 0.0, 0.0, 0.0)
        # Shared until the link is first run (run makes its own): a map is built
        # with thousands of links.
        self._line = NO_LINE
        # The shortened line and the arrow head, worked out when first drawn.
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self._bounds = NO_BOUNDS
        self._box = (0.0, 0.0, 0.0, 0.0)  # _bounds as left, top, right, bottom
        # The bounds Qt knows (its index, hit tests; the item's rect): _bounds but while a
        # drag previews.
        self._qt_bounds = self._bounds
        self._short = True  # nothing to draw (both ends at one spot)
        self._shape: QPainterPath | None = None
        self._dimmed = False
        self.setPen(NO_PEN)  # the rect is exactly the box
        self.setFlags(LINK_FLAGS)
        self.setZValue(self.z_value)

    def set_content(self, content: LinkContent) -> None:
        """Show another colour or caption."""
        if content != self._content:
            self._content = content
            self._color = _color(content)
            self._color_key = self._color.rgba()
            self._repaint()
            self._commit_caption()
            self.caption_moved(restyled=True)  # its colour or its text

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Run the arrow between two card rectangles (map coordinates)."""
        self.run(Rect(source.x(), source.y(), source.width(), source.height()),
                 Rect(target.x(), target.y(), target.width(), target.height()))

    def run(self, source: Rect, target: Rect, *, preview: bool = False) -> None:
        """Run the arrow between its cards' rectangles (map coordinates). A ``preview`` (a
        drag in progress) is drawn there but not filed in the scene's index until
        :meth:`settle`: re-filing long links on every mouse move cost more than drawing
        them; its caption moves with it, and is placed among the others on the drop."""
        start, end = link_line(source, target)
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
        self._repaint(old, old_ends)
        if preview:
            self._preview_caption()
        else:
            self._file()
            self._commit_caption()

    def settle(self) -> None:
        """Let the scene's index know where a previewed link is now, and place its caption
        among the others."""
        if self._qt_bounds is not self._bounds:
            self._file()
        self._commit_caption()

    # ----- its caption ----------------------------------------------------------------------
    def caption_place(self) -> CaptionPlace | None:
        """Where its caption is drawn (None: no caption, or no room for one)."""
        if self._preview is not None:
            return self._preview
        place = None if self.layer is None else self.layer.captions.board.place_of(self)
        return place if place is not None and place.lines else None

    def drop_caption(self) -> None:
        """The link is off the map (a card gone, or the link): its caption leaves the board."""
        if self.layer is not None:
            self.layer.captions.previewing.discard(self)
            self._preview = None
            self.layer.captions.board.remove_link(self)
        self.caption_moved()

    def caption_moved(self, *, restyled: bool = False) -> None:
        """Its caption moved, changed or went (or, ``restyled``, looks different where it
        is): repaint where it was and where it is."""
        place = self.caption_place()
        now = None if place is None or not self.isVisible() else place.box
        was, self._caption_drawn = self._caption_drawn, now
        if self.layer is not None and (was != now or restyled):
            self.layer.captions.repaint([box for box in {was, now} if box is not None])

    def _commit_caption(self) -> None:
        layer = self.layer
        if layer is None:
            return
        captions = layer.captions
        previewed = self._preview is not None
        if previewed:
            self._preview = None
            captions.previewing.discard(self)
        if self._short or not self._content.caption:
            captions.board.remove_link(self)
        else:
            x1, y1, x2, y2 = self._ends
            self._placed_at = ((x1 + x2) / 2, (y1 + y2) / 2)
            captions.board.set_link(self, self.rank, self._content.caption, (x1, y1),
                                    (x2, y2), self._content.short)
        if previewed:  # the board may not have moved it: repaint from the preview
            self.caption_moved()

    def _preview_caption(self) -> None:
        """While a drag lasts the caption keeps its place beside the line's middle; it is
        placed among the others on the drop (placing it on every mouse move cost more than
        the rest of the move)."""
        layer = self.layer
        placed = None if layer is None else layer.captions.board.place_of(self)
        if layer is None or placed is None or not placed.lines:
            return
        x1, y1, x2, y2 = self._ends
        dx, dy = (x1 + x2) / 2 - self._placed_at[0], (y1 + y2) / 2 - self._placed_at[1]
        box = placed.box
        self._preview = CaptionPlace(placed.lines, Rect(box.x + dx, box.y + dy, box.w, box.h))
        layer.captions.previewing.add(self)
        self.caption_moved()

    def color(self) -> QColor:
        """Its colour (the persona's, if any) when not selected."""
        return self._color

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
            self.caption_moved(restyled=True)

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

    def _repaint(self, old: QRectF | None = None,
                 old_ends: tuple[float, float, float, float] | None = None) -> None:
        # Not yet in the scene while it is built: nothing on screen to repaint.
        scene = self.scene()
        if self.layer is None or scene is None or not self.isVisible() \
                or not isValid(self.layer):
            return
        self.layer.link_changed(self)
        if self.layer.repaint_whole:
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
            self.caption_moved(restyled=True)  # in the selection's colour, or shown or hidden

    def _place(self) -> None:
        """Work out the bounding box: the line and its head (the caption layer draws the
        caption)."""
        # Comparisons, not min() and max(): this runs for every link of a map being built.
        x1, y1, x2, y2 = self._ends
        extra = ARROW + 4
        left, right = (x1 - extra, x2 + extra) if x1 < x2 else (x2 - extra, x1 + extra)
        top, bottom = (y1 - extra, y2 + extra) if y1 < y2 else (y2 - extra, y1 + extra)
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
