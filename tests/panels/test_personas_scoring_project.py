"""Personas panel, scoring settings and project settings: every change through the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.model import BusinessSize
from journeymapper.ui.panels.inspector import Inspector
from journeymapper.ui.panels.personas import NEW_PERSONA, PersonasPanel
from journeymapper.ui.panels.project_settings import ProjectSettings, ProjectSettingsDialog
from journeymapper.ui.panels.register import RegisterPanel
from journeymapper.ui.panels.scoring import ScoringPanel
from tests.panels.helpers import select


def retype(qtbot, widget, text):
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def personas(qtbot, doc):
    panel = PersonasPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def names(panel):
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def test_personas_are_listed_with_their_colour(personas):
    assert names(personas) == ["Busy parent", "Office manager"]
    assert not personas.list.item(0).icon().isNull()
    assert personas.current_id() == "p-parent"
    assert personas.form.ids() == ["p-parent"]


def test_add_edit_and_remove_a_persona(qtbot, personas, doc):
    before = io.dumps(doc.project)
    new_id = personas.add_persona()
    assert names(personas)[-1] == NEW_PERSONA and personas.current_id() == new_id
    assert doc.get(Kind.PERSONA, new_id).color not in ("#e45756", "#4c78a8")  # a free colour
    retype(qtbot, personas.form.fields["name"].line, "Student")
    assert names(personas)[-1] == "Student"
    personas.form.fields["color"].button.pick("#54a24b")
    channels = personas.form.fields["preferred_channels"].checklist
    channels.item_for("social").setCheckState(Qt.CheckState.Checked)
    persona = doc.get(Kind.PERSONA, new_id)
    assert (persona.name, persona.color, persona.preferred_channels) == (
        "Student", "#54a24b", ["social"])
    personas.remove_current()
    assert doc.find(Kind.PERSONA, new_id) is None and names(personas) == [
        "Busy parent", "Office manager"]
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert io.dumps(doc.project) == before


def test_removing_a_persona_is_one_step_and_touchpoints_forget_it(personas, doc):
    personas.set_current("p-office")
    personas.remove_current()
    assert doc.get(Kind.TOUCHPOINT, "tp-flyer").persona_ids == ["p-parent"]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert names(personas) == ["Busy parent", "Office manager"]
    assert doc.get(Kind.TOUCHPOINT, "tp-flyer").persona_ids == ["p-parent", "p-office"]


def test_an_empty_persona_name_is_refused(qtbot, personas, doc):
    name = personas.form.fields["name"]
    QTest.keyClick(name.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(name.line, Qt.Key.Key_Delete)
    qtbot.keyClick(name.line, Qt.Key.Key_Return)
    assert name.error() == "Name cannot be empty."
    assert doc.get(Kind.PERSONA, "p-parent").name == "Busy parent"


def test_the_panel_rebuilds_when_the_project_is_replaced(personas, doc):
    from journeymapper.model import new_project

    doc.replace_project(new_project())
    assert names(personas) == [] and personas.form.ids() == []
    assert not personas.remove_button.isEnabled()


@pytest.fixture
def scoring(qtbot, doc):
    panel = ScoringPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_criteria_renamed_reweighted_added_and_removed(qtbot, scoring, doc):
    assert list(scoring.rows) == ["reach", "influence", "frequency", "retention"]
    assert scoring.rows["influence"].share.text() == "33 %"
    retype(qtbot, scoring.rows["reach"].name.line, "Audience size")
    assert doc.get(Kind.CRITERION, "reach").name == "Audience size"
    weight = scoring.rows["reach"].weight.spin
    retype(qtbot, weight, "6")
    assert doc.get(Kind.CRITERION, "reach").weight == 6.0
    assert scoring.rows["reach"].share.text() == "40 %"
    new_id = scoring.add_criterion()
    assert list(scoring.rows)[-1] == new_id
    scoring.rows[new_id].remove_button.click()
    assert doc.find(Kind.CRITERION, new_id) is None and new_id not in scoring.rows
    assert doc.undo_stack.count() == 4


def test_removing_a_criterion_drops_it_from_scores_in_one_step(scoring, doc):
    before = io.dumps(doc.project)
    scoring.rows["frequency"].remove_button.click()
    assert "frequency" not in doc.get(Kind.TOUCHPOINT, "tp-reels").scores
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before
    assert list(scoring.rows) == ["reach", "influence", "frequency", "retention"]


def test_a_weight_typed_in_scoring_updates_inspector_and_register_live(qtbot, scoring, doc,
                                                                       selection):
    inspector = Inspector(doc, selection)
    register = RegisterPanel(doc, selection)
    qtbot.addWidget(inspector)
    qtbot.addWidget(register)
    select(selection, "tp-flyer")
    index = register.proxy.index(register.model.row_of("tp-flyer"), 4)
    assert index.data() == "11.7"
    for criterion in ("reach", "frequency", "retention"):
        retype(qtbot, scoring.rows[criterion].weight.spin, "0")
    assert index.data() == "20"
    assert inspector.touchpoint_form.importance_text().startswith("<b>20</b>")


def test_project_settings_edit_title_and_business(qtbot, doc):
    settings = ProjectSettings(doc)
    qtbot.addWidget(settings)
    settings.show()
    before = io.dumps(doc.project)
    retype(qtbot, settings.project_form.fields["title"].line, "Crumb & Co.")
    business = settings.business_form
    size = business.fields["size"].combo
    size.setCurrentIndex(size.findText("Medium"))
    size.activated.emit(size.currentIndex())
    retype(qtbot, business.fields["currency"].line, "usd")
    assert doc.project.title == "Crumb & Co."
    assert doc.project.business.size is BusinessSize.MEDIUM
    assert doc.project.business.currency == "USD"
    retype(qtbot, business.fields["currency"].line, "dollars")
    assert business.fields["currency"].error().startswith("Currency must be a 3-letter code")
    assert doc.project.business.currency == "USD"
    assert doc.undo_stack.count() == 3
    for _ in range(3):
        doc.undo_stack.undo()
    assert io.dumps(doc.project) == before
    assert business.fields["currency"].line.text() == "EUR"


def test_currency_change_relabels_money_everywhere(qtbot, doc, selection):
    inspector = Inspector(doc, selection)
    register = RegisterPanel(doc, selection)
    qtbot.addWidget(inspector)
    qtbot.addWidget(register)
    doc.edit("business", currency="GBP")
    form = inspector.touchpoint_form
    label = form.form_layout.labelForField(form.fields["budget"].container)
    assert label.text() == "Budget (GBP)"
    assert register.model.headerData(8, Qt.Orientation.Horizontal) == "Budget (GBP)"


def test_settings_dialog_commits_pending_typing_on_close(qtbot, doc):
    dialog = ProjectSettingsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.settings.business_form.fields["industry"].line
    qtbot.keyClicks(line, "Bakery")
    dialog.close()
    assert doc.project.business.industry == "Bakery"
