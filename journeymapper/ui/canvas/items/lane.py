"""A lane: its label column, its band across the map and the column lines inside it."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.layout import GRID, LANE_LABEL_WIDTH
from journeymapper.model import LaneKind
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import LaneContent
from journeymapper.ui.canvas.items.text import TextBlock

KIND_LABELS: dict[LaneKind, str] = {
    LaneKind.TOUCHPOINTS: "touchpoints", LaneKind.ACTIONS: "customer actions",
    LaneKind.EMOTIONS: "emotions", LaneKind.PAIN_POINTS: "pain points",
    LaneKind.OPPORTUNITIES: "opportunities", LaneKind.BACKSTAGE: "backstage",
}
LOD_GRID = 0.6


class LaneItem(QGraphicsItem):
    """One row of the map; its label can be dragged to reorder and its bottom edge resized."""

    kind = Kind.LANE
    z_value = 0.0

    def __init__(self, item_id: str, content: LaneContent) -> None:
        super().__init__()
        self.item_id = item_id
        self._content = content
        self._size = (0.0, 0.0)
        self._columns: tuple[float, ...] = ()
        self._band = 0
        self._grid = False
        self._highlighted = False
        self._texts: tuple[TextBlock, TextBlock] | None = None
        self.setZValue(self.z_value)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_content(self, content: LaneContent) -> None:
        """Show another name or kind."""
        if content != self._content:
            self._content = content
            self._texts = None
            self.update()

    def content(self) -> LaneContent:
        """What the label shows."""
        return self._content

    def set_rect(self, x: float, y: float, w: float, h: float) -> None:
        """Place the row (map coordinates)."""
        self.setPos(x, y)
        if (w, h) != self._size:
            self.prepareGeometryChange()
            self._size = (w, h)
            self._texts = None

    def set_columns(self, xs: tuple[float, ...]) -> None:
        """Where column lines cross the lane (map x of each stage's right edge)."""
        if xs != self._columns:
            self._columns = xs
            self.update()

    def set_band(self, index: int) -> None:
        """Alternate backgrounds by row index."""
        if index % 2 != self._band:
            self._band = index % 2
            self.update()

    def set_grid_visible(self, on: bool) -> None:
        """Show the snapping grid in the cells."""
        if on != self._grid:
            self._grid = on
            self.update()

    def set_highlighted(self, on: bool) -> None:
        """Mark the lane as selected."""
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def is_highlighted(self) -> bool:
        """True while the lane is selected."""
        return self._highlighted

    def label_rect(self) -> QRectF:
        """The label column in item coordinates."""
        return QRectF(0, 0, LANE_LABEL_WIDTH, self._size[1])

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        w, h = self._size
        painter.fillRect(QRectF(0, 0, w, h), style.LANE_FILLS[self._band])
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._grid and lod >= LOD_GRID:
            self._paint_grid(painter, option.exposedRect)
        if self._content.kind is LaneKind.EMOTIONS:
            self._paint_emotion_scale(painter)
        painter.setPen(QPen(style.RULE, 1.5))
        painter.drawLines([QLineF(x, 0, x, h) for x in self._columns])
        painter.drawLine(QLineF(0, h, w, h))
        label = self.label_rect()
        painter.fillRect(label, style.LABEL_FILL)
        if self._texts is None:
            kind = KIND_LABELS.get(self._content.kind, "")
            if kind.lower() == self._content.name.lower():
                kind = ""
            self._texts = (TextBlock(self._content.name, style.font(16, bold=True),
                                     LANE_LABEL_WIDTH - 18, 3),
                           TextBlock(kind, style.font(13), LANE_LABEL_WIDTH - 18))
        name, kind = self._texts
        painter.setPen(style.INK)
        name.draw(painter, 10, 12)
        painter.setPen(style.MUTED)
        kind.draw(painter, 10, 16 + name.height)
        if self._highlighted:
            painter.setPen(QPen(style.SELECTED, 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(label.adjusted(2.5, 2.5, -2.5, -2.5))

    def _paint_grid(self, painter: QPainter, exposed: QRectF) -> None:
        area = exposed.intersected(QRectF(LANE_LABEL_WIDTH, 0, self._size[0], self._size[1]))
        if area.isEmpty():
            return
        painter.setPen(QPen(style.GRID_DOT, 0))
        x0 = LANE_LABEL_WIDTH + GRID * int((area.left() - LANE_LABEL_WIDTH) // GRID)
        lines = []
        x = x0
        while x <= area.right():
            lines.append(QLineF(x, area.top(), x, area.bottom()))
            x += GRID
        y = GRID * int(area.top() // GRID)
        while y <= area.bottom():
            lines.append(QLineF(area.left(), y, area.right(), y))
            y += GRID
        painter.drawLines(lines)

    def _paint_emotion_scale(self, painter: QPainter) -> None:
        w, h = self._size
        margin = min(24.0, h / 4)
        painter.setPen(QPen(QColor("#9aa0a6"), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(LANE_LABEL_WIDTH, h / 2, w, h / 2))
        painter.setPen(QPen(QColor("#c7ccd1"), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(LANE_LABEL_WIDTH, margin, w, margin))
        painter.drawLine(QLineF(LANE_LABEL_WIDTH, h - margin, w, h - margin))
        painter.setFont(style.font(14, bold=True))
        painter.setPen(QColor("#54a24b"))
        painter.drawText(QRectF(LANE_LABEL_WIDTH + 4, margin - 18, 30, 18),
                         Qt.AlignmentFlag.AlignLeft, "\u263a")
        painter.setPen(QColor("#e45756"))
        painter.drawText(QRectF(LANE_LABEL_WIDTH + 4, h - margin, 30, 18),
                         Qt.AlignmentFlag.AlignLeft, "\u2639")
