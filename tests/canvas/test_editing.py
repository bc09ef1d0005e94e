"""In-place rename, delete, clipboard, duplicate and zoom keys, through real events."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from journeymapper.document import Kind
from journeymapper.ui.canvas.clipboard import MAP_MIME
from journeymapper.ui.canvas.keyboard import Focus
from tests.canvas.helpers import click, double_click, dump, vp


def card_pos(scene, view, tp_id):
    return vp(view, *scene.map_layout().cards[tp_id].center)


def type_into_editor(qtbot, view, text, key=Qt.Key.Key_Return):
    editor = view.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)


def test_double_click_renames_a_card_in_place(doc, scene, view, qtbot):
    before = dump(doc)
    double_click(view, card_pos(scene, view, "tp2"))
    assert view.editor.text() == "Card 2"
    type_into_editor(qtbot, view, "Instagram ad")
    assert doc.get(Kind.TOUCHPOINT, "tp2").name == "Instagram ad"
    assert view.editor is None
    assert scene.cards["tp2"].content().name == "Instagram ad"
    after = dump(doc)
    doc.undo_stack.undo()
    assert dump(doc) == before
    doc.undo_stack.redo()
    assert dump(doc) == after


def test_escape_cancels_a_rename(doc, scene, view, qtbot):
    before = dump(doc)
    double_click(view, card_pos(scene, view, "tp2"))
    type_into_editor(qtbot, view, "Never mind", Qt.Key.Key_Escape)
    assert dump(doc) == before
    assert view.editor is None


@pytest.mark.parametrize(("kind", "item_id", "field"), [
    (Kind.STAGE, "purchase", "name"), (Kind.LANE, "backstage", "name"), (Kind.NOTE, "n1", "text"),
])
def test_double_click_renames_stages_lanes_and_notes(doc, scene, view, qtbot, kind, item_id,
                                                     field):
    layout = scene.map_layout()
    rect = {Kind.STAGE: layout.headers.get(item_id), Kind.NOTE: layout.notes.get(item_id),
            Kind.LANE: layout.rows.get(item_id)}[kind]
    x = 50 if kind is Kind.LANE else rect.center[0]
    double_click(view, vp(view, x, rect.y + 30))
    type_into_editor(qtbot, view, "Renamed")
    assert getattr(doc.get(kind, item_id), field) == "Renamed"


def test_an_empty_name_is_refused_and_reported(doc, scene, view, qtbot):
    before = dump(doc)
    with qtbot.waitSignal(view.error_reported) as signal:
        double_click(view, card_pos(scene, view, "tp2"))
        type_into_editor(qtbot, view, "   ")
    assert "name" in signal.args[0]
    assert dump(doc) == before


def test_delete_key_removes_the_selection_with_its_links(doc, scene, view, qtbot):
    before = dump(doc)
    click(view, card_pos(scene, view, "tp2"))
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert doc.find(Kind.TOUCHPOINT, "tp2") is None
    assert doc.project.links == []
    assert "tp2" not in scene.cards and not scene.links
    doc.undo_stack.undo()
    assert dump(doc) == before
    assert set(scene.links) == {"l1", "l2"}


def test_removing_the_last_stage_is_refused(doc, scene, view, qtbot):
    for stage in doc.project.stages[1:]:
        doc.remove([(Kind.STAGE, stage.id)])
    click(view, vp(view, scene.map_layout().headers["awareness"].center[0], 40))
    with qtbot.waitSignal(view.error_reported):
        qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert len(doc.project.stages) == 1


def test_copy_and_paste_into_the_focused_cell(doc, scene, view, qtbot):
    click(view, card_pos(scene, view, "tp0"))
    click(view, card_pos(scene, view, "tp2"), Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "Card 0\nCard 2"
    payload = json.loads(bytes(mime.data(MAP_MIME).data()))
    assert [t["id"] for t in payload["touchpoints"]] == ["tp0", "tp2"]
    assert [ln["id"] for ln in payload["links"]] == ["l1"]
    before, count = dump(doc), doc.undo_stack.count()
    cell = scene.map_layout().cells[("experience", "opportunities")]
    click(view, vp(view, cell.center[0], cell.center[1]))
    assert view.current_focus() == Focus("experience", "opportunities")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = [t for t in doc.project.touchpoints if t.lane_id == "opportunities"]
    assert [t.name for t in pasted] == ["Card 0", "Card 2"]
    assert {t.id for t in pasted}.isdisjoint({"tp0", "tp2"})
    assert (pasted[0].x, pasted[0].y) != (pasted[1].x, pasted[1].y)
    new_link = doc.project.links[-1]
    assert (new_link.source_id, new_link.target_id) == (pasted[0].id, pasted[1].id)
    assert doc.undo_stack.count() == count + 1
    assert set(scene.selection.ids(Kind.TOUCHPOINT)) == {t.id for t in pasted}
    after = dump(doc)
    doc.undo_stack.undo()
    assert dump(doc) == before
    doc.undo_stack.redo()
    assert dump(doc) == after


def test_cut_removes_and_paste_brings_back(doc, scene, view, qtbot):
    click(view, vp(view, *scene.map_layout().notes["n1"].center))
    qtbot.keyClick(view.viewport(), Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert doc.project.notes == []
    qtbot.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in doc.project.notes] == ["Queue at lunch"]


def test_paste_of_foreign_text_does_nothing(doc, view, qtbot):
    QGuiApplication.clipboard().setText("just words")
    before = dump(doc)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dump(doc) == before


def test_duplicate_places_copies_in_free_slots(doc, scene, view, qtbot):
    before = dump(doc)
    click(view, card_pos(scene, view, "tp4"))
    qtbot.keyClick(view.viewport(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [t for t in doc.project.touchpoints if t.name == "Card 4"]
    assert len(copies) == 2
    original, copy = copies
    assert (copy.stage_id, copy.lane_id) == (original.stage_id, original.lane_id)
    assert scene.map_layout().cards[copy.id].intersects(
        scene.map_layout().cards[original.id]) is False
    assert scene.selection.items() == [(Kind.TOUCHPOINT, copy.id)]
    doc.undo_stack.undo()
    assert dump(doc) == before


def test_select_all_selects_every_card(doc, scene, view, qtbot):
    qtbot.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(scene.selection.items()) == len(doc.project.touchpoints) + len(doc.project.notes)


def test_zoom_keys(view, qtbot):
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.25)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(0.8)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.0)
    with qtbot.waitSignal(view.zoom_changed):
        qtbot.keyClick(view.viewport(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    layout = view.map_scene.map_layout()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(0, 0) and shown.contains(layout.width, layout.height)


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(view, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    def wheel(mods):
        pos = QPointF(400, 300)
        event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())),
                            QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton, mods,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    view.set_zoom(2.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < 2.0
    zoom, scrolled = view.zoom(), view.verticalScrollBar().value()
    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.zoom() == zoom and view.verticalScrollBar().value() > scrolled


def test_space_drag_pans(view, qtbot):
    from tests.canvas.helpers import drag

    view.set_zoom(2.0)
    start = view.horizontalScrollBar().value()
    qtbot.keyPress(view.viewport(), Qt.Key.Key_Space)
    drag(view, vp(view, 500, 400), vp(view, 400, 400))
    qtbot.keyRelease(view.viewport(), Qt.Key.Key_Space)
    assert view.horizontalScrollBar().value() == start + 200
