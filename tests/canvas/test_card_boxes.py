"""Far from the map one layer draws every card as a box; near it, cards draw themselves."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.document import Kind
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.overview import MIN_CARDS

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _pixel_at_card(scene, card_id: str, scale: float = 0.2) -> QColor:
    rect = scene.sceneRect()
    image = QImage(int(rect.width() * scale), int(rect.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    centre = scene.cards[card_id].sceneBoundingRect().center() - rect.topLeft()
    return image.pixelColor(int(centre.x() * scale), int(centre.y() * scale))


def test_far_away_the_layer_draws_the_boxes(scene):
    card = scene.cards["tp0"]
    channel = style.channel_color(card.box()[0])
    assert _pixel_at_card(scene, "tp0") == channel  # the card itself, as a box
    scene.set_far(True)
    assert card.flags() & NO_CONTENTS and scene.card_boxes.isVisible()
    assert _pixel_at_card(scene, "tp0") == channel  # now the layer
    scene.select([(Kind.TOUCHPOINT, "tp0")])
    assert _pixel_at_card(scene, "tp0") == style.SELECTED
    scene.set_far(False)
    assert not card.flags() & NO_CONTENTS and not scene.card_boxes.isVisible()


def test_cards_made_while_far_hand_their_drawing_to_the_layer(scene, doc):
    scene.set_far(True)
    tp_id = doc.create(Kind.TOUCHPOINT, stage_id="awareness", lane_id="touchpoints",
                       name="Poster")
    assert scene.cards[tp_id].flags() & NO_CONTENTS


def test_a_small_map_paints_its_cards_at_any_zoom(view, scene, qtbot):
    assert len(scene.cards) < MIN_CARDS
    view.set_zoom(0.1)
    view.zoom_preview.end()
    view.viewport().repaint()
    assert not scene.card_boxes.isVisible()
    assert not any(card.flags() & NO_CONTENTS for card in scene.cards.values())


def test_the_overview_draws_cards_from_the_layer(view, scene, qtbot, monkeypatch):
    monkeypatch.setattr("journeymapper.ui.canvas.overview.MIN_CARDS", 1)
    view.set_zoom(0.1)
    view.zoom_preview.end()
    view.viewport().repaint()
    assert scene.card_boxes.isVisible()
    view.set_zoom(1.0)
    view.zoom_preview.end()
    view.viewport().repaint()
    assert not scene.card_boxes.isVisible()


def test_far_away_carried_cards_are_drawn_where_the_drag_has_taken_them(scene):
    card = scene.cards["tp0"]
    channel = style.channel_color(card.box()[0])
    scene.set_far(True)
    scene.carrier.pick_up([card])
    scene.carrier.setPos(0, 400)  # dragged 400 points down, to an empty part of the lane
    assert card.scenePos() == card.pos() + QPointF(0, 400)
    assert _pixel_at_card(scene, "tp0") == channel  # where it is now
    scene.carrier.put_down(QPointF(0, 400))
    assert _pixel_at_card(scene, "tp0") == channel
