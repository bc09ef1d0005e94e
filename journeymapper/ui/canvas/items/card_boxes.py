"""Far from the map every card is a coloured box; one layer draws them all.

The overview renders pictures of the whole map (10,000 cards for a large one) and each card's
own ``paint()`` costs a call from Qt into Python for a single ``fillRect``. While the view
shows the overview, cards hand their drawing to this layer (``ItemHasNoContents``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.dragged_cards import DraggedCards
from journeymapper.ui.canvas.items.card import DIMMED_OPACITY, CardItem
from journeymapper.ui.canvas.items.layer import MapLayer


class CardBoxLayer(MapLayer):
    """Draws the cards of its scene as boxes (channel colour, KPI alert frame)."""

    def __init__(self, cards: Callable[[], Iterable[CardItem]], carrier: DraggedCards) -> None:
        super().__init__(CardItem.z_value)
        self._cards = cards
        self._carrier = carrier

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        area = option.exposedRect
        left, top = area.left() - CARD_WIDTH, area.top() - CARD_HEIGHT
        right, bottom = area.right(), area.bottom()
        alerts: list[tuple[QRectF, str, bool]] = []
        carried = self._carrier.carried()
        drag = self._carrier.pos()
        for card in self._cards():
            x, y = card.x(), card.y()
            if carried and card in carried:  # being dragged: where the drag has taken it
                x, y = x + drag.x(), y + drag.y()
            if not (left <= x <= right and top <= y <= bottom) or not card.isVisible():
                continue
            body = QRectF(x, y, CARD_WIDTH, CARD_HEIGHT)
            channel, alert = card.box()
            selected, dimmed = card.isSelected(), card.is_dimmed()
            painter.setOpacity(DIMMED_OPACITY if dimmed else 1.0)
            painter.fillRect(body, style.SELECTED if selected else style.channel_color(channel))
            if alert and not selected:  # KPI colouring still reads from far away
                alerts.append((body, alert, dimmed))
        for body, alert, dimmed in alerts:
            painter.setOpacity(DIMMED_OPACITY if dimmed else 1.0)
            painter.setPen(QPen(QColor(alert), 8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(body.adjusted(4, 4, -4, -4))
        painter.setOpacity(1.0)
