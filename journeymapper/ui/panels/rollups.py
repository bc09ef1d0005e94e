"""Budget, deadline and priority roll-ups of a project, as plain functions (no Qt).

These belong in ``journeymapper.analysis.rollups`` once that module lands (another developer is
writing it); until then the summary dock computes them here. Nothing in this module imports Qt,
so moving it is a matter of changing imports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from journeymapper.model import Channel, Project, Quadrant, Status, Touchpoint
from journeymapper.model.scoring import performance_percent, quadrant

NO_OWNER = "(no owner)"
DONE = (Status.LIVE, Status.RETIRED)


@dataclass(frozen=True)
class Group:
    """Money of the touchpoints sharing a stage, channel or owner."""

    key: str
    label: str
    budget: Decimal
    spent: Decimal
    count: int


@dataclass(frozen=True)
class MatrixPoint:
    """Where a touchpoint sits in the importance-performance matrix (both 0..100)."""

    touchpoint_id: str
    name: str
    importance: float
    performance: float
    quadrant: Quadrant


def totals(touchpoints: Iterable[Touchpoint]) -> tuple[Decimal, Decimal]:
    """Sum of budget and sum of spent."""
    budget = spent = Decimal(0)
    for tp in touchpoints:
        budget += tp.budget
        spent += tp.spent
    return budget, spent


def _group(touchpoints: Iterable[Touchpoint], key: Callable[[Touchpoint], str],
           order: list[tuple[str, str]]) -> list[Group]:
    """Groups in ``order`` (key, label); keys not in the order are appended, sorted."""
    sums: dict[str, list[Decimal | int]] = {}
    for tp in touchpoints:
        entry = sums.setdefault(key(tp), [Decimal(0), Decimal(0), 0])
        entry[0] += tp.budget
        entry[1] += tp.spent
        entry[2] += 1
    labels = dict(order)
    keys = [k for k, _ in order if k in sums] + sorted(k for k in sums if k not in labels)
    return [Group(k, labels.get(k, k), Decimal(sums[k][0]), Decimal(sums[k][1]), int(sums[k][2]))
            for k in keys]


def budget_by_stage(project: Project) -> list[Group]:
    """Budget and spent per stage, in the order of the journey."""
    return _group(project.touchpoints, lambda tp: tp.stage_id,
                  [(s.id, s.name) for s in project.stages])


def budget_by_channel(project: Project, label: Callable[[Channel], str] = str) -> list[Group]:
    """Budget and spent per channel, in the channel vocabulary's order."""
    return _group(project.touchpoints, lambda tp: str(tp.channel),
                  [(str(c), label(c)) for c in Channel])


def budget_by_owner(project: Project) -> list[Group]:
    """Budget and spent per owner, alphabetically; touchpoints nobody owns come last."""
    owners = sorted({tp.owner for tp in project.touchpoints if tp.owner}, key=str.casefold)
    return _group(project.touchpoints, lambda tp: tp.owner or NO_OWNER,
                  [(o, o) for o in owners] + [(NO_OWNER, NO_OWNER)])


def upcoming(project: Project, today: dt.date, days: int = 30) -> list[Touchpoint]:
    """Open touchpoints due from today to ``days`` ahead, soonest first."""
    end = today + dt.timedelta(days=days)
    due = [tp for tp in project.touchpoints if tp.deadline is not None
           and today <= tp.deadline <= end and tp.status not in DONE]
    return sorted(due, key=lambda tp: (tp.deadline, tp.name.casefold()))


def overdue(project: Project, today: dt.date) -> list[Touchpoint]:
    """Touchpoints past their deadline and not live or retired, most late first."""
    late = [tp for tp in project.touchpoints if tp.is_overdue(today)]
    return sorted(late, key=lambda tp: (tp.deadline, tp.name.casefold()))


def unplanned(project: Project) -> list[tuple[Touchpoint, str]]:
    """Touchpoints still in use that lack an owner or a deadline, with what is missing."""
    result = []
    for tp in project.touchpoints:
        if tp.status is Status.RETIRED:
            continue
        missing = [what for what, absent in (("no owner", not tp.owner),
                                             ("no deadline", tp.deadline is None)) if absent]
        if missing:
            result.append((tp, ", ".join(missing)))
    return result


def matrix_points(project: Project) -> list[MatrixPoint]:
    """Every touchpoint's importance, performance and quadrant."""
    points = []
    for tp in project.touchpoints:
        importance = project.importance(tp)
        points.append(MatrixPoint(tp.id, tp.name, importance, performance_percent(tp),
                                  quadrant(importance, tp)))
    return points
