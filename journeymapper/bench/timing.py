"""Medians of repeated runs, and the result rows of a benchmark."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_ms(action: Callable[[], object], repeat: int = 5,
              setup: Callable[[], object] | None = None) -> float:
    """Median wall time of ``action`` in milliseconds over ``repeat`` runs (after one warm-up)."""
    times: list[float] = []
    for i in range(repeat + 1):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        if i:  # the first run warms caches and lazy imports
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    """One measurement: its median, the floor measured in the same run, and the goal."""

    name: str
    size: int
    median_ms: float
    floor_ms: float | None = None
    goal_ms: float | None = None
    goal_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        """Median divided by the floor."""
        if not self.floor_ms:
            return None
        return self.median_ms / self.floor_ms

    @property
    def meets_goal(self) -> bool | None:
        """True/False against the goal in ms or as a ratio; None when there is no goal."""
        checks = []
        if self.goal_ms is not None:
            checks.append(self.median_ms <= self.goal_ms)
        if self.goal_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.goal_ratio)
        return all(checks) if checks else None

    def to_json(self) -> dict[str, object]:
        """The result as plain JSON values."""
        return {"name": self.name, "size": self.size, "median_ms": round(self.median_ms, 2),
                "floor_ms": None if self.floor_ms is None else round(self.floor_ms, 2),
                "ratio": None if self.ratio is None else round(self.ratio, 2),
                "goal_ms": self.goal_ms, "goal_ratio": self.goal_ratio,
                "meets_goal": self.meets_goal}
