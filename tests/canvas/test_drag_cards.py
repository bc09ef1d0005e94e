"""Dragging cards: carried by one item, links that stay drawn from a picture, one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent

from journeymapper.document import Kind
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.dragged_cards import DRAG_OPACITY, DRAG_Z
from tests.canvas.helpers import color_near, dump, sample_project, send_mouse, vp

MOVE = QPoint(60, 150)


def _press_and_move(view, scene, tp_id: str, steps: int = 3) -> QPoint:
    """Press on a card and move the mouse by MOVE; returns where the mouse is."""
    r = scene.map_layout().cards[tp_id]
    start = vp(view, *r.center)
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start)
    for i in range(1, steps + 1):
        send_mouse(view, QMouseEvent.Type.MouseMove, start + MOVE * (i / steps),
                   Qt.MouseButton.NoButton)
    return start + MOVE


def _release(view, at: QPoint) -> None:
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, at, Qt.MouseButton.LeftButton,
               Qt.MouseButton.NoButton)


def _carried(scene) -> list[object]:
    return [item for item in scene.items() if item.parentItem() is scene.carrier]


def _frame(view) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _link_pixel(view, link, at: float = 0.1) -> tuple[int, int]:
    """A point of a link's line near its start, away from its caption."""
    point = view.mapFromScene(link.line().pointAt(at))
    return point.x(), point.y()


def test_dragged_cards_are_carried_then_put_back_in_one_undo_step(doc, scene, view, qtbot):
    scene.select([(Kind.TOUCHPOINT, "tp0"), (Kind.TOUCHPOINT, "tp1")])
    starts = {i: QPointF(scene.cards[i].pos()) for i in ("tp0", "tp1")}
    at = _press_and_move(view, scene, "tp0")
    carrier = scene.carrier
    assert set(_carried(scene)) == {scene.cards["tp0"], scene.cards["tp1"]}
    assert carrier.opacity() == DRAG_OPACITY and carrier.zValue() == DRAG_Z
    for tp_id, start in starts.items():  # shown where the mouse took them
        assert scene.cards[tp_id].scenePos() == start + QPointF(MOVE)
    assert scene.cards["tp2"].parentItem() is None  # not selected, not dragged
    _release(view, at)
    assert _carried(scene) == []
    layout = scene.map_layout()
    for tp_id in starts:
        card = scene.cards[tp_id]
        assert card.parentItem() is None and card.isSelected()
        assert (card.x(), card.y()) == (layout.cards[tp_id].x, layout.cards[tp_id].y)
        assert card.pos() != starts[tp_id]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert {i: scene.cards[i].pos() for i in starts} == starts


def test_links_that_stay_are_drawn_from_a_picture_while_cards_move(scene, view, qtbot):
    still, moving = scene.links["l1"], scene.links["l2"]  # tp0 -> tp2, tp2 -> tp3 (Anna's)
    anna = QColor(scene.document.get(Kind.PERSONA, "anna").color)
    before = _frame(view)
    assert color_near(before, *_link_pixel(view, still), style.LINK)
    assert color_near(before, *_link_pixel(view, moving), anna)
    r = scene.map_layout().cards["tp3"]
    start = vp(view, *r.center)
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start)
    spots = []
    for step in (MOVE / 2, MOVE):  # only l2 follows tp3
        send_mouse(view, QMouseEvent.Type.MouseMove, start + step, Qt.MouseButton.NoButton)
        assert scene.link_layer.holding_still()
        frame = _frame(view)
        assert color_near(frame, *_link_pixel(view, still), style.LINK)  # from the picture
        assert color_near(frame, *_link_pixel(view, moving), anna)  # where it is now
        assert not any(color_near(frame, *spot, anna) for spot in spots)  # not where it was
        spots.append(_link_pixel(view, moving))
    still.set_dimmed(True)  # a link of the picture changed: the picture is dropped
    assert not scene.link_layer.holding_still()
    _release(view, start + MOVE)
    assert not scene.link_layer.holding_still()


def _faded(color: QColor, under: QColor) -> QColor:
    """``color`` drawn at the carrier's opacity over ``under``."""
    return QColor(*(round(DRAG_OPACITY * a + (1 - DRAG_OPACITY) * b)
                    for a, b in ((color.red(), under.red()), (color.green(), under.green()),
                                 (color.blue(), under.blue()))))


def test_a_link_between_two_dragged_cards_is_carried_with_them(doc, scene, view, qtbot):
    carried, following = scene.links["l2"], scene.links["l1"]  # tp2 -> tp3, tp0 -> tp2
    anna = QColor(scene.document.get(Kind.PERSONA, "anna").color)
    scene.select([(Kind.TOUCHPOINT, "tp2"), (Kind.TOUCHPOINT, "tp3")])
    line, followed = carried.line(), following.line()
    old_spot = _link_pixel(view, carried)
    before = _frame(view)
    under = before.pixelColor(old_spot[0] + MOVE.x(), old_spot[1] + MOVE.y() - 12)
    at = _press_and_move(view, scene, "tp3")
    frame = _frame(view)
    # Drawn with the cards, faded as they are, where the mouse took them...
    assert color_near(frame, old_spot[0] + MOVE.x(), old_spot[1] + MOVE.y(),
                      _faded(anna, under))
    assert not color_near(frame, *old_spot, anna)
    assert not color_near(frame, *old_spot, _faded(anna, under))
    # ...but not run anywhere until the drop; the link to tp0 follows every move.
    assert carried.line() == line
    assert following.line() != followed
    _release(view, at)
    dropped = carried.line()
    assert dropped != line
    scene.update_links(["tp3"])  # where the cards say it runs
    assert carried.line() == dropped
    assert carried.boundingRect() == carried._bounds  # filed in the index
    assert color_near(_frame(view), *_link_pixel(view, carried), anna)  # opaque again
    doc.undo_stack.undo()
    assert carried.line() == line


def test_carried_links_are_drawn_again_where_the_view_goes_past_their_picture(scene, view,
                                                                            qtbot):
    carried = scene.links["l2"]
    anna = QColor(scene.document.get(Kind.PERSONA, "anna").color)
    scene.select([(Kind.TOUCHPOINT, i) for i in ("tp0", "tp2", "tp3")])
    at = _press_and_move(view, scene, "tp3")
    view.set_zoom(8.0)
    view.zoom_preview.end()
    delta = scene.carrier.pos()  # how far the drag has taken the cards
    line = carried.line()
    spot_on_map = line.pointAt(0.2) + delta  # off the handle and the caption
    # First a part of the carried cards far from l2: the picture is taken around it.
    view.centerOn(scene.cards["tp0"].sceneBoundingRect().topLeft())
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not seen.adjusted(-seen.width(), -seen.height(), seen.width(),
                             seen.height()).contains(spot_on_map)  # past any margin
    _frame(view)
    view.centerOn(spot_on_map)
    spot = view.mapFromScene(spot_on_map)
    frame = _frame(view)
    normal = line.normalVector().unitVector()
    beside = view.mapFromScene(spot_on_map + (normal.p2() - normal.p1()) * 5)  # 40 pixels
    assert frame.rect().contains(beside)
    under = frame.pixelColor(beside.x(), beside.y())
    assert color_near(frame, spot.x(), spot.y(), _faded(anna, under))
    _release(view, at)


def test_a_carried_link_that_changes_is_drawn_by_the_layer_again(scene, view, qtbot):
    carried = scene.links["l2"]
    scene.select([(Kind.TOUCHPOINT, "tp2"), (Kind.TOUCHPOINT, "tp3")])
    at = _press_and_move(view, scene, "tp3")
    layer = scene.link_layer
    assert layer.carried() == {carried}
    carried.set_dimmed(True)  # drawn again by the layer, where it is
    assert layer.carried() == frozenset()
    _release(view, at)


def test_the_frame_of_a_drop_draws_the_links_that_stayed_from_their_picture(scene, view,
                                                                           qtbot):
    l1, l2 = scene.links["l1"], scene.links["l2"]  # tp0 -> tp2, tp2 -> tp3 (Anna's)
    anna = QColor(scene.document.get(Kind.PERSONA, "anna").color)
    layer = scene.link_layer
    for picked, stays in ((["tp3"], True), (["tp2", "tp3"], False)):  # l1 stays, then follows
        scene.select([(Kind.TOUCHPOINT, i) for i in picked])
        at = _press_and_move(view, scene, "tp3")
        _frame(view)
        _release(view, at)
        assert layer.holding_still() and layer.carried() == frozenset()
        assert (l1 not in layer._still.moving) is stays
        frame = _frame(view)  # the drop's frame: l1 (from the picture or not) and l2 as dropped
        assert color_near(frame, *_link_pixel(view, l1), style.LINK)
        assert color_near(frame, *_link_pixel(view, l2, 0.2), anna)
        assert not layer.holding_still()  # from the next frame on, every link as usual
        assert _frame(view) == frame


def test_a_dragged_link_is_filed_in_the_index_once_dropped(scene, view, qtbot):
    link = scene.links["l2"]
    indexed = link.boundingRect()
    at = _press_and_move(view, scene, "tp3")
    # Drawn where tp3 is now, but the scene's index still has it where it was.
    assert link.boundingRect() == indexed
    assert link.line().p2() != scene.links["l2"].line().p1()
    _release(view, at)
    assert link.boundingRect() != indexed
    middle = link.line().pointAt(0.5)
    assert link in scene.items(middle)
    hit = view.hit(middle)
    assert hit is not None and hit[1] is link


def test_escape_puts_the_carried_cards_and_their_links_back(doc, scene, view, qtbot):
    before = dump(doc)
    start = QPointF(scene.cards["tp3"].pos())
    link = scene.links["l2"]
    line, box = link.line(), QRectF(link.boundingRect())
    _press_and_move(view, scene, "tp3")
    assert link.line() != line
    view.escape()
    assert _carried(scene) == []
    _frame(view)  # the frame of the cancel still draws the links that stayed from a picture
    assert not scene.link_layer.holding_still()
    assert scene.cards["tp3"].parentItem() is None and scene.cards["tp3"].pos() == start
    assert link.line() == line and link.boundingRect() == box
    assert dump(doc) == before and doc.undo_stack.count() == 0


def test_a_map_replaced_under_a_drag_leaves_nothing_behind(doc, scene, view, qtbot):
    at = _press_and_move(view, scene, "tp3")
    doc.replace_project(sample_project())
    assert _carried(scene) == [] and not scene.link_layer.holding_still()
    assert all(card.parentItem() is None for card in scene.cards.values())
    _release(view, at)  # the gesture is gone: the release edits nothing
    assert doc.undo_stack.count() == 0
