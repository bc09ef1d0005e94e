"""Roll-ups: budget and spent by stage, channel, owner and persona; deadlines and workload.

Money stays ``Decimal`` all the way; JSON carries it as strings with two decimals.

A touchpoint that serves every persona (its persona list is empty) counts in full for each
persona, so the persona totals add up to more than the project total whenever such
touchpoints have a budget. That is on purpose: each persona's figure answers "what do we
spend on the touchpoints this persona meets?".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from journeymapper.model import Channel, Persona, Project, Touchpoint

NO_OWNER = "(no owner)"
ZERO = Decimal(0)


def money_json(value: Decimal) -> str:
    """Money for JSON: a string with two decimals, so no cent is lost to floating point."""
    return f"{value:.2f}"


@dataclass(frozen=True)
class Total:
    """How many touchpoints a group holds and what they are budgeted and have spent."""

    key: str
    label: str
    count: int
    budget: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        """Budget left (negative when the group has overspent)."""
        return self.budget - self.spent

    def to_json(self) -> dict[str, Any]:
        """``{"key", "label", "count", "budget", "spent", "remaining"}``, money as strings."""
        return {"key": self.key, "label": self.label, "count": self.count,
                "budget": money_json(self.budget), "spent": money_json(self.spent),
                "remaining": money_json(self.remaining)}


@dataclass(frozen=True)
class Month:
    """The deadlines falling in one calendar month (``YYYY-MM``)."""

    month: str
    touchpoint_ids: tuple[str, ...]
    budget: Decimal
    overdue: int

    def to_json(self) -> dict[str, Any]:
        """``{"month", "count", "touchpoint_ids", "budget", "overdue"}``."""
        return {"month": self.month, "count": len(self.touchpoint_ids),
                "touchpoint_ids": list(self.touchpoint_ids), "budget": money_json(self.budget),
                "overdue": self.overdue}


@dataclass(frozen=True)
class Workload:
    """What one owner carries: touchpoints, money and overdue deadlines."""

    key: str
    owner: str
    count: int
    budget: Decimal
    spent: Decimal
    overdue_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"key", "owner", "count", "budget", "spent", "overdue", "overdue_ids"}``."""
        return {"key": self.key, "owner": self.owner, "count": self.count,
                "budget": money_json(self.budget), "spent": money_json(self.spent),
                "overdue": len(self.overdue_ids), "overdue_ids": list(self.overdue_ids)}


@dataclass(frozen=True)
class Rollups:
    """Every money and deadline roll-up of a set of touchpoints."""

    total: Total
    by_stage: tuple[Total, ...]
    by_channel: tuple[Total, ...]
    by_owner: tuple[Total, ...]
    by_persona: tuple[Total, ...]
    by_month: tuple[Month, ...]
    overdue: tuple[str, ...]
    over_budget: tuple[str, ...]
    workload: tuple[Workload, ...]

    def to_json(self) -> dict[str, Any]:
        """All roll-ups; ``by_persona`` counts touchpoints for everyone once per persona."""
        return {
            "total": self.total.to_json(),
            "by_stage": [t.to_json() for t in self.by_stage],
            "by_channel": [t.to_json() for t in self.by_channel],
            "by_owner": [t.to_json() for t in self.by_owner],
            "by_persona": [t.to_json() for t in self.by_persona],
            "by_month": [m.to_json() for m in self.by_month],
            "overdue": list(self.overdue),
            "over_budget": list(self.over_budget),
            "workload": [w.to_json() for w in self.workload],
        }


def total(key: str, label: str, touchpoints: Iterable[Touchpoint]) -> Total:
    """Count, budget and spent of the touchpoints."""
    count, budget, spent = 0, ZERO, ZERO
    for tp in touchpoints:
        count += 1
        budget += tp.budget
        spent += tp.spent
    return Total(key, label, count, budget, spent)


def owner_key(owner: str) -> str:
    """Owners are grouped ignoring case: "ana" and "Ana" are one person."""
    return owner.casefold()


def _by_owner(touchpoints: Sequence[Touchpoint]) -> list[tuple[str, str, list[Touchpoint]]]:
    groups: dict[str, tuple[str, list[Touchpoint]]] = {}
    for tp in touchpoints:
        key = owner_key(tp.owner)
        groups.setdefault(key, (tp.owner or NO_OWNER, []))[1].append(tp)
    # Named owners alphabetically; touchpoints nobody owns last, where they stand out.
    keys = sorted(groups, key=lambda k: (k == "", k))
    return [(k, groups[k][0], groups[k][1]) for k in keys]


def month_of(day: dt.date) -> str:
    """``2025-03-14`` -> ``"2025-03"``."""
    return f"{day.year:04d}-{day.month:02d}"


def overdue(touchpoints: Iterable[Touchpoint], today: dt.date) -> list[Touchpoint]:
    """Overdue touchpoints, the longest overdue first (then in the given order)."""
    late = [tp for tp in touchpoints if tp.is_overdue(today)]
    late.sort(key=lambda tp: tp.deadline or today)
    return late


def roll_up(project: Project, today: dt.date,
            touchpoints: Sequence[Touchpoint] | None = None,
            personas: Sequence[Persona] | None = None) -> Rollups:
    """Roll up ``touchpoints`` (default all) for ``personas`` (default all) as of ``today``."""
    tps = project.touchpoints if touchpoints is None else touchpoints
    people = project.personas if personas is None else personas
    late = overdue(tps, today)
    late_ids = {tp.id for tp in late}

    # One pass into groups, then one sum per group: a sum per group over every touchpoint
    # was the slowest part of the analysis on big maps.
    stages: dict[str, list[Touchpoint]] = {s.id: [] for s in project.stages}
    channels: dict[Channel, list[Touchpoint]] = {}
    served: dict[str, list[Touchpoint]] = {p.id: [] for p in people}
    everyone = list(served.values())
    for tp in tps:
        stages[tp.stage_id].append(tp)
        channels.setdefault(tp.channel, []).append(tp)
        # Touchpoint.serves, inlined: it would run once per touchpoint and persona.
        if tp.persona_ids:
            for pid in tp.persona_ids:
                if pid in served:
                    served[pid].append(tp)
        else:
            for group in everyone:
                group.append(tp)
    by_stage = [total(s.id, s.name, stages[s.id]) for s in project.stages]
    by_channel = [total(c.value, c.value, channels[c]) for c in Channel if c in channels]
    owners = _by_owner(tps)
    by_owner = [total(key, label, group) for key, label, group in owners]
    by_persona = [total(p.id, p.name, served[p.id]) for p in people]
    # Every touchpoint sits in exactly one stage: the grand total is the sum of the stages.
    grand = Total("all", "All touchpoints", len(tps), sum((t.budget for t in by_stage), ZERO),
                  sum((t.spent for t in by_stage), ZERO))

    # Grouped by (year, month) and named once per month: formatting a name per touchpoint
    # showed on big maps.
    months: dict[tuple[int, int], list[Touchpoint]] = {}
    for tp in sorted((tp for tp in tps if tp.deadline), key=lambda tp: tp.deadline or today):
        day = tp.deadline or today
        months.setdefault((day.year, day.month), []).append(tp)
    by_month = [Month(month_of(dt.date(year, month, 1)), tuple(tp.id for tp in group),
                      sum((tp.budget for tp in group), ZERO),
                      sum(1 for tp in group if tp.id in late_ids))
                for (year, month), group in sorted(months.items())]

    late_by_owner: dict[str, list[str]] = {}
    for tp in late:
        late_by_owner.setdefault(owner_key(tp.owner), []).append(tp.id)
    workload = [Workload(t.key, t.label, t.count, t.budget, t.spent,
                         tuple(late_by_owner.get(t.key, ())))
                for t in by_owner]
    return Rollups(
        total=grand,
        by_stage=tuple(by_stage),
        by_channel=tuple(by_channel),
        by_owner=tuple(by_owner),
        by_persona=tuple(by_persona),
        by_month=tuple(by_month),
        overdue=tuple(tp.id for tp in late),
        over_budget=tuple(tp.id for tp in tps if tp.spent > tp.budget),
        workload=tuple(workload),
    )
