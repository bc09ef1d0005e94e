"""Keyboard-first use: type a name + Enter adds a card; arrows, Tab, F2, Alt+arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymapper.document import Kind
from journeymapper.slots import free_slot
from journeymapper.ui.canvas.keyboard import Focus, step
from tests.canvas.helpers import click, dump, vp

ALT = Qt.KeyboardModifier.AltModifier


def key(qtbot, view, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(view.viewport(), k, mods)


def test_focus_starts_on_the_first_cell_and_is_visible(scene, view):
    assert view.current_focus() == Focus("awareness", "touchpoints")
    frame = scene.focus_frame
    assert frame.isVisible()
    cell = scene.map_layout().cells[("awareness", "touchpoints")]
    assert frame.frame().x() == cell.x and frame.frame().width() == cell.w


def test_typing_a_name_and_enter_adds_a_touchpoint_in_the_focused_cell(doc, scene, view,
                                                                       qtbot):
    before, count = dump(doc), doc.undo_stack.count()
    view.set_focus(Focus("purchase", "actions"))
    slot = free_slot(doc.project, "purchase", "actions")
    qtbot.keyClicks(view.viewport(), "I")
    assert view.editor is not None and view.editor.text() == "I"
    qtbot.keyClicks(view.editor, "nstagram ad")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    new = doc.project.touchpoints[-1]
    assert new.name == "Instagram ad"
    assert (new.stage_id, new.lane_id, new.x, new.y) == ("purchase", "actions", *slot)
    assert doc.undo_stack.count() == count + 1
    assert scene.selection.items() == [(Kind.TOUCHPOINT, new.id)]
    # The cell keeps the focus, so the next name goes there too.
    assert view.current_focus() == Focus("purchase", "actions")
    qtbot.keyClicks(view.viewport(), "G")
    qtbot.keyClicks(view.editor, "oogle search")
    qtbot.keyClick(view.editor, Qt.Key.Key_Enter)
    assert [t.name for t in doc.project.touchpoints[-2:]] == ["Instagram ad", "Google search"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dump(doc) == before


def test_escape_while_typing_adds_nothing(doc, view, qtbot):
    before = dump(doc)
    qtbot.keyClicks(view.viewport(), "X")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert dump(doc) == before


def test_enter_on_a_cell_opens_an_empty_editor(doc, view, qtbot):
    key(qtbot, view, Qt.Key.Key_Return)
    assert view.editor is not None and view.editor.text() == ""
    qtbot.keyClicks(view.editor, "Flyer")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert doc.project.touchpoints[-1].name == "Flyer"


def test_arrows_move_between_cells_and_cards(doc, scene, view, qtbot):
    key(qtbot, view, Qt.Key.Key_Down)  # into the cell's first card
    assert view.current_focus() == Focus("awareness", "touchpoints", (Kind.TOUCHPOINT, "tp0"))
    assert scene.selection.items() == [(Kind.TOUCHPOINT, "tp0")]
    key(qtbot, view, Qt.Key.Key_Down)  # the card below in the same cell
    assert view.current_focus().card == (Kind.TOUCHPOINT, "tp1")
    key(qtbot, view, Qt.Key.Key_Down)  # past the last card: the next lane's cell
    assert view.current_focus() == Focus("awareness", "actions")
    key(qtbot, view, Qt.Key.Key_Right)
    assert view.current_focus() == Focus("consideration", "actions")
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.current_focus() == Focus("consideration", "touchpoints")
    key(qtbot, view, Qt.Key.Key_Left)
    assert view.current_focus() == Focus("awareness", "touchpoints")
    key(qtbot, view, Qt.Key.Key_Left)  # the map's edge: stays
    assert view.current_focus() == Focus("awareness", "touchpoints")
    frame = scene.focus_frame.frame()
    assert frame.x() == scene.map_layout().cells[("awareness", "touchpoints")].x


def test_shift_arrow_extends_the_selection(scene, view, qtbot):
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert scene.selection.items() == [(Kind.TOUCHPOINT, "tp0"), (Kind.TOUCHPOINT, "tp1")]


def test_tab_moves_to_the_next_stage(view, qtbot):
    key(qtbot, view, Qt.Key.Key_Tab)
    assert view.current_focus() == Focus("consideration", "touchpoints")
    for _ in range(4):
        key(qtbot, view, Qt.Key.Key_Tab)
    assert view.current_focus() == Focus("awareness", "actions")
    key(qtbot, view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_focus() == Focus("loyalty", "touchpoints")


def test_f2_renames_the_focused_card(doc, view, qtbot):
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_F2)
    assert view.editor.text() == "Card 0"
    view.editor.selectAll()
    qtbot.keyClicks(view.editor, "Website home page")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert doc.get(Kind.TOUCHPOINT, "tp0").name == "Website home page"


def test_alt_arrow_moves_the_selected_card_to_the_next_cell(doc, scene, view, qtbot):
    before = dump(doc)
    click(view, vp(view, *scene.map_layout().cards["tp4"].center))
    key(qtbot, view, Qt.Key.Key_Right, ALT)
    key(qtbot, view, Qt.Key.Key_Down, ALT)
    tp = doc.get(Kind.TOUCHPOINT, "tp4")
    assert (tp.stage_id, tp.lane_id) == ("loyalty", "actions")
    assert view.current_focus() == Focus("loyalty", "actions", (Kind.TOUCHPOINT, "tp4"))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dump(doc) == before


def test_alt_arrow_reorders_a_selected_stage(doc, scene, view, qtbot):
    click(view, vp(view, scene.map_layout().headers["awareness"].center[0], 40))
    key(qtbot, view, Qt.Key.Key_Right, ALT)
    assert [s.id for s in doc.project.stages][:2] == ["consideration", "awareness"]


def test_step_rules_without_a_view(doc, scene):
    layout = scene.map_layout()
    focus = Focus("purchase", "touchpoints", (Kind.TOUCHPOINT, "tp3"))
    assert step(doc.project, layout, focus, "up") == Focus("purchase", "touchpoints")
    assert step(doc.project, layout, focus, "right") == Focus("experience", "touchpoints")


def test_focus_follows_a_removed_card_to_its_cell(doc, scene, view, qtbot):
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Delete)
    assert view.current_focus() == Focus("awareness", "touchpoints")


def test_alt_arrow_moves_many_cards_into_one_cell_without_stacking_them(doc, scene, view,
                                                                         qtbot):
    before = dump(doc)
    scene.select([(Kind.TOUCHPOINT, "tp0"), (Kind.TOUCHPOINT, "tp1"), (Kind.NOTE, "n1")])
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Right, ALT)
    moved = [doc.get(Kind.TOUCHPOINT, "tp0"), doc.get(Kind.TOUCHPOINT, "tp1")]
    assert {(tp.stage_id, tp.lane_id) for tp in moved} == {("consideration", "touchpoints")}
    assert doc.get(Kind.NOTE, "n1").stage_id == "experience"
    cards = scene.map_layout().cards
    in_cell = [cards[tp.id] for tp in doc.project.touchpoints
               if (tp.stage_id, tp.lane_id) == ("consideration", "touchpoints")]
    assert len(in_cell) == 3  # tp2 was there already
    assert not any(a.intersects(b) for i, a in enumerate(in_cell) for b in in_cell[i + 1:])
    assert doc.undo_stack.undoText().startswith("Move")
    doc.undo_stack.undo()
    assert dump(doc) == before
