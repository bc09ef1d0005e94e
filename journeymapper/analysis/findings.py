"""Findings: what the analysis found, each worded as something to do.

Every finding names the touchpoints (and links) it is about, so the app can select them on the
map. ``code`` is a stable machine name of the kind of finding; ``message`` is for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from journeymapper.analysis.coverage import Coverage
from journeymapper.analysis.journey import Journey
from journeymapper.analysis.priorities import TouchpointScore
from journeymapper.analysis.rollups import Rollups
from journeymapper.model import Project, Quadrant, Status
from journeymapper.model.scoring import MATRIX_SPLIT


class Severity(StrEnum):
    """How much a finding matters: an error breaks the journey, info is worth a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(StrEnum):
    """What a finding is about."""

    JOURNEY = "journey"
    COVERAGE = "coverage"
    DEADLINE = "deadline"
    BUDGET = "budget"
    PRIORITY = "priority"


SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
CATEGORY_RANK = {c: i for i, c in enumerate(Category)}


@dataclass(frozen=True)
class Finding:
    """One thing to do, with the touchpoints, links, persona and stage it concerns."""

    severity: Severity
    category: Category
    code: str
    message: str
    touchpoint_ids: tuple[str, ...] = ()
    link_ids: tuple[str, ...] = ()
    persona_id: str | None = None
    stage_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"severity", "category", "code", "message", "touchpoint_ids", "link_ids",
        "persona_id", "stage_id"}``."""
        return {"severity": self.severity.value, "category": self.category.value,
                "code": self.code, "message": self.message,
                "touchpoint_ids": list(self.touchpoint_ids), "link_ids": list(self.link_ids),
                "persona_id": self.persona_id, "stage_id": self.stage_id}


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; by category inside each; otherwise as found."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], CATEGORY_RANK[f.category]))


class _Names:
    """Display names of everything a message mentions."""

    def __init__(self, project: Project) -> None:
        self.touchpoints = {tp.id: tp.name for tp in project.touchpoints}
        self.stages = {s.id: s.name for s in project.stages}
        self.stage_of = {tp.id: tp.stage_id for tp in project.touchpoints}
        self.personas = {p.id: p.name for p in project.personas}
        self.links = {link.id: (link.source_id, link.target_id) for link in project.links}

    def tp(self, tid: str) -> str:
        return f"'{self.touchpoints[tid]}'"

    def loop(self, ids: Sequence[str]) -> str:
        return " -> ".join(self.tp(t) for t in [*ids, ids[0]])


def journey_findings(project: Project, main: Journey, personas: Sequence[Journey],
                     scores: dict[str, TouchpointScore]) -> list[Finding]:
    """Flow problems of the main journey, then those only a persona's own journey has."""
    names = _Names(project)
    who = f" for persona {names.personas[main.persona_id]}" if main.persona_id else ""
    out: list[Finding] = []
    if main.link_count == 0:
        if main.touchpoint_count > 1:
            out.append(Finding(Severity.INFO, Category.JOURNEY, "no_links",
                               f"Draw links between touchpoints to see how customers move"
                               f"{who}: the map has none yet", persona_id=main.persona_id))
        return out
    f = _Maker(out, Category.JOURNEY, main.persona_id)
    if main.likely_path is None and main.entries:
        f(Severity.ERROR, "no_path_to_purchase",
          f"Link the journey{who} to a purchase touchpoint: no path from an entry gets there")
    for tid in main.dead_ends:
        f(Severity.WARNING, "dead_end",
          f"Add a next step after {names.tp(tid)}: customers stop there before purchase", (tid,))
    for tid in main.unreachable:
        f(Severity.WARNING, "unreachable",
          f"Connect {names.tp(tid)} to the journey{who}: no path from an entry reaches it", (tid,))
    for tid in main.unlinked:
        f(Severity.INFO, "unlinked",
          f"Link {names.tp(tid)} into the journey: no link leads to it or from it", (tid,))
    for lid in main.back_links:
        src, dst = names.links[lid]
        f(Severity.INFO, "back_link",
          f"Check the link from {names.tp(src)} back to {names.tp(dst)} "
          f"({names.stages[names.stage_of[src]]} to {names.stages[names.stage_of[dst]]}): "
          f"keep it only if customers really go back", (src, dst), (lid,))
    for loop in main.cycles:
        if _closed(main, loop):
            f(Severity.WARNING, "closed_loop",
              f"Give customers a way out of the loop {names.loop(loop)}: "
              f"every link leads back into it", loop)
        else:
            f(Severity.INFO, "loop",
              f"Check the loop {names.loop(loop)}: customers can go round it", loop)
    for critical in main.centrality.critical:
        tid = critical.touchpoint_id
        score = scores.get(tid)
        if score is not None and score.performance < MATRIX_SPLIT:
            f(Severity.WARNING, "critical_underperforming",
              f"Improve {names.tp(tid)}: many customer paths pass through it and it performs "
              f"at {score.performance:.0f}%", (tid,))
    for journey in personas:
        out.extend(_persona_findings(names, main, journey))
    return out


class _Maker:
    """Appends findings of one category and persona to a list."""

    def __init__(self, out: list[Finding], category: Category, persona_id: str | None) -> None:
        self.out, self.category, self.persona_id = out, category, persona_id

    def __call__(self, severity: Severity, code: str, message: str,
                 touchpoint_ids: Sequence[str] = (), link_ids: Sequence[str] = ()) -> None:
        self.out.append(Finding(severity, self.category, code, message, tuple(touchpoint_ids),
                                tuple(link_ids), self.persona_id))


def _closed(journey: Journey, loop: Sequence[str]) -> bool:
    # A loop traps customers when none of its touchpoints lets anyone stop or leave it.
    members = set(loop)
    succ = journey.graph.succ
    for node in loop:
        if any(nxt not in members for nxt in succ[node]):
            return False
        if sum(attrs["p"] for attrs in succ[node].values()) < 1.0 - 1e-9:
            return False
    return True


def _persona_findings(names: _Names, main: Journey, journey: Journey) -> list[Finding]:
    # Only what differs from the all-customers journey: the rest is already reported once.
    out: list[Finding] = []
    if journey.link_count == 0:
        return out
    pid = journey.persona_id
    who = names.personas[pid] if pid else "everyone"
    f = _Maker(out, Category.JOURNEY, pid)
    if journey.likely_path is None and main.likely_path is not None and journey.entries:
        f(Severity.WARNING, "no_path_to_purchase",
          f"Link a way to purchase for persona {who}: none of their paths reaches a purchase "
          f"touchpoint")
    shared_dead_ends = set(main.dead_ends)
    for tid in journey.dead_ends:
        if tid not in shared_dead_ends:
            f(Severity.WARNING, "dead_end",
              f"Add a next step for persona {who} after {names.tp(tid)}: their journey stops "
              f"there before purchase", (tid,))
    shared_unreachable = set(main.unreachable) | set(main.unlinked)
    for tid in journey.unreachable:
        if tid not in shared_unreachable:
            f(Severity.WARNING, "unreachable",
              f"Link a step for persona {who} that leads to {names.tp(tid)}: none of their "
              f"paths reaches it", (tid,))
    return out


def coverage_findings(project: Project, cover: Coverage,
                      purchase_stage_id: str | None) -> list[Finding]:
    """Stages nobody is served in, stages a persona is not served in, unused channels."""
    names = _Names(project)
    out: list[Finding] = []
    empty = set(cover.empty_stage_ids)
    for sid in cover.empty_stage_ids:
        severity = Severity.ERROR if sid == purchase_stage_id else Severity.WARNING
        out.append(Finding(severity, Category.COVERAGE, "empty_stage",
                           f"Add a touchpoint to {names.stages[sid]}: no customer meets the "
                           f"business there", stage_id=sid))
    for pc in cover.personas:
        persona = names.personas[pc.persona_id]
        for sid in pc.missing_stage_ids:
            if sid not in empty:
                out.append(Finding(Severity.WARNING, Category.COVERAGE, "stage_gap",
                                   f"{names.stages[sid]} has no touchpoint for persona "
                                   f"{persona}: add one or open an existing one to them",
                                   persona_id=pc.persona_id, stage_id=sid))
        for channel in pc.unused_channels:
            out.append(Finding(Severity.INFO, Category.COVERAGE, "unused_channel",
                               f"Persona {persona} prefers {channel.value}, but no touchpoint "
                               f"serving them uses it: add one there",
                               persona_id=pc.persona_id))
    return out


def priority_findings(project: Project, scores: Sequence[TouchpointScore]) -> list[Finding]:
    """Touchpoints to improve first (concentrate here) and budget that may be overkill."""
    names = _Names(project)
    out: list[Finding] = []
    urgent = sorted((s for s in scores
                     if s.quadrant == Quadrant.CONCENTRATE and s.status != Status.RETIRED),
                    key=lambda s: (-s.priority, s.order))
    for s in urgent:
        out.append(Finding(Severity.WARNING, Category.PRIORITY, "concentrate_here",
                           f"Improve {names.tp(s.touchpoint_id)}: it matters "
                           f"(importance {s.importance:.0f}) but performs at "
                           f"{s.performance:.0f}%", (s.touchpoint_id,)))
    for s in scores:
        if s.quadrant == Quadrant.OVERKILL and s.budget > 0 and s.status != Status.RETIRED:
            out.append(Finding(Severity.INFO, Category.PRIORITY, "possible_overkill",
                               f"Consider moving budget from {names.tp(s.touchpoint_id)}: it "
                               f"performs well ({s.performance:.0f}%) but matters little "
                               f"(importance {s.importance:.0f})", (s.touchpoint_id,)))
    return out


def money_text(value: Decimal, currency: str) -> str:
    """``1234.5`` -> ``1,234.50 EUR``."""
    return f"{value:,.2f} {currency}"


def rollup_findings(project: Project, sums: Rollups) -> list[Finding]:
    """Overdue deadlines and overspent budgets."""
    names = _Names(project)
    by_id = {tp.id: tp for tp in project.touchpoints}
    currency = project.business.currency
    out: list[Finding] = []
    for tid in sums.overdue:
        tp = by_id[tid]
        owner = f", owner {tp.owner}" if tp.owner else ", no owner"
        out.append(Finding(Severity.WARNING, Category.DEADLINE, "overdue",
                           f"Finish {names.tp(tid)} or move its deadline: it was due "
                           f"{tp.deadline}{owner}", (tid,)))
    for tid in sums.over_budget:
        tp = by_id[tid]
        out.append(Finding(Severity.WARNING, Category.BUDGET, "over_budget",
                           f"Raise the budget of {names.tp(tid)} or stop spending: it has spent "
                           f"{money_text(tp.spent, currency)} of "
                           f"{money_text(tp.budget, currency)}", (tid,)))
    return out
