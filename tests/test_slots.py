"""Free slots for new and moved cards: the first slot clear of the cell's cards, many at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, NOTE_HEIGHT, NOTE_WIDTH, PADDING, Rect
from journeymapper.model import Note, Project, Stage, Touchpoint, new_project
from journeymapper.slots import FreeSlots, free_slot

CELL = ("awareness", "touchpoints")


def reference_slot(project: Project, cell: tuple[str, str], width: float,
                   height: float) -> tuple[float, float]:
    """The rule at its plainest: each slot in reading order against every card of the cell."""
    stage = next(s for s in project.stages if s.id == cell[0])
    taken = [Rect(max(t.x, 0), max(t.y, 0), CARD_WIDTH, CARD_HEIGHT)
             for t in project.touchpoints if (t.stage_id, t.lane_id) == cell]
    taken += [Rect(max(n.x, 0), max(n.y, 0), NOTE_WIDTH, NOTE_HEIGHT)
              for n in project.notes if (n.stage_id, n.lane_id) == cell]
    per_row = max(1, int((stage.width - PADDING) // (width + PADDING)))
    slot = 0
    while True:
        col, row = slot % per_row, slot // per_row
        candidate = Rect(PADDING + col * (width + PADDING), PADDING + row * (height + PADDING),
                         width, height)
        if not any(candidate.intersects(r) for r in taken):
            return (candidate.x, candidate.y)
        slot += 1


def add(project: Project, i: int, x: float, y: float, is_note: bool,
        cell: tuple[str, str] = CELL) -> None:
    if is_note:
        project.notes.append(Note(id=f"n{i}", text="n", stage_id=cell[0], lane_id=cell[1],
                                  x=x, y=y))
    else:
        project.touchpoints.append(Touchpoint(id=f"c{i}", name="c", stage_id=cell[0],
                                              lane_id=cell[1], x=x, y=y))


def test_free_slot_skips_taken_places() -> None:
    project = new_project()
    first = free_slot(project, *CELL)
    assert first == (PADDING, PADDING)
    add(project, 0, *first, False)
    second = free_slot(project, *CELL)
    assert not Rect(*first, CARD_WIDTH, CARD_HEIGHT).intersects(
        Rect(*second, CARD_WIDTH, CARD_HEIGHT))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(-50, 700), st.floats(-50, 900), st.booleans()),
                max_size=12),
       st.sampled_from([280.0, 442.0, 900.0]),
       st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=12))
def test_slots_handed_out_one_after_another_are_the_ones_sought_afresh_each_time(
        cards: list[tuple[float, float, bool]], width: float,
        asks: list[tuple[bool, bool]]) -> None:
    """Cards and notes asked for in any order, in one cell or its neighbour."""
    project = new_project()
    project.stages[0] = Stage(id="awareness", name="A", width=width)
    for i, (x, y, is_note) in enumerate(cards):
        add(project, i, x, y, is_note)
    slots = FreeSlots.of(project)
    other = ("consideration", "touchpoints")
    for i, (is_note, elsewhere) in enumerate(asks):
        cell = other if elsewhere else CELL
        size = (NOTE_WIDTH, NOTE_HEIGHT) if is_note else (CARD_WIDTH, CARD_HEIGHT)
        expected = reference_slot(project, cell, *size)
        assert slots.take(cell, *size) == expected
        add(project, 100 + i, *expected, is_note, cell)


def test_cards_that_leave_free_their_places() -> None:
    project = new_project()
    add(project, 0, PADDING, PADDING, False)
    add(project, 1, PADDING, PADDING + CARD_HEIGHT + PADDING, False)
    assert FreeSlots.of(project).take(CELL) == reference_slot(project, CELL, CARD_WIDTH,
                                                              CARD_HEIGHT) != (PADDING, PADDING)
    assert FreeSlots.of(project, leaving={"c0"}).take(CELL) == (PADDING, PADDING)
