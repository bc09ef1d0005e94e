"""The speed-ups keep behaviour: the incremental layout equals compute_layout, and the scene,
updating only what moved, ends where a full relayout would put everything."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.document import Document, Kind
from journeymapper.layout import LiveLayout, compute_layout, link_line
from journeymapper.model import Note, Touchpoint

# (what, card index, stage index, lane index, x, y)
steps = st.lists(st.tuples(st.sampled_from(["move", "add", "remove", "note"]),
                           st.integers(0, 1000), st.integers(0, 4), st.integers(0, 5),
                           st.sampled_from([0.0, 14.0, 228.0, 700.0, 1500.0]),
                           st.sampled_from([0.0, 14.0, 128.0, 900.0, 3000.0])),
                 min_size=1, max_size=12)


def _apply(project, step, n):
    what, index, s, ln, x, y = step
    stage, lane = project.stages[s].id, project.lanes[ln].id
    if what == "move" and project.touchpoints:
        tp = project.touchpoints[index % len(project.touchpoints)]
        tp.stage_id, tp.lane_id, tp.x, tp.y = stage, lane, x, y
        return {tp.id: tp}, {}
    if what == "add":
        tp = Touchpoint(id=f"new-{n}", name="New", stage_id=stage, lane_id=lane, x=x, y=y)
        project.touchpoints.insert(index % (len(project.touchpoints) + 1), tp)
        return {tp.id: tp}, {}
    if what == "remove" and project.touchpoints:
        tp = project.touchpoints.pop(index % len(project.touchpoints))
        project.links = [k for k in project.links if tp.id not in (k.source_id, k.target_id)]
        return {tp.id: None}, {}
    note = Note(id=f"note-new-{n}", text="Idea", stage_id=stage, lane_id=lane, x=x, y=y)
    project.notes.append(note)
    return {}, {note.id: note}


@settings(max_examples=60, deadline=None)
@given(steps)
def test_live_layout_equals_compute_layout(ops) -> None:
    project = synthetic_project(40)
    live = LiveLayout()
    live.full(project)
    for n, step in enumerate(ops):
        before = live.layout
        touchpoints, notes = _apply(project, step, n)
        layout, changed = live.update(project, touchpoints, notes)
        expected = compute_layout(project)
        assert layout == expected
        assert list(layout.cards) == list(expected.cards)
        if changed is not None:
            assert changed == {i for i in {*before.cards, *expected.cards}
                               if before.cards.get(i) != expected.cards.get(i)} | {
                i for i in {*before.notes, *expected.notes}
                if before.notes.get(i) != expected.notes.get(i)}


def _assert_scene_matches_model(scene) -> None:
    layout = compute_layout(scene.document.project)
    assert scene.map_layout() == layout
    for tp_id, card in scene.cards.items():
        rect = layout.cards[tp_id]
        assert (card.x(), card.y()) == (rect.x, rect.y), tp_id
    for note_id, note in scene.notes.items():
        rect = layout.notes[note_id]
        assert (note.x(), note.y()) == (rect.x, rect.y), note_id
    for link in scene.document.project.links:
        (x1, y1), (x2, y2) = link_line(layout.cards[link.source_id],
                                       layout.cards[link.target_id])
        line = scene.links[link.id].line()
        assert (line.x1(), line.y1(), line.x2(), line.y2()) == (x1, y1, x2, y2), link.id


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 4), st.integers(0, 2),
                          st.sampled_from([0.0, 14.0, 442.0, 1200.0]),
                          st.sampled_from([0.0, 14.0, 242.0, 2000.0]),
                          st.sampled_from(["move", "add", "remove", "undo"])),
                min_size=1, max_size=8))
def test_scene_after_edits_matches_a_full_layout(qtbot, ops) -> None:
    from journeymapper.ui.canvas import MapScene

    doc = Document(synthetic_project(45))
    scene = MapScene(doc, today=dt.date(2026, 11, 23))
    lanes = [ln.id for ln in doc.project.lanes]
    try:
        for index, s, ln, x, y, what in ops:
            tps = doc.project.touchpoints
            stage = doc.project.stages[s].id
            if what == "move" and tps:
                tp = tps[index % len(tps)]
                doc.move_cards({(Kind.TOUCHPOINT, tp.id): (stage, lanes[ln], x, y)})
            elif what == "add":
                doc.create(Kind.TOUCHPOINT, name="Added", stage_id=stage, lane_id=lanes[ln],
                           x=x, y=y)
            elif what == "remove" and tps:
                doc.remove([(Kind.TOUCHPOINT, tps[index % len(tps)].id)])
            elif doc.undo_stack.canUndo():
                doc.undo_stack.undo()
            _assert_scene_matches_model(scene)
    finally:
        scene.clear()
