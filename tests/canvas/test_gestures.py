"""Mouse gestures driven through the viewport; the model is checked afterwards, and undo/redo
restore the exact file bytes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from journeymapper.document import Kind
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, GRID, HEADER_HEIGHT, LANE_LABEL_WIDTH
from tests.canvas.helpers import click, drag, dump, vp

CTRL = Qt.KeyboardModifier.ControlModifier


def card_center(scene, tp_id):
    r = scene.map_layout().cards[tp_id]
    return r.center


def assert_undo_redo(doc, before, after):
    assert dump(doc) == after
    doc.undo_stack.undo()
    assert dump(doc) == before
    doc.undo_stack.redo()
    assert dump(doc) == after


def test_drag_card_within_its_cell(doc, scene, view):
    before, count = dump(doc), doc.undo_stack.count()
    cx, cy = card_center(scene, "tp2")
    drag(view, vp(view, cx, cy), vp(view, cx + 40, cy + 30))
    tp = doc.get(Kind.TOUCHPOINT, "tp2")
    assert (tp.stage_id, tp.lane_id) == ("consideration", "touchpoints")
    assert (tp.x, tp.y) == (54, 44)
    assert doc.undo_stack.count() == count + 1
    assert scene.cards["tp2"].pos().x() == scene.map_layout().cards["tp2"].x
    assert_undo_redo(doc, before, dump(doc))


def test_drag_card_to_another_stage_and_lane(doc, scene, view):
    before = dump(doc)
    cx, cy = card_center(scene, "tp2")
    target = scene.map_layout().cells[("loyalty", "backstage")]
    drag(view, vp(view, cx, cy), vp(view, target.x + 20 + CARD_WIDTH / 2,
                                    target.y + 10 + CARD_HEIGHT / 2))
    tp = doc.get(Kind.TOUCHPOINT, "tp2")
    assert (tp.stage_id, tp.lane_id) == ("loyalty", "backstage")
    assert abs(tp.x - (20 - 14 + 14)) <= 1 and abs(tp.y - 10) <= 1
    # The links of the card follow it.
    link = scene.links["l1"].line()
    assert scene.cards["tp2"].sceneBoundingRect().adjusted(-5, -5, 5, 5).contains(link.p2())
    assert_undo_redo(doc, before, dump(doc))


def test_drop_outside_the_cells_puts_the_card_back(doc, scene, view):
    before = dump(doc)
    cx, cy = card_center(scene, "tp2")
    drag(view, vp(view, cx, cy), vp(view, cx, -40))
    assert dump(doc) == before
    assert scene.cards["tp2"].pos().y() == scene.map_layout().cards["tp2"].y


def test_rubber_band_then_move_many_is_one_step(doc, scene, view):
    before, count = dump(doc), doc.undo_stack.count()
    cell = scene.map_layout().cells[("awareness", "touchpoints")]
    # From an empty spot of the cell around both cards of the cell.
    drag(view, vp(view, cell.right - 20, cell.y + 5), vp(view, cell.x + 5, cell.bottom - 3))
    cards = {r for r in scene.selection.items() if r[0] is Kind.TOUCHPOINT}
    assert cards == {(Kind.TOUCHPOINT, "tp0"), (Kind.TOUCHPOINT, "tp1")}
    cx, cy = card_center(scene, "tp0")
    drag(view, vp(view, cx, cy), vp(view, cx + 280, cy))
    for tp_id in ("tp0", "tp1"):
        assert doc.get(Kind.TOUCHPOINT, tp_id).stage_id == "consideration"
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == "Move 2 cards"
    assert_undo_redo(doc, before, dump(doc))


def test_ctrl_click_adds_and_removes(doc, scene, view):
    click(view, vp(view, *card_center(scene, "tp0")))
    click(view, vp(view, *card_center(scene, "tp2")), CTRL)
    click(view, vp(view, *scene.map_layout().notes["n1"].center), CTRL)
    assert scene.selection.items() == [(Kind.TOUCHPOINT, "tp0"), (Kind.TOUCHPOINT, "tp2"),
                                       (Kind.NOTE, "n1")]
    click(view, vp(view, *card_center(scene, "tp2")), CTRL)
    assert scene.selection.items() == [(Kind.TOUCHPOINT, "tp0"), (Kind.NOTE, "n1")]
    assert scene.cards["tp0"].isSelected() and not scene.cards["tp2"].isSelected()


def test_link_by_dragging_the_handle(doc, scene, view):
    before = dump(doc)
    r = scene.map_layout().cards["tp4"]
    handle = vp(view, r.right, r.y + r.h / 2)
    drag(view, handle, vp(view, *card_center(scene, "tp5")))
    new = [ln for ln in doc.project.links if ln.source_id == "tp4"]
    assert len(new) == 1 and new[0].target_id == "tp5"
    assert new[0].id in scene.links
    assert_undo_redo(doc, before, dump(doc))


def test_link_dropped_on_nothing_adds_nothing(doc, scene, view):
    before = dump(doc)
    r = scene.map_layout().cards["tp4"]
    drag(view, vp(view, r.right, r.y + r.h / 2), vp(view, r.right + 40, r.bottom + 30))
    assert dump(doc) == before


def test_drag_stage_header_reorders(doc, scene, view):
    before = dump(doc)
    header = scene.map_layout().headers["awareness"]
    purchase = scene.map_layout().headers["purchase"]
    drag(view, vp(view, header.x + 60, header.y + 60),
         vp(view, purchase.right - 20, header.y + 60))
    assert [s.id for s in doc.project.stages][:3] == ["consideration", "purchase", "awareness"]
    assert scene.headers["awareness"].x() == scene.map_layout().headers["awareness"].x
    assert doc.undo_stack.undoText().startswith("Reorder stage")
    assert_undo_redo(doc, before, dump(doc))


def test_drag_lane_label_reorders(doc, scene, view):
    before = dump(doc)
    row = scene.map_layout().rows["backstage"]
    top = scene.map_layout().rows["touchpoints"]
    drag(view, vp(view, 40, row.y + 60), vp(view, 40, top.y + 20))
    assert doc.project.lanes[0].id == "backstage"
    assert_undo_redo(doc, before, dump(doc))


def test_resize_stage_by_its_header_edge(doc, scene, view):
    before, count = dump(doc), doc.undo_stack.count()
    header = scene.map_layout().headers["purchase"]
    drag(view, vp(view, header.right - 2, 40), vp(view, header.right + 98, 40), steps=8)
    assert doc.get(Kind.STAGE, "purchase").width == header.w + 100
    assert doc.undo_stack.count() == count + 1
    assert scene.map_layout().headers["experience"].x == header.right + 100
    assert scene.headers["experience"].x() == header.right + 100
    assert_undo_redo(doc, before, dump(doc))


def test_resize_lane_by_its_label_edge(doc, scene, view):
    before, count = dump(doc), doc.undo_stack.count()
    row = scene.map_layout().rows["emotions"]
    drag(view, vp(view, 60, row.bottom - 2), vp(view, 60, row.bottom + 48), steps=8)
    assert doc.get(Kind.LANE, "emotions").height == row.h + 50
    assert doc.undo_stack.count() == count + 1
    assert scene.lanes["pain-points"].y() == row.bottom + 50
    assert_undo_redo(doc, before, dump(doc))


def test_resize_is_clamped_to_the_model_minimum(doc, scene, view):
    header = scene.map_layout().headers["purchase"]
    drag(view, vp(view, header.right - 2, 40), vp(view, header.x + 10, 40))
    assert doc.get(Kind.STAGE, "purchase").width == 120


def test_snap_to_grid_rounds_the_drop(doc, scene, view):
    view.set_snap_enabled(True)
    assert scene.grid_visible()
    cx, cy = card_center(scene, "tp2")
    drag(view, vp(view, cx, cy), vp(view, cx + 23, cy + 17))
    tp = doc.get(Kind.TOUCHPOINT, "tp2")
    assert tp.x % GRID == 0 and tp.y % GRID == 0
    assert (tp.x, tp.y) == (30, 30)


def test_escape_cancels_a_drag(doc, scene, view, qtbot):
    from PySide6.QtGui import QMouseEvent

    from tests.canvas.helpers import send_mouse

    before = dump(doc)
    cx, cy = card_center(scene, "tp2")
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, vp(view, cx, cy))
    send_mouse(view, QMouseEvent.Type.MouseMove, vp(view, cx + 100, cy + 100),
               Qt.MouseButton.NoButton)
    # Shown where the mouse took it (carried by the drag, so in map coordinates).
    assert scene.cards["tp2"].scenePos().x() == scene.map_layout().cards["tp2"].x + 100
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, vp(view, cx + 100, cy + 100),
               Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    assert dump(doc) == before
    card = scene.cards["tp2"]
    assert card.parentItem() is None and card.x() == scene.map_layout().cards["tp2"].x


def test_middle_drag_pans(view):
    start = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    view.set_zoom(2.0)
    start = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    drag(view, QPoint(600, 500), QPoint(400, 300), button=Qt.MouseButton.MiddleButton)
    assert view.horizontalScrollBar().value() == start[0] + 200
    assert view.verticalScrollBar().value() == start[1] + 200


def test_header_press_selects_the_stage(doc, scene, view):
    click(view, vp(view, scene.map_layout().headers["loyalty"].x + 50, 50))
    assert scene.selection.items() == [(Kind.STAGE, "loyalty")]
    assert scene.headers["loyalty"].is_highlighted()
    click(view, vp(view, LANE_LABEL_WIDTH / 2, HEADER_HEIGHT + 50))
    assert scene.selection.items() == [(Kind.LANE, "touchpoints")]
    assert not scene.headers["loyalty"].is_highlighted()
