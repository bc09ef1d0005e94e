"""Dot voting as document edits: a vote, a reset, and turning votes into importance scores.

Every function here is one user intent and one undo step. Votes live in the model
(``Touchpoint.votes``), so a crash during a workshop loses none and undo walks back vote by vote.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import ValidationError

from journeymapper.document import Document, EditError, Kind
from journeymapper.document.commands import SetFields
from journeymapper.document.document import field_adapter
from journeymapper.model import Project, Touchpoint
from journeymapper.model.fields import MAX_SHORT_LIST
from journeymapper.model.touchpoint import SCORE_MAX
from journeymapper.ui.canvas.search import fold

VOTES_CRITERION = "Workshop votes"
VOTES_CRITERION_NOTE = ("Dot votes from a workshop, scored 0-5 in proportion to the most-voted "
                        "touchpoint.")


@dataclass(frozen=True, slots=True)
class Budget:
    """How many dots the room has: participants times votes each."""

    participants: int = 8
    votes_each: int = 3

    @property
    def total(self) -> int:
        """Every dot of the room."""
        return max(0, self.participants) * max(0, self.votes_each)

    def remaining(self, project: Project) -> int:
        """Dots not yet on a card (never below zero)."""
        return max(0, self.total - total_votes(project))


def total_votes(project: Project) -> int:
    """Votes on every touchpoint together."""
    return sum(tp.votes for tp in project.touchpoints)


def cast_vote(doc: Document, tp_id: str, delta: int, budget: Budget | None = None) -> str:
    """Add (``delta`` > 0) or take back (< 0) votes on one touchpoint, as one undo step that
    never merges with the previous vote. Returns "" when done, otherwise why nothing changed
    (no dots left in the budget, no vote to take back)."""
    tp = doc.get(Kind.TOUCHPOINT, tp_id)
    if delta > 0 and budget is not None:
        left = budget.remaining(doc.project)
        if left <= 0:
            return f"No votes left: all {budget.total} dots are on the map"
        delta = min(delta, left)
    new = max(0, tp.votes + delta)
    if new == tp.votes:
        return f"'{tp.name}' has no vote to take back"
    doc.edit(Kind.TOUCHPOINT, tp_id, votes=new)
    return ""


def reset_votes(doc: Document) -> int:
    """Take every vote off the map as one undo step; returns how many cards had votes."""
    voted = [tp.id for tp in doc.project.touchpoints if tp.votes]
    doc.push_all("Reset votes", [SetFields(doc, Kind.TOUCHPOINT, i, {"votes": 0})
                                 for i in voted])
    return len(voted)


def vote_scores(project: Project) -> dict[str, int]:
    """Each touchpoint's score 0..5 from its votes: the most-voted gets 5, the others in
    proportion (rounded half up); any vote at all is worth at least 1. Empty without votes."""
    top = max((tp.votes for tp in project.touchpoints), default=0)
    if top <= 0:
        return {}
    return {tp.id: 0 if tp.votes == 0 else max(1, math.floor(SCORE_MAX * tp.votes / top + 0.5))
            for tp in project.touchpoints}


def apply_votes_to_importance(doc: Document, name: str = VOTES_CRITERION) -> int:
    """Score every touchpoint on the criterion ``name`` (created when missing) from its votes,
    as ONE undo step. Returns how many touchpoints changed; raises EditError when there is
    nothing to apply or the map cannot take another criterion."""
    project = doc.project
    scores = vote_scores(project)
    if not scores:
        raise EditError("No votes to apply yet: switch on Dot Voting and click cards")
    criterion = next((c for c in project.scoring.criteria if fold(c.name) == fold(name)), None)
    if criterion is None and len(project.scoring.criteria) >= MAX_SHORT_LIST:
        raise EditError(f"The map has {MAX_SHORT_LIST} criteria already; remove one first")
    criterion_id = criterion.id if criterion is not None else doc.fresh_id(Kind.CRITERION)
    planned = _planned_scores(project.touchpoints, criterion_id, scores)
    if criterion is not None and not planned:
        return 0
    doc.undo_stack.beginMacro("Apply votes to importance")
    try:
        if criterion is None:
            doc.create(Kind.CRITERION, id=criterion_id, name=name,
                       description=VOTES_CRITERION_NOTE)
        for tp_id, new in planned:
            doc.edit(Kind.TOUCHPOINT, tp_id, scores=new)
    finally:
        doc.undo_stack.endMacro()
    return len(planned)


def _planned_scores(touchpoints: list[Touchpoint], criterion_id: str,
                    scores: dict[str, int]) -> list[tuple[str, dict[str, int]]]:
    """The new ``scores`` of each touchpoint that changes, checked before anything is pushed
    so that a refused value never leaves half an undo step behind."""
    adapter = field_adapter(Touchpoint, "scores")
    planned: list[tuple[str, dict[str, int]]] = []
    for tp in touchpoints:
        new = {**tp.scores, criterion_id: scores.get(tp.id, 0)}
        if new == tp.scores:
            continue
        try:
            adapter.validate_python(new)
        except ValidationError:
            raise EditError(f"'{tp.name}' has too many scores for another criterion") from None
        planned.append((tp.id, new))
    return planned
