"""Importance scoring and importance-performance analysis (pure rules)."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from journeymapper.model.enums import Quadrant
from journeymapper.model.fields import MAX_SHORT_LIST, Entity, Id, Name, Text, new_list
from journeymapper.model.touchpoint import PERFORMANCE_MAX, PERFORMANCE_MIN, SCORE_MAX, Touchpoint

# The line between "high" and "low" on both axes of the importance-performance matrix.
MATRIX_SPLIT = 50.0


class Criterion(Entity):
    """One criterion of importance (reach, influence on purchase...) and its weight."""

    id: Id
    name: Name
    weight: float = Field(default=1.0, ge=0, le=100, allow_inf_nan=False)
    description: Text = ""


class Scoring(Entity):
    """The criteria a project uses to rate how important each touchpoint is."""

    criteria: list[Criterion] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)

    def importance(self, touchpoint: Touchpoint) -> float:
        """Weighted score of the touchpoint's criteria, 0..100 (0 when no weight is set)."""
        return self.importances((touchpoint,))[0]

    def importances(self, touchpoints: Iterable[Touchpoint]) -> list[float]:
        """``importance`` of each touchpoint, the criteria read once for all of them (reading
        each criterion's fields again for every touchpoint was half the matrix's time)."""
        weights = [(c.id, c.weight) for c in self.criteria]
        scale = sum(weight for _, weight in weights) * SCORE_MAX
        if scale <= 0:
            return [0.0 for _ in touchpoints]
        return [round(100.0 * sum(weight * tp.scores.get(cid, 0) for cid, weight in weights)
                      / scale, 1) for tp in touchpoints]


def performance_percent(touchpoint: Touchpoint) -> float:
    """Current performance on the same 0..100 scale as importance."""
    span = PERFORMANCE_MAX - PERFORMANCE_MIN
    return 100.0 * (touchpoint.performance - PERFORMANCE_MIN) / span


def performance_gap(importance: float, touchpoint: Touchpoint) -> float:
    """How far performance falls short of importance, 0..100 (never negative)."""
    return max(0.0, importance - performance_percent(touchpoint))


def priority(importance: float, touchpoint: Touchpoint) -> float:
    """Importance times the performance gap, scaled to 0..100: what to fix first."""
    return round(importance * performance_gap(importance, touchpoint) / 100.0, 1)


def quadrant(importance: float, touchpoint: Touchpoint) -> Quadrant:
    """The importance-performance quadrant the touchpoint falls in."""
    important = importance >= MATRIX_SPLIT
    performing = performance_percent(touchpoint) >= MATRIX_SPLIT
    if important:
        return Quadrant.KEEP_UP if performing else Quadrant.CONCENTRATE
    return Quadrant.OVERKILL if performing else Quadrant.LOW_PRIORITY
