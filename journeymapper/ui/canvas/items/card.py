"""A touchpoint card: one item that paints itself, with less detail when it is small."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH
from journeymapper.model import Channel
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import CardContent
from journeymapper.ui.canvas.items.boxed import BoxedItem
from journeymapper.ui.canvas.items.text import TextBlock

HANDLE_RADIUS = 8.0
STRIP = 8.0
# Below these levels of detail a card is a coloured box, then a box with its name.
LOD_BOX = 0.3
LOD_NAME = 0.55
DIMMED_OPACITY = 0.22
REVIEW_MARK_ROOM = 24.0
"""Width the "review due" mark takes from the channel line."""
BOUNDS = QRectF(-3, -3, CARD_WIDTH + HANDLE_RADIUS + 6, CARD_HEIGHT + 6)
SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
Box = tuple[Channel, str]
"""A card from far away: its channel and its KPI alert colour ("" for none)."""


class _Texts(dict[str, TextBlock]):
    """Text blocks of a card, each laid out the first time it is drawn."""

    def __init__(self, factories: dict[str, Callable[[], TextBlock]]) -> None:
        super().__init__()
        self._factories = factories

    def __missing__(self, key: str) -> TextBlock:
        block = self[key] = self._factories[key]()
        return block


class CardItem(BoxedItem):
    """A touchpoint: channel mark, name, importance badge, owner, deadline, persona dots."""

    kind = Kind.TOUCHPOINT
    z_value = 30.0

    def __init__(self, item_id: str,
                 content: CardContent | Callable[[], CardContent],
                 box: Callable[[], Box] | None = None) -> None:
        """``content`` may be a function giving it, called when the card is first painted
        close enough to be read; ``box`` gives what a far-away card shows, for less."""
        super().__init__(BOUNDS)
        self.item_id = item_id
        self._content: CardContent | None = None
        self._source: Callable[[], CardContent] | None = None
        self._box_source = box
        self._box: Box | None = None
        if isinstance(content, CardContent):
            self._content = content
        else:
            self._source = content
        self._texts: _Texts | None = None
        self._dimmed = False
        self._hovered = False
        self.boxes: QGraphicsItem | None = None
        """The layer drawing the card far from the map (see ``card_boxes``), while it does."""
        self.setFlags(SELECTABLE)
        self.setAcceptHoverEvents(True)
        self.setZValue(self.z_value)

    # ----- setters ------------------------------------------------------------------------
    def set_content(self, content: CardContent) -> None:
        """Show other content (text is laid out again on the next paint)."""
        if content != self._content:
            self._content = content
            self._texts = None
            self._box = None
            self.repaint()

    def set_content_source(self, source: Callable[[], CardContent]) -> None:
        """Show what ``source`` gives, worked out when the card is next painted or asked."""
        self._source = source
        self._content = None
        self._texts = None
        self._box = None
        self.repaint()

    def repaint(self) -> None:
        """Have the card drawn again, by whoever draws it now: Qt drops the updates of an
        item without contents, as a card is while the box layer draws it."""
        if self.boxes is not None:
            self.boxes.update(self.sceneBoundingRect())
        else:
            self.update()

    def box(self) -> Box:
        """What the card shows from far away: its channel and its KPI alert colour."""
        if self._box is None:
            if self._content is None and self._box_source is not None:
                self._box = self._box_source()
            else:
                c = self.content()
                self._box = (c.channel, c.alert)
        return self._box

    def content(self) -> CardContent:
        """What the card shows."""
        if self._content is None:
            assert self._source is not None
            self._content = self._source()
        return self._content

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the card (it is not on the highlighted persona's journey)."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.repaint()

    def is_dimmed(self) -> bool:
        """True while faded by the persona filter."""
        return self._dimmed

    # ----- geometry -----------------------------------------------------------------------
    def body(self) -> QRectF:
        """The card's own rectangle in item coordinates."""
        return QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)

    def handle_center(self) -> QPointF:
        """Centre of the link handle, on the right edge (item coordinates)."""
        return QPointF(CARD_WIDTH, CARD_HEIGHT / 2)

    def handle_hit(self, scene_pos: QPointF, tolerance: float = 0.0) -> bool:
        """True when a scene point is on the link handle."""
        local = self.mapFromScene(scene_pos) - self.handle_center()
        reach = HANDLE_RADIUS + 3 + tolerance
        return local.x() ** 2 + local.y() ** 2 <= reach * reach

    # ----- painting -----------------------------------------------------------------------
    def _layout_texts(self) -> _Texts:
        c = self.content()
        owner_width = CARD_WIDTH - STRIP - 16 - (104 if c.deadline else 0) - 14 * len(
            c.persona_colors[:4])
        return _Texts({  # far from the map only "short" is drawn: lay out only what is drawn
            "channel": lambda: TextBlock(
                f"{style.CHANNEL_GLYPHS.get(c.channel, '')} {c.channel_label}",
                style.font(13), CARD_WIDTH - STRIP - 52
                - (REVIEW_MARK_ROOM if c.review_due else 0)),
            "name": lambda: TextBlock(c.name, style.font(16, bold=True),
                                      CARD_WIDTH - STRIP - 18, 2),
            "short": lambda: TextBlock(c.name, style.font(22, bold=True),
                                       CARD_WIDTH - STRIP - 14, 3),
            "badge": lambda: TextBlock(f"{c.importance:.0f}", style.font(14, bold=True), 40),
            "owner": lambda: TextBlock(c.owner, style.font(13), max(owner_width, 20)),
            "deadline": lambda: TextBlock(("\u26a0 " if c.overdue else "") + c.deadline,
                                          style.font(13, bold=c.overdue), 104),
        })

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        if self._dimmed:
            painter.setOpacity(DIMMED_OPACITY)
        body = self.body()
        if lod < LOD_BOX:
            # The whole map in view: thousands of these, so no texts are worked out.
            channel, alert = self.box()
            painter.fillRect(body, style.SELECTED if selected else style.channel_color(channel))
            if alert and not selected:  # KPI colouring still reads from far away
                painter.setPen(QPen(QColor(alert), 8))
                painter.drawRect(body.adjusted(4, 4, -4, -4))
            return
        c = self.content()
        mark = style.channel_color(c.channel)
        border = (QPen(style.SELECTED, 4) if selected else
                  QPen(QColor(c.alert), 4) if c.alert else QPen(style.RULE, 1.2))
        painter.setPen(border)
        painter.setBrush(style.PAPER)
        painter.drawRoundedRect(body, 7, 7)
        painter.fillRect(QRectF(1, 1, STRIP, CARD_HEIGHT - 2), mark)
        if self._texts is None:
            self._texts = self._layout_texts()
        texts = self._texts
        painter.setPen(style.INK)
        if lod < LOD_NAME:
            texts["short"].draw(painter, STRIP + 7, 6)
            if c.review_due:
                self._paint_review_mark(painter, QPointF(CARD_WIDTH - 18, CARD_HEIGHT - 18), 13)
            return
        painter.setPen(mark.darker(140))
        texts["channel"].draw(painter, STRIP + 8, 7)
        self._paint_badge(painter, texts["badge"])
        if c.review_due:
            self._paint_review_mark(painter)
        painter.setPen(style.INK)
        texts["name"].draw(painter, STRIP + 8, 34)
        bottom = CARD_HEIGHT - 24
        painter.setPen(style.MUTED)
        texts["owner"].draw(painter, STRIP + 8, bottom)
        right = CARD_WIDTH - 8
        if c.deadline:
            deadline = texts["deadline"]
            right -= deadline.width()
            painter.setPen(style.OVERDUE if c.overdue else style.MUTED)
            deadline.draw(painter, right, bottom)
            right -= 6
        self._paint_personas(painter, right - 6, bottom + 9)
        if selected or self._hovered:
            painter.setPen(QPen(style.PAPER, 2))
            painter.setBrush(style.SELECTED)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)

    def _paint_badge(self, painter: QPainter, text: TextBlock) -> None:
        fill = style.importance_color(self.content().importance)
        center = QPointF(CARD_WIDTH - 22, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(center, 16, 16)
        painter.setPen(style.ink_on(fill))
        text.draw(painter, center.x() - text.width() / 2, center.y() - text.height / 2)

    def _paint_review_mark(self, painter: QPainter, center: QPointF | None = None,
                           radius: float = 10) -> None:
        # An orange clockwise arrow, left of the importance badge: "review due".
        center = center or QPointF(CARD_WIDTH - 50, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.REVIEW_DUE)
        painter.drawEllipse(center, radius, radius)
        painter.setPen(style.PAPER)
        painter.setFont(style.font(int(radius * 1.4), bold=True))
        painter.drawText(QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
                         Qt.AlignmentFlag.AlignCenter, "\u21bb")

    def _paint_personas(self, painter: QPainter, right: float, y: float) -> None:
        colors = self.content().persona_colors[:4]
        if not colors:
            return
        painter.setPen(QPen(style.PAPER, 1.5))
        for i, color in enumerate(reversed(colors)):
            painter.setBrush(QBrush(QColor(color)))
            painter.drawEllipse(QPointF(right - i * 14, y), 6, 6)

    # ----- hover --------------------------------------------------------------------------
    def hoverEnterEvent(self, event: object) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event: object) -> None:
        self._hovered = False
        self.update()
