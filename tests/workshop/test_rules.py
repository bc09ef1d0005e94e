"""The rules under the workshop tools, without a window: matching, vote scores, stage frames."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeymapper import io
from journeymapper.document import Document, Kind
from journeymapper.layout import compute_layout
from journeymapper.model import Touchpoint
from journeymapper.ui.canvas.presentation import stage_frame
from journeymapper.ui.canvas.search import find_cards, fold
from journeymapper.ui.canvas.vote_intents import Budget, cast_vote, vote_scores
from tests.canvas.helpers import sample_project
from tests.workshop.conftest import BAKERY


def test_fold_ignores_case_and_accents():
    assert fold("Crème BRÛLÉE Ångström") == "creme brulee angstrom"


def test_cards_are_found_in_reading_order():
    project = sample_project()
    layout = compute_layout(project)
    found = find_cards(project, layout, "card")
    stages = [s.id for s in project.stages]
    keys = [(stages.index(project.touchpoints[int(i[2:])].stage_id),
             layout.cards[i].y) for _, i in found]
    assert keys == sorted(keys)
    assert len(found) == len(project.touchpoints)
    assert find_cards(project, layout, "   ") == []
    assert find_cards(project, layout, "queue at") == [(Kind.NOTE, "n1")]


def test_vote_scores_are_proportional_and_any_vote_counts():
    project = sample_project()
    for tp, votes in zip(project.touchpoints, (10, 5, 1, 0, 3, 0, 0), strict=True):
        tp.votes = votes
    scores = vote_scores(project)
    assert [scores[tp.id] for tp in project.touchpoints] == [5, 3, 1, 0, 2, 0, 0]
    for tp in project.touchpoints:
        tp.votes = 0
    assert vote_scores(project) == {}


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=12))
def test_vote_scores_stay_in_range_and_keep_the_order(votes):
    project = sample_project()
    project.touchpoints = [Touchpoint(id=f"t{i}", name="x", stage_id=project.stages[0].id,
                                      lane_id=project.lanes[0].id, votes=v)
                           for i, v in enumerate(votes)]
    scores = vote_scores(project)
    if max(votes) == 0:
        assert scores == {}
        return
    by_votes = sorted(project.touchpoints, key=lambda tp: tp.votes)
    assert all(0 <= scores[tp.id] <= 5 for tp in by_votes)
    assert [scores[tp.id] for tp in by_votes] == sorted(scores[tp.id] for tp in by_votes)
    assert all((scores[tp.id] > 0) == (tp.votes > 0) for tp in by_votes)


def test_budget_never_goes_negative():
    project = sample_project()
    project.touchpoints[0].votes = 50
    assert Budget(2, 3).total == 6
    assert Budget(2, 3).remaining(project) == 0


def test_cast_vote_refuses_past_the_budget_and_below_zero(qapp):
    doc = Document(sample_project())
    budget = Budget(1, 1)
    assert cast_vote(doc, "tp0", 1, budget) == ""
    assert "No votes left" in cast_vote(doc, "tp1", 1, budget)
    assert "no vote to take back" in cast_vote(doc, "tp1", -1, budget)
    assert doc.undo_stack.count() == 1


def test_stage_frame_leaves_out_empty_lanes_below_the_last_card():
    project = io.load(BAKERY)
    layout = compute_layout(project)
    for stage in project.stages:
        frame = stage_frame(project, layout, stage.id)
        column = layout.columns[stage.id]
        assert (frame.x, frame.y, frame.w) == (column.x, column.y, column.w)
        assert frame.bottom <= column.bottom
        for tp in project.touchpoints:
            if tp.stage_id == stage.id:
                assert layout.cards[tp.id].bottom <= frame.bottom
    loyalty = project.stages[-1].id  # nothing in its backstage lane
    assert stage_frame(project, layout, loyalty).bottom < layout.columns[loyalty].bottom
