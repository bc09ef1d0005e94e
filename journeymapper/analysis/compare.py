"""Compare two versions of a map: touchpoints added, removed and changed, and the budget (no Qt).

Touchpoints are matched by id (a version made by copying keeps the ids). A touchpoint is
*changed* when a field that describes the map differs: its position inside the cell
(``x``/``y``) and its review history are left out, since moving a card a little or recording
a review does not make an as-is map a different plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from journeymapper.model import MapVersion, Touchpoint

IGNORED_FIELDS = frozenset({"id", "x", "y", "reviews"})
FIELD_LABELS = {"stage_id": "stage", "lane_id": "lane", "persona_ids": "personas",
                "kpis": "KPIs", "review_cadence": "review cadence"}


class Change(StrEnum):
    """How a touchpoint differs between two versions."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class TouchpointDiff:
    """One touchpoint that differs: ``before`` is None when added, ``after`` when removed."""

    change: Change
    before: Touchpoint | None
    after: Touchpoint | None
    fields: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        tp = self.after or self.before
        assert tp is not None
        return tp.id

    @property
    def name(self) -> str:
        tp = self.after or self.before
        assert tp is not None
        return tp.name

    @property
    def budget_delta(self) -> Decimal:
        """Budget after minus budget before (a removed touchpoint frees its whole budget)."""
        return ((self.after.budget if self.after else Decimal(0))
                - (self.before.budget if self.before else Decimal(0)))

    def field_labels(self) -> list[str]:
        """The changed fields in words: "stage", "budget", "KPIs"."""
        return [FIELD_LABELS.get(f, f.replace("_", " ")) for f in self.fields]


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from ``before`` to ``after``."""

    before_name: str
    after_name: str
    diffs: list[TouchpointDiff] = field(default_factory=list)
    budget_before: Decimal = Decimal(0)
    budget_after: Decimal = Decimal(0)
    spent_before: Decimal = Decimal(0)
    spent_after: Decimal = Decimal(0)

    def of(self, change: Change) -> list[TouchpointDiff]:
        """The diffs of one kind, in map order."""
        return [d for d in self.diffs if d.change is change]

    @property
    def added(self) -> list[TouchpointDiff]:
        return self.of(Change.ADDED)

    @property
    def removed(self) -> list[TouchpointDiff]:
        return self.of(Change.REMOVED)

    @property
    def changed(self) -> list[TouchpointDiff]:
        return self.of(Change.CHANGED)

    @property
    def budget_delta(self) -> Decimal:
        """Total budget after minus before."""
        return self.budget_after - self.budget_before

    def by_id(self) -> dict[str, TouchpointDiff]:
        """Diffs by touchpoint id."""
        return {d.id: d for d in self.diffs}

    def summary(self) -> str:
        """"2 added, 1 removed, 3 changed; budget +1,200.00"."""
        parts = [f"{len(self.added)} added", f"{len(self.removed)} removed",
                 f"{len(self.changed)} changed"]
        return ", ".join(parts) + f"; budget {signed(self.budget_delta)}"


def changed_fields(before: Touchpoint, after: Touchpoint) -> tuple[str, ...]:
    """Fields that differ, in the model's order (positions and reviews left out)."""
    return tuple(name for name in Touchpoint.model_fields
                 if name not in IGNORED_FIELDS and getattr(before, name) != getattr(after, name))


def compare_versions(before: MapVersion, after: MapVersion) -> Comparison:
    """Touchpoints added, removed and changed from ``before`` to ``after``, with budgets.

    Added and changed ones come in ``after``'s map order, then the removed ones in ``before``'s.
    """
    old = {tp.id: tp for tp in before.touchpoints}
    new_ids = {tp.id for tp in after.touchpoints}
    diffs: list[TouchpointDiff] = []
    for tp in after.touchpoints:
        previous = old.get(tp.id)
        if previous is None:
            diffs.append(TouchpointDiff(Change.ADDED, None, tp))
        elif fields := changed_fields(previous, tp):
            diffs.append(TouchpointDiff(Change.CHANGED, previous, tp, fields))
    diffs += [TouchpointDiff(Change.REMOVED, tp, None)
              for tp in before.touchpoints if tp.id not in new_ids]
    return Comparison(
        before.name, after.name, diffs,
        budget_before=sum((tp.budget for tp in before.touchpoints), Decimal(0)),
        budget_after=sum((tp.budget for tp in after.touchpoints), Decimal(0)),
        spent_before=sum((tp.spent for tp in before.touchpoints), Decimal(0)),
        spent_after=sum((tp.spent for tp in after.touchpoints), Decimal(0)),
    )


def signed(amount: Decimal) -> str:
    """An amount with its sign and thousands separators: "+1,200.00", "-50.00", "0.00"."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,.2f}"
