"""What the views show of reviews, versions and KPIs: cards, register, summary, inspector,
the Versions and Compare docks with the compare overlay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journeymapper.document import Document, Kind
from journeymapper.document import versions as ops
from journeymapper.model import KpiColouring
from journeymapper.ui.canvas import MapScene
from journeymapper.ui.canvas.compare_overlay import CompareOverlay, DiffFrameItem, GhostCardItem
from journeymapper.ui.canvas.content import card_content
from journeymapper.ui.panels.compare import ComparePanel
from journeymapper.ui.panels.inspector import Inspector
from journeymapper.ui.panels.register_model import COLUMN, OVERDUE_COLOR, TouchpointTableModel
from journeymapper.ui.panels.summary import SummaryPanel
from journeymapper.ui.panels.versions import VersionsPanel
from journeymapper.ui.selection import Selection
from tests.living_map.helpers import TODAY, living_project


@pytest.fixture
def doc(qtbot: QtBot) -> Document:
    document = Document(living_project())
    yield document
    document.undo_stack.clear()


def test_card_content_marks_review_due_and_kpi_colour(doc: Document) -> None:
    p = doc.project
    site, checkout, flyer = p.touchpoints
    assert card_content(p, site, TODAY).review_due
    assert not card_content(p, flyer, TODAY).review_due
    assert card_content(p, site, TODAY).alert == ""  # colouring is off by default
    p.kpi_colouring = KpiColouring(enabled=True)
    assert card_content(p, site, TODAY).alert == "#d62728"  # CTR below target
    checkout.kpis[0].actual = 61
    assert card_content(p, checkout, TODAY).alert == "#2ca02c"
    assert card_content(p, flyer, TODAY).alert == ""


def test_scene_cards_follow_a_review(qtbot: QtBot, doc: Document) -> None:
    scene = MapScene(doc, today=TODAY)
    assert scene.cards["tp-site"].content().review_due
    doc.edit(Kind.TOUCHPOINT, "tp-site", review_cadence="none")
    assert not scene.cards["tp-site"].content().review_due


def test_register_column_and_sorting(qtbot: QtBot, doc: Document) -> None:
    model = TouchpointTableModel(doc, today=lambda: TODAY)
    col = COLUMN["next_review"]

    def text(tp_id: str) -> str:
        return model.index(model.row_of(tp_id), col).data()

    assert (text("tp-site"), text("tp-checkout"), text("tp-flyer")) == (
        "2026-11-15", "due now", "")
    assert model.index(model.row_of("tp-checkout"), col).data(
        Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert "never reviewed" in model.index(model.row_of("tp-checkout"), col).data(
        Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(model.dataChanged):
        doc.edit(Kind.TOUCHPOINT, "tp-flyer", review_cadence="yearly")
    assert text("tp-flyer") == "due now"
    model.sort(col)
    assert [model.touchpoint(r).id for r in range(3)] == ["tp-site", "tp-checkout",
                                                          "tp-flyer"]


def test_summary_lists_reviews_due(qtbot: QtBot, doc: Document) -> None:
    panel = SummaryPanel(doc, Selection(doc), today=lambda: TODAY)
    qtbot.addWidget(panel)
    assert panel.reviews_due.ids() == ["tp-site", "tp-checkout"]
    assert "Reviews due (2)" in panel.reviews_heading.text()


def test_inspector_shows_cadence_and_trend(qtbot: QtBot, doc: Document) -> None:
    selection = Selection(doc)
    inspector = Inspector(doc, selection)
    qtbot.addWidget(inspector)
    selection.set_items([(Kind.TOUCHPOINT, "tp-site")])
    form = inspector.touchpoint_form
    history = form.fields["reviews"]
    assert history.sparkline.values() == [2.0, 3.0]
    assert "performance 2 \u2192 3" in history.summary.text()
    assert "faster now" in history.summary.text()
    cadence = form.fields["review_cadence"]
    assert cadence.combo.currentText() == "Monthly"
    cadence.combo.setCurrentIndex(cadence.combo.findText("Quarterly"))
    cadence.combo.activated.emit(cadence.combo.currentIndex())
    assert doc.get(Kind.TOUCHPOINT, "tp-site").review_cadence == "quarterly"
    assert doc.undo_stack.count() == 1


def test_versions_panel_and_compare_overlay(qtbot: QtBot, doc: Document) -> None:
    scene = MapScene(doc, today=TODAY)
    selection = scene.selection
    versions = VersionsPanel(doc)
    qtbot.addWidget(versions)
    version_id = versions.save_copy("To-be 2027")
    assert version_id is not None and versions.list.count() == 2
    overlay = CompareOverlay(scene)
    panel = ComparePanel(doc, selection, overlay)
    qtbot.addWidget(panel)
    panel.set_other(version_id)
    assert panel.comparison is not None and panel.comparison.diffs == []
    # Plan the change in the active map: a new card, a removed one, a changed budget.
    doc.create(Kind.TOUCHPOINT, id="tp-chat", name="Chat", stage_id="purchase",
               lane_id="touchpoints", x=250.0)
    doc.remove([(Kind.TOUCHPOINT, "tp-flyer")])
    doc.edit(Kind.TOUCHPOINT, "tp-site", budget="1500")
    with qtbot.waitSignal(panel.comparison_changed):
        pass  # the panel recomputes after a burst of edits
    assert panel.comparison.summary() == "1 added, 1 removed, 1 changed; budget +400.00"
    frames = {i: f.change for i, f in overlay.frames.items()}
    assert frames == {"tp-chat": "added", "tp-site": "changed"}
    assert all(isinstance(f.parentItem(), type(scene.cards["tp-chat"]))
               for f in overlay.frames.values())
    assert list(overlay.ghosts) == ["tp-flyer"]
    ghost = overlay.ghosts["tp-flyer"]
    assert isinstance(ghost, GhostCardItem) and ghost.isVisible()
    cell = scene.map_layout().cells[("awareness", "touchpoints")]
    assert (ghost.x(), ghost.y()) == (cell.x, cell.y)
    assert overlay.curves and all(c.points() for c in overlay.curves.values())
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(3)]
    assert groups == ["Added (not in To-be 2027): 1", "Removed (only in To-be 2027): 1",
                      "Changed: 1"]
    # Clicking a listed card selects it on the map.
    added = panel.tree.topLevelItem(0).child(0)
    panel.tree.itemClicked.emit(added, 0)
    assert selection.ids(Kind.TOUCHPOINT) == ["tp-chat"]
    # Switching to the compared version turns comparing off; the marks go.
    with qtbot.waitSignal(panel.comparison_changed):
        ops.switch_version(doc, version_id)
    assert panel.other_id() is None and not overlay.frames and not overlay.ghosts
    assert not [i for i in scene.items() if isinstance(i, DiffFrameItem | GhostCardItem)]
    assert "tp-flyer" in scene.cards  # the scene rebuilt from the switched-to version
