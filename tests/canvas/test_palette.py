"""Dropping palette entries onto the map creates items where they were dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from journeymapper.document import Kind
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH
from journeymapper.model import Channel
from journeymapper.ui.canvas.palette import ENTRIES, PALETTE_MIME, Entry, PaletteList
from tests.canvas.helpers import dump, vp


def drop(view, entry, x, y):
    pos = QPointF(vp(view, x, y))
    mime = entry.mime_data()
    for kind in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

        cls = QDragEnterEvent if kind == QDropEvent.Type.DragEnter else QDragMoveEvent
        event = cls(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def test_palette_lists_every_kind_and_channel(qtbot):
    palette = PaletteList()
    qtbot.addWidget(palette)
    entries = [palette.entry(i) for i in range(palette.count())]
    assert entries == list(ENTRIES)
    assert {e.channel for e in entries if e.kind is Kind.TOUCHPOINT} == set(Channel)
    mime = palette.mimeData([palette.item(4)])
    assert mime.hasFormat(PALETTE_MIME)
    assert Entry.from_json(bytes(mime.data(PALETTE_MIME).data()).decode()) == entries[4]


def test_drop_a_touchpoint_lands_in_the_cell_at_that_position(doc, scene, view):
    before = dump(doc)
    cell = scene.map_layout().cells[("experience", "pain-points")]
    drop(view, Entry(Kind.TOUCHPOINT, Channel.EMAIL), cell.x + 20 + CARD_WIDTH / 2,
         cell.y + 30 + CARD_HEIGHT / 2)
    tp = doc.project.touchpoints[-1]
    assert (tp.stage_id, tp.lane_id, tp.channel) == ("experience", "pain-points", Channel.EMAIL)
    assert (round(tp.x), round(tp.y)) == (20, 30)
    assert tp.id in scene.cards
    assert view.editor is not None  # ready to be named
    view.editor.finish(False)
    doc.undo_stack.undo()
    assert dump(doc) == before


def test_drop_a_note(doc, scene, view):
    cell = scene.map_layout().cells[("awareness", "opportunities")]
    drop(view, Entry(Kind.NOTE), *cell.center)
    assert doc.project.notes[-1].lane_id == "opportunities"


@pytest.mark.parametrize(("gap", "index"), [(0, 0), (2, 2), (5, 5)])
def test_drop_a_stage_between_columns_inserts_it_there(doc, scene, view, gap, index):
    layout = scene.map_layout()
    stages = [s.id for s in doc.project.stages]
    x = layout.columns[stages[gap]].x + 5 if gap < len(stages) else layout.width - 5
    drop(view, Entry(Kind.STAGE), x, 40)
    assert doc.project.stages[index].name == "New stage"
    assert len(doc.project.stages) == 6


def test_drop_a_lane_between_rows(doc, scene, view):
    row = scene.map_layout().rows["emotions"]
    drop(view, Entry(Kind.LANE), 300, row.y + 10)
    assert [ln.name for ln in doc.project.lanes][2] == "New lane"


def test_drop_a_persona_creates_it(doc, view):
    drop(view, Entry(Kind.PERSONA), 500, 500)
    assert doc.project.personas[-1].name == "New persona"
    assert doc.project.personas[-1].color not in {"#e45756", "#4c78a8"}


def test_drop_a_card_outside_the_cells_is_reported(doc, view, qtbot):
    before = dump(doc)
    with qtbot.waitSignal(view.error_reported):
        drop(view, Entry(Kind.TOUCHPOINT, Channel.APP), 40, 40)
    assert dump(doc) == before
