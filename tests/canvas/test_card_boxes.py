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


def _pixel_at(view, point: QPointF) -> QColor:
    return view.viewport().grab().toImage().pixelColor(view.mapFromScene(point))


def test_a_big_map_opened_to_fit_shows_selections_and_edits_on_its_overview(qtbot):
    """Far from the map the view paints pictures kept current from the scene's changes; a
    window opening a big map shows it whole from its very first frame."""
    import datetime as dt

    from journeymapper.bench.synthetic import synthetic_project
    from journeymapper.document import Document
    from journeymapper.ui.canvas import MapScene, MapView

    scene = MapScene(Document(synthetic_project(MIN_CARDS * 2)), today=dt.date(2026, 12, 2))
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    view.fit_to_window()  # before its first frame
    qtbot.waitExposed(view)
    qtbot.wait(100)
    assert scene.card_boxes.isVisible()  # the overview's pictures are on screen
    first, second = (tp.id for tp in scene.document.project.touchpoints[:2])
    mine = scene.cards[first].sceneBoundingRect().center()
    where = scene.cards[second].sceneBoundingRect().center()
    channel = style.channel_color(scene.cards[second].box()[0])
    assert _pixel_at(view, mine) != style.SELECTED
    assert _pixel_at(view, where) == channel
    scene.select([(Kind.TOUCHPOINT, first)])
    qtbot.wait(100)  # the scene reports its changes on the next turn of the event loop
    assert _pixel_at(view, mine) == style.SELECTED
    scene.document.remove([(Kind.TOUCHPOINT, second)])
    qtbot.wait(100)
    assert _pixel_at(view, where) != channel
    scene.clear()
