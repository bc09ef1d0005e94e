"""Version commands on the document: switch, save a copy, rename, delete; undo is exact."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from journeymapper.document import Document, EditError, Kind
from journeymapper.document import versions as ops
from journeymapper.io import dumps, parse
from journeymapper.model import find_problems
from tests.living_map.helpers import living_project


@pytest.fixture
def doc(qtbot: QtBot) -> Document:
    document = Document(living_project())
    yield document
    document.undo_stack.clear()


def undo_redo_exact(doc: Document, before: bytes) -> None:
    after = dumps(doc.project)
    doc.undo_stack.undo()
    assert dumps(doc.project) == before
    doc.undo_stack.redo()
    assert dumps(doc.project) == after


def test_save_copy_then_switch_edit_and_undo_everything(doc: Document, qtbot: QtBot) -> None:
    start = dumps(doc.project)
    version_id = ops.save_as_version(doc, "To-be 2027")
    undo_redo_exact(doc, start)
    assert doc.undo_stack.text(0) == "Save version 'To-be 2027'"
    saved = dumps(doc.project)
    with qtbot.waitSignal(doc.project_replaced):
        assert ops.switch_version(doc, version_id)
    p = doc.project
    assert (p.version_id, p.version_name) == (version_id, "To-be 2027")
    assert [v.name for v in p.versions] == ["Current map"]
    assert doc.find(Kind.TOUCHPOINT, "tp-site") is not None  # the index follows the swap
    undo_redo_exact(doc, saved)
    # Edit the to-be map: the stored as-is keeps its own copy.
    doc.edit(Kind.TOUCHPOINT, "tp-site", name="New website")
    doc.remove([(Kind.TOUCHPOINT, "tp-flyer")])
    assert p.versions[0].touchpoints[0].name == "Website"
    edited = dumps(doc.project)
    ops.switch_version(doc, "version-1")
    assert doc.get(Kind.TOUCHPOINT, "tp-site").name == "Website"
    assert doc.find(Kind.TOUCHPOINT, "tp-flyer") is not None
    undo_redo_exact(doc, edited)
    assert find_problems(doc.project) == []
    assert dumps(parse(dumps(doc.project))) == dumps(doc.project)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dumps(doc.project) == start


def test_rename_and_delete(doc: Document) -> None:
    version_id = ops.save_as_version(doc, "To-be")
    before = dumps(doc.project)
    assert ops.rename_version(doc, version_id, "  To-be Q3 ")
    assert doc.project.versions[0].name == "To-be Q3"
    undo_redo_exact(doc, before)
    assert not ops.rename_version(doc, version_id, "To-be Q3")
    assert ops.rename_version(doc, doc.project.version_id, "As-is 2026")
    assert doc.project.version_name == "As-is 2026"
    before = dumps(doc.project)
    ops.delete_version(doc, version_id)
    assert doc.project.versions == []
    undo_redo_exact(doc, before)
    with pytest.raises(EditError, match="active version cannot be deleted"):
        ops.delete_version(doc, doc.project.version_id)
    with pytest.raises(EditError, match="needs a name"):
        ops.rename_version(doc, version_id, "   ")
    with pytest.raises(EditError, match="no version"):
        ops.switch_version(doc, "version-nope")


def test_removing_a_shared_persona_or_criterion_cleans_stored_versions(doc: Document) -> None:
    ops.save_as_version(doc, "To-be")
    before = dumps(doc.project)
    doc.remove([(Kind.PERSONA, "p-parent"), (Kind.CRITERION, "reach")])
    assert doc.undo_stack.count() == 2  # save + one removal step
    stored = doc.project.versions[0]
    assert stored.touchpoints[0].persona_ids == [] and "reach" not in stored.touchpoints[0].scores
    assert stored.links == []  # the link was for the removed persona
    assert find_problems(doc.project) == []
    undo_redo_exact(doc, before)


def test_too_many_versions_are_refused(doc: Document) -> None:
    from journeymapper.model.version import MAX_VERSIONS

    for i in range(MAX_VERSIONS):
        ops.save_as_version(doc, f"v{i}")
    with pytest.raises(EditError, match="at most"):
        ops.save_as_version(doc, "one more")
