"""The scene mirrors the document by id and updates only what changed."""

from __future__ import annotations

import datetime as dt

from journeymapper.document import Document, Kind
from journeymapper.layout import compute_layout
from journeymapper.model import Touchpoint, new_project
from journeymapper.ui.canvas import MapScene


def test_scene_builds_an_item_per_model_item(doc, scene):
    p = doc.project
    assert list(scene.headers) == [s.id for s in p.stages]
    assert list(scene.lanes) == [ln.id for ln in p.lanes]
    assert set(scene.cards) == {t.id for t in p.touchpoints}
    assert set(scene.notes) == {"n1"} and set(scene.links) == {"l1", "l2"}
    assert set(scene.curves) == {"anna", "ben"}
    layout = scene.map_layout()
    assert scene.cards["tp3"].pos().x() == layout.cards["tp3"].x
    content = scene.cards["tp3"].content()
    assert content.overdue and content.deadline == "2020-01-01"
    assert scene.cards["tp1"].content().persona_colors == ("#e45756",)


def test_a_content_edit_updates_that_card_only(doc, scene, qtbot):
    others = {i: c.content() for i, c in scene.cards.items() if i != "tp2"}
    positions = {i: c.pos() for i, c in scene.cards.items()}
    doc.edit(Kind.TOUCHPOINT, "tp2", name="Price page", owner="Lea")
    assert scene.cards["tp2"].content().name == "Price page"
    assert scene.cards["tp2"].content().owner == "Lea"
    assert {i: c.content() for i, c in scene.cards.items() if i != "tp2"} == others
    assert {i: c.pos() for i, c in scene.cards.items()} == positions


def test_a_stage_width_edit_moves_the_columns_after_it(doc, scene):
    x = scene.headers["experience"].x()
    doc.edit(Kind.STAGE, "purchase", width=400)
    assert scene.headers["experience"].x() == x + 120
    assert scene.cards["tp4"].x() == x + 120 + 14


def test_reordering_lanes_moves_their_cards(doc, scene):
    doc.reorder(Kind.LANE, "actions", 0)
    assert scene.lanes["actions"].y() == scene.map_layout().rows["actions"].y
    assert scene.cards["tp5"].y() == scene.map_layout().rows["actions"].y + 14


def test_criteria_weights_refresh_importance_badges(doc, scene):
    before = scene.cards["tp3"].content().importance
    for criterion in doc.project.scoring.criteria:
        if criterion.id != "reach":
            doc.edit(Kind.CRITERION, criterion.id, weight=0)
    assert scene.cards["tp3"].content().importance > before


def test_persona_colour_reaches_cards_links_and_curves(doc, scene):
    doc.edit(Kind.PERSONA, "anna", color="#000000")
    assert scene.cards["tp1"].content().persona_colors == ("#000000",)
    assert scene.links["l2"]._content.color == "#000000"
    assert scene.curves["anna"]._color.name() == "#000000"


def test_persona_filter_dims_other_journeys(doc, scene):
    scene.set_persona_filter("ben")
    # Cards for everyone (no personas) stay; Anna's cards dim.
    assert not scene.cards["tp0"].is_dimmed()
    assert scene.cards["tp1"].is_dimmed()
    assert scene.links["l2"]._dimmed
    assert scene.curves["anna"]._dimmed and not scene.curves["ben"]._dimmed
    scene.set_persona_filter(None)
    assert not any(c.is_dimmed() for c in scene.cards.values())


def test_selection_syncs_both_ways_without_loops(doc, scene, qtbot):
    with qtbot.waitSignal(scene.selection.changed):
        scene.cards["tp2"].setSelected(True)
    assert scene.selection.items() == [(Kind.TOUCHPOINT, "tp2")]
    changes = []
    scene.selection.changed.connect(lambda: changes.append(1))
    scene.selection.set_items([(Kind.NOTE, "n1"), (Kind.STAGE, "purchase")])
    assert changes == [1]
    assert scene.notes["n1"].isSelected() and not scene.cards["tp2"].isSelected()
    assert scene.headers["purchase"].is_highlighted()
    doc.remove([(Kind.NOTE, "n1")])
    assert scene.selection.items() == [(Kind.STAGE, "purchase")]


def test_replacing_the_project_rebuilds(doc, scene):
    doc.replace_project(new_project("Other"))
    assert not scene.cards and not scene.links and len(scene.headers) == 5
    assert set(scene.curves) == {None}


def test_builds_10000_cards_and_moves_one(qapp):
    """Big maps build completely; their speed is measured by `journeymapper bench`."""
    project = new_project()
    stages, lanes = project.stages, project.lanes
    project.touchpoints = [
        Touchpoint(id=f"tp{i}", name=f"Touchpoint {i}", stage_id=stages[i % 5].id,
                   lane_id=lanes[(i // 5) % 6].id, x=(i % 7) * 20.0, y=(i % 40) * 110.0)
        for i in range(10_000)]
    doc = Document(project)
    scene = MapScene(doc, today=dt.date(2024, 1, 1))
    assert len(scene.cards) == 10_000
    doc.move_cards({(Kind.TOUCHPOINT, "tp5"): ("loyalty", "backstage", 30.0, 30.0)})
    rect = scene.map_layout().cards["tp5"]
    assert rect == compute_layout(doc.project).cards["tp5"]
    assert scene.cards["tp5"].pos().toTuple() == (rect.x, rect.y)
    scene.clear()
