"""Medians of repeated runs, and the result rows of a benchmark."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_ms(action: Callable[[], object], repeat: int = 5,
              setup: Callable[[], object] | None = None) -> float:
    """Median wall time of ``action`` in milliseconds over ``repeat`` runs (after one warm-up)."""
    return timed(action, repeat, setup).wall_ms


@dataclass(frozen=True)
class Timing:
    """Medians of wall time and of this thread's CPU time, in milliseconds.

    On a machine shared with other work the wall time includes waiting for a CPU; the CPU
    time does not, so it tells whether a change helped even when the wall time is noisy.
    """

    wall_ms: float
    cpu_ms: float


class Stopwatch:
    """Wall and thread CPU time since it was made (or last restarted)."""

    __slots__ = ("_cpu", "_wall")

    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """Count from now."""
        self._wall = time.perf_counter()
        self._cpu = time.thread_time()

    def read(self) -> tuple[float, float]:
        """(wall ms, CPU ms) so far."""
        return ((time.perf_counter() - self._wall) * 1000,
                (time.thread_time() - self._cpu) * 1000)


def medians(samples: list[tuple[float, float]]) -> Timing:
    """Medians of (wall ms, CPU ms) samples."""
    return Timing(statistics.median(s[0] for s in samples),
                  statistics.median(s[1] for s in samples))


def timed(action: Callable[[], object], repeat: int = 5,
          setup: Callable[[], object] | None = None) -> Timing:
    """Medians of ``action`` over ``repeat`` runs, after one warm-up run that is not counted
    (it warms caches and lazy imports)."""
    samples: list[tuple[float, float]] = []
    for i in range(repeat + 1):
        if setup is not None:
            setup()
        watch = Stopwatch()
        action()
        if i:
            samples.append(watch.read())
    return medians(samples)


@dataclass(frozen=True)
class Result:
    """One measurement: its median, the floor measured in the same run, and the goal."""

    name: str
    size: int
    median_ms: float
    floor_ms: float | None = None
    goal_ms: float | None = None
    goal_ratio: float | None = None
    cpu_ms: float | None = None
    """Median CPU time of the measured thread or process (diagnostic; goals use wall time)."""
    group: str = ""
    """The measurement it belongs to (``journeymapper bench --only GROUP``)."""

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
        return {"group": self.group, "name": self.name, "size": self.size,
                "median_ms": round(self.median_ms, 2),
                "floor_ms": None if self.floor_ms is None else round(self.floor_ms, 2),
                "ratio": None if self.ratio is None else round(self.ratio, 2),
                "goal_ms": self.goal_ms, "goal_ratio": self.goal_ratio,
                "meets_goal": self.meets_goal,
                "cpu_ms": None if self.cpu_ms is None else round(self.cpu_ms, 2)}
