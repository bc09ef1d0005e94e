"""The document: undoable edits, validation, cascades and precise signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journeymapper.document import Document, EditError, Kind
from journeymapper.io import dumps, load


@pytest.fixture
def doc(qtbot: QtBot) -> Document:
    document = Document()
    document.create(Kind.PERSONA, id="p1", name="Busy parent")
    document.create(Kind.TOUCHPOINT, id="t1", name="Website", stage_id="awareness",
                    lane_id="touchpoints", persona_ids=["p1"], scores={"reach": 4})
    document.create(Kind.TOUCHPOINT, id="t2", name="Checkout", stage_id="purchase",
                    lane_id="touchpoints")
    document.create(Kind.LINK, id="k1", source_id="t1", target_id="t2", persona_id="p1")
    document.undo_stack.clear()
    return document


def undo_all_redo_all(doc: Document, before: bytes) -> None:
    after = dumps(doc.project)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dumps(doc.project) == before
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert dumps(doc.project) == after


def test_edit_is_one_undo_step_and_refuses_bad_values(doc: Document) -> None:
    before = dumps(doc.project)
    assert doc.edit(Kind.TOUCHPOINT, "t1", budget="120.5")
    assert str(doc.get(Kind.TOUCHPOINT, "t1").budget) == "120.50"
    for field, value, message in [("budget", -5, "budget: must be >= 0, got -5"),
                                  ("name", "  ", "name: must not be empty"),
                                  ("deadline", "2026-02-30", "deadline: "),
                                  ("stage_id", "nope", "stage_id: unknown stage 'nope'")]:
        with pytest.raises(EditError, match=message):
            doc.edit(Kind.TOUCHPOINT, "t1", **{field: value})
    assert doc.undo_stack.count() == 1
    assert not doc.edit(Kind.TOUCHPOINT, "t1", budget="120.50")
    undo_all_redo_all(doc, before)


def test_typing_merges_into_one_step(doc: Document) -> None:
    for text in ("W", "We", "Web"):
        doc.edit(Kind.TOUCHPOINT, "t1", merge=True, name=text)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.get(Kind.TOUCHPOINT, "t1").name == "Website"


def test_removing_a_stage_cascades_and_undo_restores(doc: Document) -> None:
    before = dumps(doc.project)
    doc.remove([(Kind.STAGE, "awareness")])
    assert [t.id for t in doc.project.touchpoints] == ["t2"]
    assert doc.project.links == []
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Delete 'Awareness' and 2 dependent items"
    undo_all_redo_all(doc, before)


def test_removing_a_persona_clears_it_from_touchpoints(doc: Document) -> None:
    before = dumps(doc.project)
    doc.remove([(Kind.PERSONA, "p1")])
    assert doc.get(Kind.TOUCHPOINT, "t1").persona_ids == []
    assert doc.project.links == []
    undo_all_redo_all(doc, before)


def test_last_stage_cannot_be_removed(doc: Document) -> None:
    with pytest.raises(EditError, match="at least one stage"):
        doc.remove([(Kind.STAGE, s.id) for s in doc.project.stages])


def test_links_are_checked(doc: Document) -> None:
    with pytest.raises(EditError, match="already linked"):
        doc.create(Kind.LINK, source_id="t1", target_id="t2", persona_id="p1")
    with pytest.raises(EditError, match="its own source"):
        doc.create(Kind.LINK, source_id="t1", target_id="t1")


def test_a_link_moved_elsewhere_frees_the_flow_it_had(doc: Document) -> None:
    (link,) = doc.project.links
    flow = (link.source_id, link.target_id, link.persona_id)
    doc.edit(Kind.LINK, link.id, persona_id=None)
    new = doc.create(Kind.LINK, source_id=flow[0], target_id=flow[1], persona_id=flow[2])
    with pytest.raises(EditError, match="already linked"):  # the edited one holds this flow
        doc.create(Kind.LINK, source_id=flow[0], target_id=flow[1])
    doc.undo_stack.undo()  # the new link goes: the flow is free again...
    assert doc.find(Kind.LINK, new) is None
    doc.undo_stack.undo()  # ... and the link takes it back
    assert doc.links_joining(flow) == {link.id}
    assert doc.links_joining((flow[0], flow[1], None)) == set()
    doc.remove([(Kind.LINK, link.id)])
    assert doc.links_joining(flow) == set()


def test_move_cards_and_multi_edit_are_single_steps(doc: Document) -> None:
    before = dumps(doc.project)
    doc.move_cards({(Kind.TOUCHPOINT, "t1"): ("loyalty", "backstage", 10, 20),
                    (Kind.TOUCHPOINT, "t2"): ("loyalty", "backstage", 240, 20)})
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Move 2 cards"
    assert doc.edit_many(Kind.TOUCHPOINT, ["t1", "t2"], owner="Ana") == 2
    assert doc.undo_stack.count() == 2
    assert {t.owner for t in doc.project.touchpoints} == {"Ana"}
    doc.reorder(Kind.STAGE, "loyalty", 0)
    assert doc.project.stages[0].id == "loyalty"
    undo_all_redo_all(doc, before)


def test_signals_name_exactly_what_changed(doc: Document, qtbot: QtBot) -> None:
    with qtbot.waitSignal(doc.item_changed) as blocker:
        doc.edit(Kind.TOUCHPOINT, "t2", owner="Bram", budget=0)
    assert blocker.args == ["touchpoint", "t2", ["owner"]]
    with qtbot.assertNotEmitted(doc.item_changed):
        doc.edit(Kind.TOUCHPOINT, "t2", owner="Bram")
    with qtbot.waitSignal(doc.item_removed) as removed:
        doc.undo_stack.undo()
        doc.remove([(Kind.LINK, "k1")])
    assert removed.args == ["link", "k1"]


def test_project_fields_are_undoable(doc: Document) -> None:
    doc.edit("project", title="Crumb & Co.")
    doc.edit("business", currency="GBP")
    with pytest.raises(EditError, match="currency"):
        doc.edit("business", currency="pounds")
    assert doc.project.title == "Crumb & Co." and doc.project.business.currency == "GBP"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.title == "Untitled journey" and doc.project.business.currency == "EUR"


def test_modified_flag_and_save(doc: Document, tmp_path: Path, qtbot: QtBot) -> None:
    assert not doc.is_modified
    with qtbot.waitSignal(doc.modified_changed) as flag:
        doc.edit(Kind.TOUCHPOINT, "t1", owner="Ana")
    assert flag.args == [True]
    with qtbot.waitSignal(doc.path_changed):
        doc.save(tmp_path / "map.json")
    assert not doc.is_modified
    assert load(tmp_path / "map.json") == doc.project
    doc.replace_project(load(tmp_path / "map.json"), tmp_path / "map.json", modified=True)
    assert doc.is_modified and doc.undo_stack.count() == 0
