"""A sticky note: coloured paper with a folded corner and a few lines of text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.layout import NOTE_HEIGHT, NOTE_WIDTH
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import NoteContent
from journeymapper.ui.canvas.items.boxed import BoxedItem
from journeymapper.ui.canvas.items.card import DIMMED_OPACITY, LOD_BOX
from journeymapper.ui.canvas.items.text import TextBlock

FOLD = 14.0
BOUNDS = QRectF(-3, -3, NOTE_WIDTH + 6, NOTE_HEIGHT + 6)


class NoteItem(BoxedItem):
    """A free note in a cell (pain point, idea, opportunity)."""

    kind = Kind.NOTE
    z_value = 28.0

    def __init__(self, item_id: str, content: NoteContent) -> None:
        super().__init__(BOUNDS)
        self.item_id = item_id
        self._content = content
        self._text: TextBlock | None = None
        self._dimmed = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(self.z_value)

    def set_content(self, content: NoteContent) -> None:
        """Show another text or colour."""
        if content != self._content:
            self._content = content
            self._text = None
            self.update()

    def content(self) -> NoteContent:
        """What the note shows."""
        return self._content

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the note while a persona is highlighted."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def body(self) -> QRectF:
        """The note's rectangle in item coordinates."""
        return QRectF(0, 0, NOTE_WIDTH, NOTE_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        fill = QColor(self._content.color)
        selected = self.isSelected()
        if self._dimmed:
            painter.setOpacity(DIMMED_OPACITY)
        if lod < LOD_BOX:
            painter.fillRect(self.body(), style.SELECTED if selected else fill)
            return
        w, h = NOTE_WIDTH, NOTE_HEIGHT
        paper = QPolygonF([QPointF(0, 0), QPointF(w, 0), QPointF(w, h - FOLD),
                           QPointF(w - FOLD, h), QPointF(0, h)])
        painter.setPen(QPen(style.SELECTED, 4) if selected else QPen(fill.darker(130), 1))
        painter.setBrush(fill)
        painter.drawPolygon(paper)
        painter.setBrush(fill.darker(115))
        painter.setPen(QPen(fill.darker(130), 1))
        painter.drawPolygon(QPolygonF([QPointF(w, h - FOLD), QPointF(w - FOLD, h - FOLD),
                                       QPointF(w - FOLD, h)]))
        if self._text is None:
            self._text = TextBlock(self._content.text, style.font(14), w - 16, 3)
        painter.setPen(style.INK)
        self._text.draw(painter, 8, 7)
