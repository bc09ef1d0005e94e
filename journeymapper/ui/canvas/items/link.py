"""A link: an arrow between two cards that follows them, with an optional caption."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.layout import Rect, link_line, segment_meets
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


def crosses(line: QLineF, rect: QRectF) -> bool:
    """True when the segment passes through the rectangle (Liang-Barsky clipping)."""
    x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    if max(x1, x2) < left or min(x1, x2) > right or max(y1, y2) < top or min(y1, y2) > bottom:
        return False
    return segment_meets(Rect(left, top, right - left, bottom - top), (x1, y1), (x2, y2))


def arrow_head(line: QLineF, size: float = ARROW) -> QPolygonF:
    """The triangle at the end of a line."""
    angle = math.atan2(line.dy(), line.dx())
    tip = line.p2()
    left = tip - QPointF(math.cos(angle - 0.45) * size, math.sin(angle - 0.45) * size)
    right = tip - QPointF(math.cos(angle + 0.45) * size, math.sin(angle + 0.45) * size)
    return QPolygonF([tip, left, right])


class LinkItem(QGraphicsItem):
    """A directed flow from one touchpoint card to another."""

    kind = Kind.LINK
    z_value = 25.0

    def __init__(self, item_id: str, source_id: str, target_id: str,
                 content: LinkContent) -> None:
        super().__init__()
        self.item_id = item_id
        self.source_id = source_id
        self.target_id = target_id
        self._content = content
        self._caption: TextBlock | None = None
        self._line = QLineF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._dimmed = False
        # The extended option tells paint() what is exposed: most links crossing the view
        # at 100% have their caption (and many their line) outside it.
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(self.z_value)

    def set_content(self, content: LinkContent) -> None:
        """Show another colour or caption."""
        if content != self._content:
            self.prepareGeometryChange()
            self._content = content
            self._caption = None
            self._bounds = self._bounding_rect()

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Run the arrow between two card rectangles (map coordinates)."""
        self.set_points(*link_line(Rect(source.x(), source.y(), source.width(),
                                        source.height()),
                                   Rect(target.x(), target.y(), target.width(),
                                        target.height())))

    def set_points(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        """Run the arrow from ``start`` to ``end`` (map coordinates)."""
        line = QLineF(start[0], start[1], end[0], end[1])
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line
            self._shape = None
            self._bounds = self._bounding_rect()

    def line(self) -> QLineF:
        """The arrow's line in map coordinates."""
        return QLineF(self._line)

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the link while another persona is highlighted."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def _color(self) -> QColor:
        return QColor(self._content.color) if self._content.color else style.LINK

    def _bounding_rect(self) -> QRectF:
        line, extra = self._line, ARROW + 4
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        left, right = min(x1, x2) - extra, max(x1, x2) + extra
        top, bottom = min(y1, y2) - extra, max(y1, y2) + extra
        if self._content.caption:  # the caption's box around the middle
            mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2
            left, right = min(left, mid_x - 110), max(right, mid_x + 110)
            top, bottom = min(top, mid_y - 14), max(bottom, mid_y + 14)
        return QRectF(left, top, right - left, bottom - top)

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
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_LINE or self._line.length() < 1:
            return
        exposed = option.exposedRect
        reach = ARROW + 4
        line_shown = crosses(self._line, exposed.adjusted(-reach, -reach, reach, reach))
        mid = self._line.center()
        caption_shown = bool(self._content.caption) and lod >= LOD_CAPTION and QRectF(
            mid.x() - 110, mid.y() - 14, 220, 28).intersects(exposed)
        if not (line_shown or caption_shown):
            return
        if self._dimmed:
            painter.setOpacity(0.2)
        color = style.SELECTED if self.isSelected() else self._color()
        width = 4.5 if self.isSelected() else 3.0
        # Flat caps: both ends are hidden (under the card, under the arrow head), and round
        # caps make Qt stroke the line as a curved path, 80 times slower when antialiased.
        if line_shown:
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            if lod < LOD_ARROW:
                painter.drawLine(self._line)
                return
            shortened = QLineF(self._line)
            shortened.setLength(max(0.0, shortened.length() - ARROW * 0.6))
            painter.drawLine(shortened)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon(arrow_head(self._line))
        if caption_shown:
            if self._caption is None:
                self._caption = TextBlock(self._content.caption, style.font(13, bold=True), 200)
            w, h = self._caption.width() + 10, self._caption.height + 4
            painter.setBrush(style.PAPER)
            painter.setPen(QPen(color, 1.2))
            painter.drawRoundedRect(QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h), 5, 5)
            painter.setPen(style.INK)
            self._caption.draw(painter, mid.x() - w / 2 + 5, mid.y() - h / 2 + 2)
