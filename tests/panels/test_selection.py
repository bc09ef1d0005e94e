"""The shared selection: removed items leave it in one change per undo step."""

from __future__ import annotations

from journeymapper.document import Kind
from journeymapper.ui.panels.register import runs
from tests.panels.helpers import select


def test_deleting_selected_cards_changes_the_selection_once(doc, selection):
    ids = [tp.id for tp in doc.project.touchpoints]
    select(selection, *ids)
    seen: list[list[tuple[Kind, str]]] = []
    selection.changed.connect(lambda: seen.append(selection.items()))
    doc.remove([(Kind.TOUCHPOINT, i) for i in ids[1:]])
    assert seen == [[(Kind.TOUCHPOINT, ids[0])]]
    assert selection.items() == [(Kind.TOUCHPOINT, ids[0])]
    doc.undo_stack.undo()  # the cards come back, the selection stays as the user left it
    assert len(seen) == 1
    doc.remove([(Kind.TOUCHPOINT, ids[0])])
    assert seen[-1] == [] and selection.items() == []


def test_an_unselected_removal_changes_nothing(doc, selection):
    first, second = (tp.id for tp in doc.project.touchpoints[:2])
    select(selection, first)
    seen: list[bool] = []
    selection.changed.connect(lambda: seen.append(True))
    doc.remove([(Kind.TOUCHPOINT, second)])
    assert not seen and selection.items() == [(Kind.TOUCHPOINT, first)]


def test_runs_of_rows():
    assert list(runs([])) == []
    assert list(runs([4])) == [(4, 4)]
    assert list(runs([0, 1, 2, 5, 7, 8])) == [(0, 2), (5, 5), (7, 8)]
