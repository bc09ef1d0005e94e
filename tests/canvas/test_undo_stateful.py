"""Random edits through the document with a scene attached: every undo step returns the exact
bytes of that point in history, undo-all the original and redo-all the final map, and the
scene always mirrors the model."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from journeymapper.document import Document, EditError, Kind
from journeymapper.document.map_json import MapJson
from journeymapper.io import parse
from journeymapper.model import Channel
from journeymapper.ui.canvas import MapScene, intents
from tests.canvas.helpers import dump, sample_project

names = st.text(alphabet="abcdefgh XYZ", min_size=1, max_size=12).filter(str.strip)
offsets = st.integers(0, 300).map(float)


class DocumentMachine(RuleBasedStateMachine):
    """Edits of every command kind, with undo and redo in between."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = Document(sample_project())
        self.scene = MapScene(self.doc, today=dt.date(2024, 6, 1))
        self.map_json = MapJson(self.doc)  # what the analysis child is sent
        self.states = [dump(self.doc)]

    def teardown(self) -> None:
        self.scene.clear()
        self.scene.deleteLater()

    # ----- helpers -------------------------------------------------------------------------
    def pushed(self) -> None:
        """Record the bytes of the new top of history."""
        index = self.doc.undo_stack.index()
        del self.states[index:]
        self.states.append(dump(self.doc))
        assert len(self.states) == index + 1

    def attempt(self, action) -> None:
        count = self.doc.undo_stack.count(), self.doc.undo_stack.index()
        try:
            action()
        except EditError:
            assert (self.doc.undo_stack.count(), self.doc.undo_stack.index()) == count
            return
        if self.doc.undo_stack.index() != count[1] or self.doc.undo_stack.count() != count[0]:
            self.pushed()

    def pick(self, data, items):
        return data.draw(st.sampled_from(items)) if items else None

    def cell(self, data):
        p = self.doc.project
        return (self.pick(data, [s.id for s in p.stages]),
                self.pick(data, [ln.id for ln in p.lanes]))

    # ----- rules ---------------------------------------------------------------------------
    @rule(data=st.data(), name=names, channel=st.sampled_from(Channel))
    def add_touchpoint(self, data, name, channel):
        cell = self.cell(data)
        self.attempt(lambda: intents.add_touchpoint(self.doc, cell, name, channel))

    @rule(data=st.data(), text=names)
    def add_note(self, data, text):
        cell = self.cell(data)
        self.attempt(lambda: intents.add_note(self.doc, cell, text))

    @rule(index=st.integers(0, 6), name=names)
    def add_stage(self, index, name):
        self.attempt(lambda: intents.add_stage(self.doc, index, name))

    @rule(name=names)
    def add_persona(self, name):
        self.attempt(lambda: intents.add_persona(self.doc, name))

    @precondition(lambda self: self.doc.project.touchpoints)
    @rule(data=st.data(), name=names, emotion=st.integers(-2, 2))
    def edit_touchpoint(self, data, name, emotion):
        tp = self.pick(data, self.doc.project.touchpoints)
        personas = data.draw(st.lists(st.sampled_from([p.id for p in self.doc.project.personas]
                                                      or ["none"]), unique=True, max_size=2))
        personas = [p for p in personas if self.doc.find(Kind.PERSONA, p)]
        self.attempt(lambda: self.doc.edit(Kind.TOUCHPOINT, tp.id, name=name, emotion=emotion,
                                           persona_ids=personas))

    @rule(data=st.data(), width=st.integers(120, 600))
    def resize_stage(self, data, width):
        stage = self.pick(data, self.doc.project.stages)
        self.attempt(lambda: self.doc.edit(Kind.STAGE, stage.id, width=width))

    @rule(data=st.data(), height=st.integers(60, 400))
    def resize_lane(self, data, height):
        lane = self.pick(data, self.doc.project.lanes)
        self.attempt(lambda: self.doc.edit(Kind.LANE, lane.id, height=height))

    @precondition(lambda self: self.doc.project.touchpoints or self.doc.project.notes)
    @rule(data=st.data(), x=offsets, y=offsets)
    def move_cards(self, data, x, y):
        cards = [(Kind.TOUCHPOINT, t.id) for t in self.doc.project.touchpoints]
        cards += [(Kind.NOTE, n.id) for n in self.doc.project.notes]
        picked = data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3, unique=True))
        cell = self.cell(data)
        self.attempt(lambda: self.doc.move_cards({ref: (*cell, x, y) for ref in picked}))

    @rule(data=st.data(), kind=st.sampled_from([Kind.STAGE, Kind.LANE, Kind.PERSONA]))
    def reorder(self, data, kind):
        items = {Kind.STAGE: self.doc.project.stages, Kind.LANE: self.doc.project.lanes,
                 Kind.PERSONA: self.doc.project.personas}[kind]
        if items:
            item = self.pick(data, items)
            index = data.draw(st.integers(0, len(items) - 1))
            self.attempt(lambda: self.doc.reorder(kind, item.id, index))

    @precondition(lambda self: len(self.doc.project.touchpoints) >= 2)
    @rule(data=st.data())
    def link(self, data):
        ids = [t.id for t in self.doc.project.touchpoints]
        pair = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        self.attempt(lambda: intents.link_chain(self.doc, pair))

    @rule(data=st.data(), kind=st.sampled_from([Kind.TOUCHPOINT, Kind.NOTE, Kind.LINK,
                                                Kind.STAGE, Kind.LANE, Kind.PERSONA]))
    def remove(self, data, kind):
        items = {Kind.TOUCHPOINT: self.doc.project.touchpoints, Kind.NOTE: self.doc.project.notes,
                 Kind.LINK: self.doc.project.links, Kind.STAGE: self.doc.project.stages,
                 Kind.LANE: self.doc.project.lanes, Kind.PERSONA: self.doc.project.personas}[kind]
        if items:
            item = self.pick(data, items)
            self.attempt(lambda: self.doc.remove([(kind, item.id)]))

    @precondition(lambda self: self.doc.project.touchpoints or self.doc.project.notes)
    @rule(data=st.data())
    def duplicate(self, data):
        cards = [(Kind.TOUCHPOINT, t.id) for t in self.doc.project.touchpoints]
        cards += [(Kind.NOTE, n.id) for n in self.doc.project.notes]
        picked = data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3, unique=True))
        self.attempt(lambda: intents.duplicate(self.doc, picked))

    @rule(steps=st.integers(1, 3))
    def undo(self, steps):
        for _ in range(steps):
            self.doc.undo_stack.undo()
        assert dump(self.doc) == self.states[self.doc.undo_stack.index()]

    @rule(steps=st.integers(1, 3))
    def redo(self, steps):
        for _ in range(steps):
            self.doc.undo_stack.redo()
        assert dump(self.doc) == self.states[self.doc.undo_stack.index()]

    # ----- invariants ----------------------------------------------------------------------
    @invariant()
    def scene_mirrors_the_model(self):
        p, scene = self.doc.project, self.scene
        layout = scene.map_layout()
        assert set(scene.headers) == {s.id for s in p.stages}
        assert set(scene.lanes) == {ln.id for ln in p.lanes}
        assert set(scene.cards) == {t.id for t in p.touchpoints}
        assert set(scene.notes) == {n.id for n in p.notes}
        assert set(scene.links) == {ln.id for ln in p.links}
        flows: dict[tuple, set[str]] = {}  # the document's index of what each link joins
        for ln in p.links:
            flows.setdefault((ln.source_id, ln.target_id, ln.persona_id), set()).add(ln.id)
        assert {f: ids for f, ids in self.doc._flows.items() if ids} == flows
        assert parse(self.map_json.compact(), "sent") == p.model_copy(update={"versions": []})
        for tp in p.touchpoints:
            card = scene.cards[tp.id]
            assert (card.x(), card.y()) == (layout.cards[tp.id].x, layout.cards[tp.id].y)
            assert card.content().name == tp.name
        for stage in p.stages:
            assert scene.headers[stage.id].x() == layout.headers[stage.id].x
        assert len(scene.curves) == max(1, len(p.personas))

    def check_history(self):
        stack = self.doc.undo_stack
        final = self.states[-1]
        while stack.canUndo():
            stack.undo()
        assert dump(self.doc) == self.states[0]
        while stack.canRedo():
            stack.redo()
        assert dump(self.doc) == final


def test_undo_all_and_redo_all_restore_the_exact_bytes(qapp):
    class Checked(DocumentMachine):
        def teardown(self):
            self.check_history()
            super().teardown()

    run_state_machine_as_test(Checked, settings=settings(
        max_examples=10, stateful_step_count=15, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
