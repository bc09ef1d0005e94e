"""Priorities: importance-performance analysis of every touchpoint and a ranked action list.

The scores come from the model's rules (``Project.importance``, ``performance_percent``,
``performance_gap``, ``priority``, ``quadrant``) so the analysis and the inspector agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from journeymapper.analysis.rollups import money_json
from journeymapper.model import (
    Project,
    Quadrant,
    Status,
    Touchpoint,
    performance_gap,
    performance_percent,
    priority,
    quadrant,
)


class TouchpointScore(NamedTuple):
    """Importance, performance (both 0..100), gap, priority and quadrant of one touchpoint.

    A named tuple rather than a frozen dataclass: there is one per touchpoint, and a frozen
    dataclass took several times longer to build, which showed on 10,000-touchpoint maps.
    """

    touchpoint_id: str
    order: int
    importance: float
    performance: float
    gap: float
    priority: float
    quadrant: Quadrant
    budget: Decimal
    spent: Decimal
    status: Status

    def to_json(self) -> dict[str, Any]:
        """Scores as numbers, quadrant as its value, money as ``"1234.50"`` strings."""
        return {
            "touchpoint_id": self.touchpoint_id,
            "importance": self.importance,
            "performance": round(self.performance, 1),
            "gap": round(self.gap, 1),
            "priority": self.priority,
            "quadrant": self.quadrant.value,
            "budget": money_json(self.budget),
            "spent": money_json(self.spent),
        }


def score(project: Project, tp: Touchpoint, order: int = 0,
          importance: float | None = None) -> TouchpointScore:
    """The importance-performance scores of one touchpoint (``importance``: its importance,
    when known)."""
    if importance is None:
        importance = project.importance(tp)
    return TouchpointScore(
        touchpoint_id=tp.id,
        order=order,
        importance=importance,
        performance=performance_percent(tp),
        gap=performance_gap(importance, tp),
        priority=priority(importance, tp),
        quadrant=quadrant(importance, tp),
        budget=tp.budget,
        spent=tp.spent,
        status=tp.status,
    )


def score_touchpoints(project: Project,
                      touchpoints: Sequence[Touchpoint] | None = None) -> list[TouchpointScore]:
    """Scores of ``touchpoints`` (default all), in project order."""
    order = {tp.id: i for i, tp in enumerate(project.touchpoints)}
    chosen = project.touchpoints if touchpoints is None else touchpoints
    importances = project.scoring.importances(chosen)
    return [score(project, tp, order[tp.id], importance)
            for tp, importance in zip(chosen, importances, strict=True)]


def action_list(scores: Sequence[TouchpointScore]) -> list[TouchpointScore]:
    """What to fix first: touchpoints with a priority above 0, highest first.

    Retired touchpoints are left out (there is nothing to improve). Ties go to the more
    important touchpoint, then to the one earlier in the project.
    """
    return sorted((s for s in scores if s.priority > 0 and s.status != Status.RETIRED),
                  key=lambda s: (-s.priority, -s.importance, s.order))


def by_quadrant(scores: Sequence[TouchpointScore]) -> dict[Quadrant, tuple[str, ...]]:
    """Touchpoint ids in each quadrant (every quadrant present, possibly empty)."""
    groups: dict[Quadrant, list[str]] = {q: [] for q in Quadrant}
    for s in scores:
        groups[s.quadrant].append(s.touchpoint_id)
    return {q: tuple(ids) for q, ids in groups.items()}


@dataclass(frozen=True)
class Priorities:
    """Scores of every touchpoint, grouped by quadrant, and the ranked action list."""

    scores: tuple[TouchpointScore, ...]
    actions: tuple[TouchpointScore, ...]

    @property
    def quadrants(self) -> dict[Quadrant, tuple[str, ...]]:
        """Touchpoint ids per quadrant."""
        return by_quadrant(self.scores)

    def to_json(self) -> dict[str, Any]:
        """``{"touchpoints": [score...], "quadrants": {quadrant: [ids]},
        "actions": [score...]}`` (actions ranked, the first is the first to fix)."""
        return {
            "touchpoints": [s.to_json() for s in self.scores],
            "quadrants": {q.value: list(ids) for q, ids in self.quadrants.items()},
            "actions": [s.to_json() for s in self.actions],
        }


def analyze_priorities(project: Project,
                       touchpoints: Sequence[Touchpoint] | None = None) -> Priorities:
    """Importance-performance analysis of ``touchpoints`` (default all)."""
    scores = score_touchpoints(project, touchpoints)
    return Priorities(scores=tuple(scores), actions=tuple(action_list(scores)))
