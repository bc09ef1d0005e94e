"""The inspector: typing edits the model through undo; invalid input is refused where typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.model import Status
from journeymapper.ui.panels.inspector import Inspector
from journeymapper.ui.widgets import is_invalid
from tests.panels.helpers import select


@pytest.fixture
def inspector(qtbot, doc, selection):
    widget = Inspector(doc, selection)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def field(inspector, name):
    return inspector.touchpoint_form.fields[name]


def retype(qtbot, widget, text, finish=True):
    """Select all, type ``text`` key by key, and press Return."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)
    if finish:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def tp(doc, item_id="tp-reels"):
    return doc.get(Kind.TOUCHPOINT, item_id)


def test_typing_a_name_is_one_undo_step_and_undo_restores_the_bytes(qtbot, doc, selection,
                                                                     inspector):
    before = io.dumps(doc.project)
    select(selection, "tp-reels")
    line = field(inspector, "name").line
    retype(qtbot, line, "Reels that sell cakes")
    assert tp(doc).name == "Reels that sell cakes"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before
    assert line.text() == "Instagram reels"  # the undo came back into the editor


def test_typing_commits_after_a_pause_without_echoing_into_the_editor(qtbot, doc, selection,
                                                                      inspector):
    select(selection, "tp-reels")
    line = field(inspector, "name").line
    line.setFocus()
    line.end(False)
    with qtbot.waitSignal(doc.item_changed, timeout=2000):
        qtbot.keyClicks(line, " 2026")
    assert tp(doc).name == "Instagram reels 2026"
    qtbot.keyClicks(line, "!")
    qtbot.waitUntil(lambda: tp(doc).name == "Instagram reels 2026!", timeout=2000)
    assert line.text() == "Instagram reels 2026!" and line.cursorPosition() == len(line.text())
    assert doc.undo_stack.count() == 1  # all commits of one edit merged


def test_editing_the_same_field_again_later_is_a_new_undo_step(qtbot, doc, selection, inspector):
    select(selection, "tp-reels")
    owner = field(inspector, "owner").line
    retype(qtbot, owner, "Tom O.")
    retype(qtbot, owner, "Tomasz")
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert tp(doc).owner == "Tom O." and owner.text() == "Tom O."


def test_budget_is_typed_as_money_and_shown_formatted(qtbot, doc, selection, inspector):
    before = io.dumps(doc.project)
    select(selection, "tp-reels")
    budget = field(inspector, "budget")
    retype(qtbot, budget.spin, "2,500.5")
    assert tp(doc).budget == Decimal("2500.50")
    assert budget.spin.text() == "2,500.50"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before


@pytest.mark.parametrize(("name", "text", "message"), [
    ("budget", "-50", "Budget cannot be negative."),
    ("spent", "12.345", "Spent can have at most 2 decimals (cents)."),
    ("budget", "lots", "Budget must be an amount"),
    ("deadline", "2026-13-45", "Deadline is not a real day"),
    ("deadline", "next week", "Deadline must be a date such as"),
    ("name", "", "Name cannot be empty."),
    ("tags", "x" * 201, "Tags"),
])
def test_invalid_input_is_refused_with_a_visible_message(qtbot, doc, selection, inspector,
                                                         name, text, message):
    before = io.dumps(doc.project)
    select(selection, "tp-reels")
    f = field(inspector, name)
    retype(qtbot, f.editor, text)
    assert f.error() is not None and f.error().startswith(message)
    assert f.message.isVisible() and is_invalid(f.editor)
    assert io.dumps(doc.project) == before
    assert doc.undo_stack.count() == 0


def test_an_error_shows_after_a_pause_and_clears_as_soon_as_input_is_valid(qtbot, selection,
                                                                           inspector, doc):
    select(selection, "tp-reels")
    f = field(inspector, "budget")
    retype(qtbot, f.spin, "-", finish=False)
    qtbot.waitUntil(lambda: f.error() is not None, timeout=2000)
    QTest.keyClick(f.spin, Qt.Key.Key_Home)
    QTest.keyClick(f.spin, Qt.Key.Key_Delete)
    qtbot.keyClicks(f.spin, "75")
    assert f.error() is None and not is_invalid(f.editor)
    qtbot.waitUntil(lambda: tp(doc).budget == Decimal("75.00"), timeout=2000)


def test_deadline_typed_picked_and_cleared(qtbot, doc, selection, inspector):
    select(selection, "tp-reels")
    date_edit = field(inspector, "deadline").date_edit
    retype(qtbot, date_edit, "2026-07-15")
    assert tp(doc).deadline == dt.date(2026, 7, 15)
    calendar = date_edit.show_calendar()
    from PySide6.QtCore import QDate
    calendar.clicked.emit(QDate(2026, 9, 1))
    assert tp(doc).deadline == dt.date(2026, 9, 1)
    retype(qtbot, date_edit, "")
    assert tp(doc).deadline is None
    assert doc.undo_stack.count() == 3


def test_multi_edit_of_three_touchpoints_is_one_undo_step(qtbot, doc, selection, inspector):
    before = io.dumps(doc.project)
    select(selection, "tp-reels", "tp-site", "tp-flyer")
    form = inspector.touchpoint_form
    owner = field(inspector, "owner").line
    assert owner.text() == "" and owner.placeholderText() == "mixed"
    assert not form.fields["name"].container.isVisibleTo(form)  # not a shared field
    assert not form._sections[0][0].isVisibleTo(form)  # nor its heading
    retype(qtbot, owner, "Maria")
    assert [tp(doc, i).owner for i in ("tp-reels", "tp-site", "tp-flyer")] == ["Maria"] * 3
    assert doc.undo_stack.count() == 1
    status = field(inspector, "status").combo
    status.setCurrentIndex(status.findText("Live"))
    status.activated.emit(status.currentIndex())
    assert {tp(doc, i).status for i in ("tp-reels", "tp-site", "tp-flyer")} == {Status.LIVE}
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before


def test_multi_edit_of_personas_keeps_each_touchpoints_other_personas(qtbot, doc, selection,
                                                                      inspector):
    select(selection, "tp-reels", "tp-flyer", "tp-site")
    checklist = field(inspector, "persona_ids").checklist
    office = checklist.item_for("p-office")
    assert office.checkState() == Qt.CheckState.PartiallyChecked
    office.setCheckState(Qt.CheckState.Checked)
    assert tp(doc, "tp-reels").persona_ids == ["p-parent", "p-office"]
    assert tp(doc, "tp-flyer").persona_ids == ["p-parent", "p-office"]
    assert tp(doc, "tp-site").persona_ids == ["p-office"]
    assert doc.undo_stack.count() == 1


def test_score_sliders_update_the_importance_live_and_each_criterion_is_a_step(
        qtbot, doc, selection, inspector):
    select(selection, "tp-flyer")
    form = inspector.touchpoint_form
    assert form.importance_text().startswith("<b>11.7</b>")  # (3*1 + 4*1) / (12*5)
    reach = form.scores.sliders["reach"]
    reach.setFocus()
    qtbot.keyClick(reach, Qt.Key.Key_Right)
    qtbot.keyClick(reach, Qt.Key.Key_Right)
    assert tp(doc, "tp-flyer").scores["reach"] == 3
    assert form.importance_text().startswith("<b>21.7</b>")
    qtbot.keyClick(form.scores.sliders["frequency"], Qt.Key.Key_End)
    assert tp(doc, "tp-flyer").scores == {"reach": 3, "influence": 1, "frequency": 5}
    assert doc.undo_stack.count() == 2  # one per criterion, arrow presses merged


def test_importance_follows_a_change_of_weights(qtbot, doc, selection, inspector):
    select(selection, "tp-flyer")
    form = inspector.touchpoint_form
    doc.edit(Kind.CRITERION, "reach", weight=0)
    doc.edit(Kind.CRITERION, "frequency", weight=0)
    doc.edit(Kind.CRITERION, "retention", weight=0)
    assert form.importance_text().startswith("<b>20</b>")  # influence alone: 1 of 5


def test_kpis_rows_added_edited_and_removed(qtbot, doc, selection, inspector):
    select(selection, "tp-reels")
    kpis = field(inspector, "kpis")
    kpis.add_button.click()
    assert [k.name for k in tp(doc).kpis] == ["Views", "New KPI"]
    kpis.table.item(1, 2).setText("4.5")
    assert tp(doc).kpis[1].target == 4.5
    kpis.table.item(1, 3).setText("abc")
    assert kpis.error() == "KPIs row 2: the actual must be a number."
    assert tp(doc).kpis[1].actual is None
    kpis.table.item(1, 3).setText("")
    kpis.table.setCurrentCell(0, 0)
    kpis.remove_button.click()
    assert [k.name for k in tp(doc).kpis] == ["New KPI"]
    assert doc.undo_stack.count() == 3


def test_a_change_from_elsewhere_is_shown_without_being_pushed_again(qtbot, doc, selection,
                                                                     inspector):
    select(selection, "tp-reels")
    doc.edit(Kind.TOUCHPOINT, "tp-reels", owner="Zoe", channel="email")
    assert field(inspector, "owner").line.text() == "Zoe"
    assert field(inspector, "channel").combo.currentText() == "Email"
    assert doc.undo_stack.count() == 1


def test_pending_typing_is_committed_before_the_selection_moves(qtbot, doc, selection,
                                                                inspector):
    select(selection, "tp-reels")
    line = field(inspector, "owner").line
    retype(qtbot, line, "Kim", finish=False)
    select(selection, "tp-site")
    assert tp(doc).owner == "Kim" and line.text() == "Ana"


def test_other_kinds_have_their_own_forms(qtbot, doc, selection, inspector):
    selection.set_items([(Kind.STAGE, "awareness")])
    form = inspector.current_form()
    assert form is inspector.forms[Kind.STAGE]
    retype(qtbot, form.fields["name"].line, "Discover")
    form.fields["color"].button.pick("#123456")
    stage = doc.get(Kind.STAGE, "awareness")
    assert (stage.name, stage.color) == ("Discover", "#123456")
    selection.set_items([(Kind.PERSONA, "p-parent")])
    persona_form = inspector.current_form()
    goals = persona_form.fields["goals"].text
    goals.setFocus()
    qtbot.keyClicks(goals, "Order in two minutes")
    goals.clearFocus()
    qtbot.waitUntil(lambda: doc.get(Kind.PERSONA, "p-parent").goals == ["Order in two minutes"],
                    timeout=2000)
    selection.clear()
    assert inspector.current_form() is None


def test_links_and_notes_have_forms_too(qtbot, doc, selection, inspector):
    link_id = doc.create(Kind.LINK, source_id="tp-reels", target_id="tp-site")
    note_id = doc.create(Kind.NOTE, text="Idea", stage_id="purchase", lane_id="opportunities")
    start = doc.undo_stack.count()
    selection.set_items([(Kind.LINK, link_id)])
    form = inspector.current_form()
    assert form.route.text() == "Instagram reels \u2192 Order website"
    retype(qtbot, form.fields["share"].line, "40 %")
    assert doc.get(Kind.LINK, link_id).share == 0.4
    retype(qtbot, form.fields["share"].line, "140")
    assert form.fields["share"].error() == "Share must be between 0 and 100 %."
    persona = form.fields["persona_id"].combo
    persona.setCurrentIndex(persona.findText("Office manager"))
    persona.activated.emit(persona.currentIndex())
    assert doc.get(Kind.LINK, link_id).persona_id == "p-office"
    doc.edit(Kind.TOUCHPOINT, "tp-site", name="Shop")
    assert form.route.text() == "Instagram reels \u2192 Shop"
    selection.set_items([(Kind.NOTE, note_id)])
    text = inspector.current_form().fields["text"]
    text.text.selectAll()
    QTest.keyClick(text.text, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: text.error() == "Text cannot be empty.", timeout=2000)
    assert doc.get(Kind.NOTE, note_id).text == "Idea"
    assert doc.undo_stack.count() == start + 3


def test_an_edit_of_many_selected_cards_is_shown_once_when_done(doc, selection, inspector):
    ids = [t.id for t in doc.project.touchpoints]
    select(selection, *ids)
    form = inspector.touchpoint_form
    shown: list[list[str] | None] = []
    original = form.reload
    form.reload = lambda names=None: (shown.append(names), original(names))[1]
    doc.edit_many(Kind.TOUCHPOINT, ids, owner="Lea")
    assert shown == [["owner"]]  # one reload for the whole undo step
    assert field(inspector, "owner").editor.text() == "Lea"
    doc.undo_stack.undo()
    assert len(shown) == 2 and field(inspector, "owner").editor.text() != "Lea"
