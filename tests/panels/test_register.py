"""The register: sorting, each filter, in-place edits, totals, selection both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.model import Channel, Status
from journeymapper.ui.panels.inspector import Inspector
from journeymapper.ui.panels.register import RegisterPanel
from journeymapper.ui.panels.register_model import COLUMN, ID_ROLE
from journeymapper.ui.widgets import MoneySpinBox
from tests.panels.helpers import TODAY, select


@pytest.fixture
def register(qtbot, doc, selection):
    panel = RegisterPanel(doc, selection, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1400, 400)
    panel.show()
    return panel


def shown(register):
    proxy = register.proxy
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def cell(register, item_id, key):
    row = shown(register).index(item_id)
    return register.proxy.index(row, COLUMN[key])


def test_rows_follow_the_map_order_and_sort_by_each_typed_column(register):
    assert shown(register) == ["tp-reels", "tp-site", "tp-flyer", "tp-loyalty"]
    table = register.table
    table.sortByColumn(COLUMN["budget"], Qt.SortOrder.DescendingOrder)
    assert shown(register) == ["tp-site", "tp-reels", "tp-loyalty", "tp-flyer"]
    table.sortByColumn(COLUMN["stage_id"], Qt.SortOrder.AscendingOrder)
    assert shown(register)[-1] == "tp-loyalty" and shown(register)[1] == "tp-flyer"
    table.sortByColumn(COLUMN["deadline"], Qt.SortOrder.AscendingOrder)
    assert shown(register) == ["tp-reels", "tp-site", "tp-loyalty", "tp-flyer"]  # empty last
    table.sortByColumn(COLUMN["importance"], Qt.SortOrder.DescendingOrder)
    assert shown(register)[0] == "tp-site" and shown(register)[-1] == "tp-flyer"
    table.sortByColumn(COLUMN["name"], Qt.SortOrder.AscendingOrder)
    assert shown(register) == ["tp-flyer", "tp-reels", "tp-loyalty", "tp-site"]


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("stage_id", "awareness", ["tp-reels", "tp-flyer"]),
    ("channel", Channel.WEBSITE, ["tp-site"]),
    ("persona_id", "p-office", ["tp-site", "tp-flyer", "tp-loyalty"]),  # none = all personas
    ("owner", "Ana", ["tp-site", "tp-loyalty"]),
    ("owner", "", ["tp-flyer"]),
    ("status", Status.LIVE, ["tp-loyalty"]),
])
def test_each_combo_filter(register, name, value, expected):
    register.set_filter(name, value)
    assert shown(register) == expected
    register.clear_filters()
    assert len(shown(register)) == 4


def test_text_search_and_overdue_filters(qtbot, register, doc):
    qtbot.keyClicks(register.search, "ana web")
    assert shown(register) == ["tp-site"]
    register.search.clear()
    register.overdue.setChecked(True)
    assert shown(register) == ["tp-reels"]  # 1 May, planned; 20 May is not yet due
    doc.edit(Kind.TOUCHPOINT, "tp-reels", status="live")  # live is never overdue
    assert shown(register) == []


def test_filter_combos_offer_what_the_map_holds(qtbot, register, doc):
    owners = register.combos["owner"]
    assert [owners.itemText(i) for i in range(owners.count())] == [
        "All owners", "Ana", "Tom", "(no owner)"]
    register.set_filter("owner", "Tom")
    doc.edit(Kind.TOUCHPOINT, "tp-reels", owner="Tomasz")
    # The combos refresh once per burst of changes, on the next loop turn; Tom is gone.
    qtbot.waitUntil(lambda: owners.itemText(2) == "Tomasz")
    assert owners.currentIndex() == 0
    assert len(shown(register)) == 4


def test_in_place_edits_go_through_the_document(qtbot, register, doc):
    before = io.dumps(doc.project)
    table = register.table
    index = cell(register, "tp-flyer", "owner")
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "Lea")
    with qtbot.waitSignal(doc.item_changed):  # the delegate commits on the next loop turn
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.get(Kind.TOUCHPOINT, "tp-flyer").owner == "Lea"

    index = cell(register, "tp-flyer", "status")
    table.edit(index)
    combo = table.viewport().findChild(QComboBox)
    combo.setCurrentIndex(combo.findText("Live"))
    combo.activated.emit(combo.currentIndex())
    assert doc.get(Kind.TOUCHPOINT, "tp-flyer").status is Status.LIVE

    index = cell(register, "tp-flyer", "budget")
    table.edit(index)
    money = table.viewport().findChild(MoneySpinBox)
    QTest.keyClick(money, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(money, "275.5")
    with qtbot.waitSignal(doc.item_changed):
        qtbot.keyClick(money, Qt.Key.Key_Return)
    assert doc.get(Kind.TOUCHPOINT, "tp-flyer").budget == Decimal("275.50")
    assert cell(register, "tp-flyer", "budget").data() == "275.50"
    assert doc.undo_stack.count() == 3
    for _ in range(3):
        doc.undo_stack.undo()
    assert io.dumps(doc.project) == before


def test_a_refused_in_place_edit_leaves_the_model_unchanged(qtbot, register, doc):
    before = io.dumps(doc.project)
    table = register.table
    index = cell(register, "tp-site", "spent")
    table.edit(index)
    money = table.viewport().findChild(MoneySpinBox)
    QTest.keyClick(money, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(money, "-3")
    assert money.toolTip() == "The amount cannot be negative."
    with qtbot.waitSignal(register.table.itemDelegate().closeEditor):
        qtbot.keyClick(money, Qt.Key.Key_Return)
    assert io.dumps(doc.project) == before
    assert not register.model.setData(cell(register, "tp-site", "name"), "   ")
    assert register.message.text().startswith("name")
    assert io.dumps(doc.project) == before


def test_totals_equal_the_sums_in_the_model_and_follow_filters_and_edits(qtbot, register, doc):
    footer = register.footer
    assert footer.budget == sum(tp.budget for tp in doc.project.touchpoints) == Decimal("4750")
    assert footer.spent == sum(tp.spent for tp in doc.project.touchpoints)
    register.set_filter("owner", "Ana")
    qtbot.waitUntil(lambda: footer.count == 2)  # summed once per burst, on the next loop turn
    assert footer.budget == Decimal("3400.00")
    assert footer.label() == "Total of 2 shown (of 4)"
    doc.edit(Kind.TOUCHPOINT, "tp-site", budget=Decimal("100"))
    qtbot.waitUntil(lambda: footer.budget == Decimal("500.00"))
    footer.grab()  # paints without error


def test_rows_added_removed_and_changed_precisely(qtbot, register, doc):
    with qtbot.waitSignal(register.model.rowsInserted) as inserted:
        new_id = doc.create(Kind.TOUCHPOINT, index=1, name="Newsletter", stage_id="loyalty",
                            lane_id="touchpoints")
    assert inserted.args[1:] == [1, 1]
    assert shown(register)[1] == new_id
    with qtbot.waitSignal(register.model.dataChanged) as changed:
        doc.edit(Kind.TOUCHPOINT, new_id, owner="Ana")
    assert (changed.args[0].column(), changed.args[1].column()) == (COLUMN["owner"],) * 2
    with qtbot.waitSignal(register.model.rowsRemoved) as removed:
        doc.remove([(Kind.TOUCHPOINT, new_id)])
    assert removed.args[1:] == [1, 1]
    doc.edit(Kind.STAGE, "awareness", name="Discover")
    assert cell(register, "tp-reels", "stage_id").data() == "Discover"


def test_selection_follows_rows_and_rows_follow_the_selection(qtbot, register, selection):
    table = register.table
    table.selectionModel().select(
        cell(register, "tp-site", "name"),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert selection.items() == [(Kind.TOUCHPOINT, "tp-site")]
    with qtbot.assertNotEmitted(selection.changed):
        select(selection, "tp-site")
    select(selection, "tp-reels", "tp-loyalty")
    assert register.selected_ids() == ["tp-reels", "tp-loyalty"]
    assert selection.items() == [(Kind.TOUCHPOINT, "tp-reels"), (Kind.TOUCHPOINT, "tp-loyalty")]
    selection.clear()
    assert register.selected_ids() == []
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(cell(register, "tp-flyer", "owner")).center())
    assert selection.items() == [(Kind.TOUCHPOINT, "tp-flyer")]


def test_weight_change_updates_importance_in_register_and_inspector(qtbot, register, doc,
                                                                    selection):
    inspector = Inspector(doc, selection)
    qtbot.addWidget(inspector)
    select(selection, "tp-flyer")
    assert cell(register, "tp-flyer", "importance").data() == "11.7"
    with qtbot.waitSignal(register.model.dataChanged):
        doc.edit(Kind.CRITERION, "influence", weight=0)
    assert cell(register, "tp-flyer", "importance").data() == "7.5"  # 100 * 3*1 / (8*5)
    assert inspector.touchpoint_form.importance_text().startswith("<b>7.5</b>")


def test_sorted_rows_stay_sorted_as_the_map_changes(qtbot, register, doc):
    register.table.sortByColumn(COLUMN["budget"], Qt.SortOrder.AscendingOrder)
    assert shown(register) == ["tp-flyer", "tp-loyalty", "tp-reels", "tp-site"]
    with qtbot.waitSignal(register.model.rowsMoved):
        doc.edit(Kind.TOUCHPOINT, "tp-flyer", budget=Decimal("2000"))
    assert shown(register) == ["tp-loyalty", "tp-reels", "tp-flyer", "tp-site"]
    new_id = doc.create(Kind.TOUCHPOINT, name="Newsletter", stage_id="loyalty",
                        lane_id="touchpoints", budget=Decimal("500"))
    assert shown(register) == ["tp-loyalty", new_id, "tp-reels", "tp-flyer", "tp-site"]
    register.table.sortByColumn(COLUMN["budget"], Qt.SortOrder.DescendingOrder)
    assert shown(register) == ["tp-site", "tp-flyer", "tp-reels", new_id, "tp-loyalty"]
    doc.edit(Kind.CRITERION, "reach", weight=50)  # every importance changes
    register.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the map's order
    assert shown(register) == ["tp-reels", "tp-site", "tp-flyer", "tp-loyalty", new_id]


def test_selection_survives_sorting(register, selection):
    select(selection, "tp-loyalty")
    register.table.sortByColumn(COLUMN["name"], Qt.SortOrder.DescendingOrder)
    assert register.selected_ids() == ["tp-loyalty"]
    assert selection.items() == [(Kind.TOUCHPOINT, "tp-loyalty")]
