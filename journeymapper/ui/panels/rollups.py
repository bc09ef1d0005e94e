"""What the summary dock lists, as plain functions over the model (no Qt).

Budget roll-ups, overdue touchpoints and importance-performance scores come from
``journeymapper.analysis`` so the dock, the PDF and the CLI agree. The two lists the analysis
does not offer yet (deadlines coming up, touchpoints lacking an owner or a deadline) are here;
they import no Qt and can move to ``analysis.rollups`` as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from journeymapper.analysis.rollups import NO_OWNER, Total, owner_key, total
from journeymapper.model import Channel, Project, Quadrant, Status, Touchpoint
from journeymapper.model.scoring import performance_percent, quadrant

DONE = (Status.LIVE, Status.RETIRED)


class MatrixPoint(NamedTuple):
    """Where a touchpoint sits in the importance-performance matrix (both 0..100).

    A named tuple rather than a frozen dataclass: ten thousand of them are made per refresh.
    """

    touchpoint_id: str
    name: str
    importance: float
    performance: float
    quadrant: Quadrant


def upcoming(project: Project, today: dt.date, days: int = 30) -> list[Touchpoint]:
    """Open touchpoints (not live or retired) due from today to ``days`` ahead, soonest first."""
    end = today + dt.timedelta(days=days)
    due = [tp for tp in project.touchpoints if tp.deadline is not None
           and today <= tp.deadline <= end and tp.status not in DONE]
    return sorted(due, key=lambda tp: (tp.deadline, tp.name.casefold()))


def unplanned(project: Project) -> list[tuple[Touchpoint, str]]:
    """Touchpoints still in use that lack an owner or a deadline, with what is missing."""
    result = []
    for tp in project.touchpoints:
        if tp.status is Status.RETIRED:
            continue
        missing = [what for what, absent in (("no owner", not tp.owner.strip()),
                                             ("no deadline", tp.deadline is None)) if absent]
        if missing:
            result.append((tp, ", ".join(missing)))
    return result


def matrix_points(project: Project) -> list[MatrixPoint]:
    """Every touchpoint's importance, performance and quadrant (the model's rules)."""
    importances = project.scoring.importances(project.touchpoints)
    return [MatrixPoint(tp.id, tp.name, importance, performance_percent(tp),
                        quadrant(importance, tp))
            for tp, importance in zip(project.touchpoints, importances, strict=True)]


def budget_by(project: Project, grouping: str,
              channel_label: Callable[[Channel], str] = str) -> list[Total]:
    """Budget and spent per ``"stage"`` (journey order, every stage), ``"channel"``
    (vocabulary order, used ones) or ``"owner"`` (alphabetical, ignoring case; nobody last).

    One grouping at a time, grouped like ``analysis.rollups`` groups them (same owner rule),
    without computing the roll-ups the dock does not show.
    """
    groups: dict[str, list[Touchpoint]] = {}
    labels: dict[str, str] = {}
    if grouping == "stage":
        for stage in project.stages:
            groups[stage.id], labels[stage.id] = [], stage.name
        for tp in project.touchpoints:
            groups.setdefault(tp.stage_id, []).append(tp)
        keys = list(groups)
    elif grouping == "channel":
        for tp in project.touchpoints:
            groups.setdefault(tp.channel.value, []).append(tp)
        keys = [c.value for c in Channel if c.value in groups]
        labels = {c.value: channel_label(c) for c in Channel}
    else:
        for tp in project.touchpoints:
            key = owner_key(tp.owner)
            groups.setdefault(key, []).append(tp)
            labels.setdefault(key, tp.owner or NO_OWNER)
        keys = sorted(groups, key=lambda k: (k == "", k))
    return [total(k, labels.get(k, k), groups[k]) for k in keys]
