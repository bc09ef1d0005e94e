"""Findings: what the analysis found, each worded as something to do.

Every finding names the touchpoints (and links) it is about, so the app can select them on the
map. ``code`` is a stable machine name of the kind of finding; ``message`` is for people.

Each kind of finding is listed one by one up to ``MAX_PER_KIND`` times (the most urgent first
where there is an order); the rest are gathered in one more finding of the same code that
names all their touchpoints ("Finish 4,950 more overdue touchpoints..."). Nobody reads ten
thousand findings, and writing them took a third of the analysis of a 10,000-touchpoint map.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from journeymapper.analysis.coverage import Coverage
from journeymapper.analysis.graph import ProjectIndex
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


MAX_PER_KIND = 50

T = TypeVar("T")

SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
CATEGORY_RANK = {c: i for i, c in enumerate(Category)}


class Finding(NamedTuple):
    """One thing to do, with the touchpoints, links, persona and stage it concerns.

    A named tuple rather than a frozen dataclass: big maps have thousands of findings, and a
    frozen dataclass took several times longer to build.
    """

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


class Names:
    """Display names of everything a message mentions (built once per analysis).

    Touchpoints are looked up through the index's positions rather than copied into a dict
    of their own: a message names a few dozen of them, a map may hold ten thousand.
    """

    def __init__(self, project: Project, index: ProjectIndex | None = None) -> None:
        self.project = project
        self.position = (index or ProjectIndex.of(project)).position
        self.stages = {s.id: s.name for s in project.stages}
        self.stage_position = {s.id: i for i, s in enumerate(project.stages)}
        self.personas = {p.id: p.name for p in project.personas}

    @cached_property
    def links(self) -> dict[str, tuple[str, str]]:
        """Link id -> (source id, target id)."""
        return {link.id: (link.source_id, link.target_id) for link in self.project.links}

    def tp(self, tid: str) -> str:
        """A touchpoint's name in quotes."""
        return f"'{self.project.touchpoints[self.position[tid]].name}'"

    def stage_of(self, tid: str) -> str:
        """The id of a touchpoint's stage."""
        return self.project.touchpoints[self.position[tid]].stage_id

    def loop(self, ids: Sequence[str]) -> str:
        """``'A' -> 'B' -> 'A'``."""
        return " -> ".join(self.tp(t) for t in [*ids, ids[0]])


def _split(items: Sequence[T]) -> tuple[Sequence[T], Sequence[T]]:
    """The items to report one by one, and the rest."""
    return items[:MAX_PER_KIND], items[MAX_PER_KIND:]


class _Maker:
    """Appends findings of one category and persona to a list."""

    def __init__(self, out: list[Finding], category: Category, persona_id: str | None) -> None:
        self.out, self.category, self.persona_id = out, category, persona_id

    def __call__(self, severity: Severity, code: str, message: str,
                 touchpoint_ids: Sequence[str] = (), link_ids: Sequence[str] = ()) -> None:
        self.out.append(Finding(severity, self.category, code, message, tuple(touchpoint_ids),
                                tuple(link_ids), self.persona_id))

    def more(self, severity: Severity, code: str, template: str, count: int,
             touchpoint_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        """One finding for ``count`` more of a kind; ``{n}`` in the template is the count."""
        if count:
            self(severity, code, template.format(n=f"{count:,}"), tuple(touchpoint_ids),
                 tuple(link_ids))


def journey_findings(names: Names, main: Journey, personas: Sequence[Journey],
                     scores: dict[str, TouchpointScore],
                     purchase_stage_id: str | None) -> list[Finding]:
    """Flow problems of the main journey, then those only a persona's own journey has."""
    who = f" for persona {names.personas[main.persona_id]}" if main.persona_id else ""
    out: list[Finding] = []
    if main.link_count == 0:
        if main.touchpoint_count > 1:
            out.append(Finding(Severity.INFO, Category.JOURNEY, "no_links",
                               f"Draw links between touchpoints to see how customers move"
                               f"{who}: the map has none yet", persona_id=main.persona_id))
        return out
    f = _Maker(out, Category.JOURNEY, main.persona_id)
    if main.likely_path is None and main.entries and _can_buy(names, main, purchase_stage_id):
        f(Severity.ERROR, "no_path_to_purchase",
          f"Link the journey{who} to a purchase touchpoint: no path from an entry gets there")
    shown, rest = _split(main.dead_ends)
    for tid in shown:
        f(Severity.WARNING, "dead_end",
          f"Add a next step after {names.tp(tid)}: customers stop there before purchase", (tid,))
    f.more(Severity.WARNING, "dead_end", "Add next steps after {n} more touchpoints: customers "
           "stop there before purchase", len(rest), rest)
    shown, rest = _split(main.late_entries)
    for tid in shown:
        f(Severity.WARNING, "late_entry",
          f"Link a step{who} that leads to {names.tp(tid)}: nothing does, yet it comes after "
          f"purchase", (tid,))
    f.more(Severity.WARNING, "late_entry", f"Link steps{who} that lead to {{n}} more "
           f"touchpoints after purchase that nothing leads to", len(rest), rest)
    shown, rest = _split(main.unreachable)
    for tid in shown:
        f(Severity.WARNING, "unreachable",
          f"Connect {names.tp(tid)} to the journey{who}: no path from an entry reaches it", (tid,))
    f.more(Severity.WARNING, "unreachable", f"Connect {{n}} more touchpoints to the journey"
           f"{who}: no path from an entry reaches them", len(rest), rest)
    shown, rest = _split(main.unlinked)
    for tid in shown:
        f(Severity.INFO, "unlinked",
          f"Link {names.tp(tid)} into the journey: no link leads to it or from it", (tid,))
    f.more(Severity.INFO, "unlinked", "Link {n} more touchpoints into the journey: no link "
           "leads to them or from them", len(rest), rest)
    shown, rest = _split(main.back_links)
    for lid in shown:
        src, dst = names.links[lid]
        f(Severity.INFO, "back_link",
          f"Check the link from {names.tp(src)} back to {names.tp(dst)} "
          f"({names.stages[names.stage_of(src)]} to {names.stages[names.stage_of(dst)]}): "
          f"keep it only if customers really go back", (src, dst), (lid,))
    f.more(Severity.INFO, "back_link", "Check {n} more links back to an earlier stage: keep "
           "them only if customers really go back",
           len(rest), dict.fromkeys(t for lid in rest for t in names.links[lid]), rest)
    closed = set(main.closed_cycles)
    for loop in main.cycles:
        stages = {names.stage_of(tid) for tid in loop}
        if loop in closed:
            f(Severity.WARNING, "closed_loop",
              f"Give customers a way out of the loop {names.loop(loop)}: "
              f"every link leads back into it", loop)
        elif len(stages) == 1:
            # A loop across stages always holds a back link, which has its own finding.
            f(Severity.INFO, "loop",
              f"Check the loop {names.loop(loop)} in {names.stages[stages.pop()]}: customers "
              f"can go round it without moving on", loop)
    for critical in main.centrality.critical:
        tid = critical.touchpoint_id
        score = scores.get(tid)
        if score is not None and score.performance < MATRIX_SPLIT:
            f(Severity.WARNING, "critical_underperforming",
              f"Improve {names.tp(tid)}: many customer paths pass through it and it performs "
              f"at {score.performance:.0f}%", (tid,))
    for journey in personas:
        out.extend(_persona_findings(names, main, journey, purchase_stage_id))
    return out


def _can_buy(names: Names, journey: Journey, purchase_stage_id: str | None) -> bool:
    # Without a purchase touchpoint at all, the coverage gap is the finding, not the path.
    if purchase_stage_id is None:
        return False
    return names.stage_position[purchase_stage_id] in journey.graph.stage


def _persona_findings(names: Names, main: Journey, journey: Journey,
                      purchase_stage_id: str | None) -> list[Finding]:
    # Only what differs from the all-customers journey: the rest is already reported once.
    out: list[Finding] = []
    if journey.link_count == 0:
        return out
    pid = journey.persona_id
    who = names.personas[pid] if pid else "everyone"
    f = _Maker(out, Category.JOURNEY, pid)
    if (journey.likely_path is None and main.likely_path is not None and journey.entries
            and _can_buy(names, journey, purchase_stage_id)):
        f(Severity.WARNING, "no_path_to_purchase",
          f"Link a way to purchase for persona {who}: none of their paths reaches a purchase "
          f"touchpoint")
    known = set(main.dead_ends)
    shown, rest = _split([tid for tid in journey.dead_ends if tid not in known])
    for tid in shown:
        f(Severity.WARNING, "dead_end",
          f"Add a next step for persona {who} after {names.tp(tid)}: their journey stops "
          f"there before purchase", (tid,))
    f.more(Severity.WARNING, "dead_end", f"Add next steps for persona {who} after {{n}} more "
           f"touchpoints: their journey stops there before purchase", len(rest), rest)
    known = set(main.late_entries)
    shown, rest = _split([tid for tid in journey.late_entries if tid not in known])
    for tid in shown:
        f(Severity.WARNING, "late_entry",
          f"Link a step for persona {who} that leads to {names.tp(tid)}: none of their "
          f"links does, yet it comes after purchase", (tid,))
    f.more(Severity.WARNING, "late_entry", f"Link steps for persona {who} that lead to {{n}} "
           f"more touchpoints after purchase that none of their links reaches", len(rest), rest)
    known = set(main.unreachable) | set(main.unlinked)
    shown, rest = _split([tid for tid in journey.unreachable if tid not in known])
    for tid in shown:
        f(Severity.WARNING, "unreachable",
          f"Link a step for persona {who} that leads to {names.tp(tid)}: none of their "
          f"paths reaches it", (tid,))
    f.more(Severity.WARNING, "unreachable", f"Link steps for persona {who} that lead to {{n}} "
           f"more touchpoints none of their paths reaches", len(rest), rest)
    return out


def coverage_findings(names: Names, cover: Coverage,
                      purchase_stage_id: str | None) -> list[Finding]:
    """Stages nobody is served in, stages a persona is not served in, unused channels."""
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


def priority_findings(names: Names, scores: Sequence[TouchpointScore]) -> list[Finding]:
    """Touchpoints to improve first (concentrate here) and budget that may be overkill."""
    out: list[Finding] = []
    f = _Maker(out, Category.PRIORITY, None)
    urgent = sorted((s for s in scores
                     if s.quadrant == Quadrant.CONCENTRATE and s.status != Status.RETIRED),
                    key=lambda s: (-s.priority, s.order))
    shown, rest = _split(urgent)
    for s in shown:
        f(Severity.WARNING, "concentrate_here",
          f"Improve {names.tp(s.touchpoint_id)}: it matters (importance {s.importance:.0f}) "
          f"but performs at {s.performance:.0f}%", (s.touchpoint_id,))
    f.more(Severity.WARNING, "concentrate_here", "Improve {n} more touchpoints that matter but "
           "perform poorly", len(rest), (s.touchpoint_id for s in rest))
    overkill = sorted((s for s in scores if s.quadrant == Quadrant.OVERKILL and s.budget > 0
                       and s.status != Status.RETIRED), key=lambda s: (-s.budget, s.order))
    shown, rest = _split(overkill)
    for s in shown:
        f(Severity.INFO, "possible_overkill",
          f"Consider moving budget from {names.tp(s.touchpoint_id)}: it matters little "
          f"(importance {s.importance:.0f}) and already performs at {s.performance:.0f}%",
          (s.touchpoint_id,))
    f.more(Severity.INFO, "possible_overkill", "Consider moving budget from {n} more "
           "touchpoints that matter little and already perform well", len(rest),
           (s.touchpoint_id for s in rest))
    return out


def money_text(value: Decimal, currency: str) -> str:
    """``1234.5`` -> ``1,234.50 EUR``."""
    return f"{value:,.2f} {currency}"


def rollup_findings(project: Project, names: Names, sums: Rollups) -> list[Finding]:
    """Overdue deadlines (longest overdue first) and overspent budgets (largest first)."""
    by_id = {tp.id: tp for tp in project.touchpoints}
    currency = project.business.currency
    out: list[Finding] = []
    f = _Maker(out, Category.DEADLINE, None)
    shown, rest = _split(sums.overdue)
    for tid in shown:
        tp = by_id[tid]
        owner = f", owner {tp.owner}" if tp.owner else ", no owner"
        f(Severity.WARNING, "overdue",
          f"Finish {names.tp(tid)} or move its deadline: it was due {tp.deadline}{owner}",
          (tid,))
    f.more(Severity.WARNING, "overdue", "Finish {n} more overdue touchpoints or move their "
           "deadlines", len(rest), rest)
    f = _Maker(out, Category.BUDGET, None)
    overspent = sorted(sums.over_budget,
                       key=lambda tid: by_id[tid].budget - by_id[tid].spent)
    shown, rest = _split(overspent)
    for tid in shown:
        tp = by_id[tid]
        f(Severity.WARNING, "over_budget",
          f"Raise the budget of {names.tp(tid)} or stop spending: it has spent "
          f"{money_text(tp.spent, currency)} of {money_text(tp.budget, currency)}", (tid,))
    f.more(Severity.WARNING, "over_budget", "Raise the budget of {n} more touchpoints that "
           "spent more than it, or stop spending", len(rest), rest)
    return out
