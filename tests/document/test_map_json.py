"""MapJson: the map as the analysis child is sent it, kept up to date item by item."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from journeymapper.document import Document, Kind
from journeymapper.document.map_json import MapJson
from journeymapper.io import parse
from journeymapper.model import Project
from tests.living_map.helpers import living_project
from tests.living_map.test_versions_model import with_version


def as_sent(project: Project) -> Project:
    return project.model_copy(update={"versions": []})


def test_the_map_is_sent_as_it_is_without_its_stored_versions(qtbot: QtBot) -> None:
    doc = Document(with_version(living_project()))
    assert doc.project.versions
    sent = MapJson(doc)
    assert b"\n" not in sent.compact()
    assert parse(sent.compact(), "sent") == as_sent(doc.project)


def test_each_edit_is_in_what_is_sent_next(qtbot: QtBot) -> None:
    doc = Document(living_project())
    sent = MapJson(doc)
    sent.compact()  # every item dumped once
    first = doc.project.touchpoints[0]
    doc.edit(Kind.TOUCHPOINT, first.id, name="Renamed")
    link = doc.project.links[0]
    doc.remove([(Kind.LINK, link.id)])
    doc.create(Kind.NOTE, stage_id=first.stage_id, lane_id=first.lane_id, text="New idea")
    doc.reorder(Kind.STAGE, doc.project.stages[0].id, 1)
    doc.edit("project", "", title="Another title")
    again = parse(sent.compact(), "sent")
    assert again == as_sent(doc.project) and again.touchpoints[0].name == "Renamed"
    doc.undo_stack.setIndex(0)  # the removed link comes back, the same object as before
    assert parse(sent.compact(), "sent") == as_sent(doc.project)
    doc.replace_project(with_version(living_project()))
    assert parse(sent.compact(), "sent") == as_sent(doc.project)
