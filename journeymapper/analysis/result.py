"""``analyze(project, today)``: every analysis of a map gathered in one ``Analysis``.

``Analysis.to_json()`` has this shape (version ``FORMAT``; keys are only ever added). Ids are
the project's ids; lists of touchpoint ids are in project order unless said otherwise; money
is a string with two decimals ("1234.50"); shares and probabilities are numbers in 0..1::

    {
      "format": "journeymapper.analysis/1",
      "title": str, "today": "YYYY-MM-DD", "currency": "EUR",
      "persona_id": str | null,          # the persona the analysis is limited to, if any
      "purchase_stage_id": str | null,   # see graph.purchase_stage
      "summary": {"touchpoints": int, "links": int, "findings": {"error": int,
                  "warning": int, "info": int}},
      "findings": [{"severity": "error" | "warning" | "info",
                    "category": "journey" | "coverage" | "deadline" | "budget" | "priority",
                    "code": str, "message": str, "touchpoint_ids": [str], "link_ids": [str],
                    "persona_id": str | null, "stage_id": str | null}],   # most severe first
      "journey": JOURNEY,                # all customers, or the chosen persona
      "persona_journeys": [JOURNEY],     # one per persona (empty when limited to one)
      "coverage": {"personas": [{"persona_id", "stages": [{"stage_id", "touchpoint_ids"}],
                                 "missing_stage_ids": [str], "unused_channels": [str]}],
                   "empty_stage_ids": [str]},
      "priorities": {"touchpoints": [SCORE], "quadrants": {quadrant: [str]},
                     "actions": [SCORE]},          # actions: highest priority first
      "rollups": {"total": TOTAL, "by_stage": [TOTAL], "by_channel": [TOTAL],
                  "by_owner": [TOTAL], "by_persona": [TOTAL],
                  "by_month": [{"month": "YYYY-MM", "count", "touchpoint_ids", "budget",
                                "overdue"}],
                  "overdue": [str],                # longest overdue first
                  "over_budget": [str],
                  "workload": [{"key", "owner", "count", "budget", "spent", "overdue",
                                "overdue_ids"}]}
    }
    JOURNEY = {"persona_id": str | null, "touchpoint_count": int, "link_count": int,
               "entries", "late_entries", "unlinked", "unreachable", "dead_ends": [str],
               "back_links": [link id], "cycles", "closed_cycles": [[str]],
               "cycles_truncated": bool,
               "centrality": {"method": "exact" | "sampled" | "skipped", "samples": int,
                              "critical": [{"touchpoint_id", "score": float}]},
               "likely_path": {"touchpoint_ids", "link_ids", "probability"} | null,
               "funnel": {"stages": [{"stage_id", "share"}],
                          "touchpoints": [{"touchpoint_id", "started", "reached", "left",
                                           "stopped"}],
                          "links": [{"link_id", "flow", "returns": bool}],
                          "returned": float}}
    SCORE = {"touchpoint_id", "importance", "performance", "gap", "priority": float,
             "quadrant": str, "budget", "spent": money}
    TOTAL = {"key", "label": str, "count": int, "budget", "spent", "remaining": money}

``by_persona`` counts a touchpoint that serves every persona once for each persona.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from journeymapper.analysis.coverage import Coverage, analyze_coverage
from journeymapper.analysis.findings import (
    Finding,
    Names,
    Severity,
    coverage_findings,
    journey_findings,
    priority_findings,
    ranked,
    rollup_findings,
)
from journeymapper.analysis.graph import ProjectIndex, purchase_stage
from journeymapper.analysis.journey import Journey, analyze_journey
from journeymapper.analysis.priorities import Priorities, analyze_priorities
from journeymapper.analysis.rollups import Rollups, roll_up
from journeymapper.model import Project

FORMAT = "journeymapper.analysis/1"


@contextmanager
def _collector_paused() -> Iterator[None]:
    # A big map's analysis allocates a few hundred thousand short-lived containers, and every
    # burst of allocations makes CPython's cycle collector rescan all the objects alive,
    # including each of the project's pydantic models: that was a third of the time on a
    # 10,000-touchpoint map. Refcounting frees what the analysis builds; the few cycles (in
    # networkx's graph views) wait for collection to resume afterwards, as it was.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Analysis:
    """Everything ``analyze`` found; ``findings`` come most severe first."""

    title: str
    today: dt.date
    currency: str
    persona_id: str | None
    purchase_stage_id: str | None
    findings: tuple[Finding, ...]
    journey: Journey
    persona_journeys: tuple[Journey, ...]
    coverage: Coverage
    priorities: Priorities
    rollups: Rollups

    def findings_about(self, touchpoint_id: str) -> list[Finding]:
        """The findings that name this touchpoint (what a selected card would show)."""
        return [f for f in self.findings if touchpoint_id in f.touchpoint_ids]

    def severity_counts(self) -> dict[Severity, int]:
        """How many findings of each severity, most severe first (zeros included)."""
        counts = Counter(f.severity for f in self.findings)
        return {s: counts.get(s, 0) for s in Severity}

    def to_json(self) -> dict[str, Any]:
        """JSON-able data in the shape documented in this module."""
        # Tens of thousands of small dicts on a big map: the same reason as in analyze().
        with _collector_paused():
            return self._json()

    def _json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "title": self.title,
            "today": self.today.isoformat(),
            "currency": self.currency,
            "persona_id": self.persona_id,
            "purchase_stage_id": self.purchase_stage_id,
            "summary": {"touchpoints": self.journey.touchpoint_count,
                        "links": self.journey.link_count,
                        "findings": {s.value: n for s, n in self.severity_counts().items()}},
            "findings": [f.to_json() for f in self.findings],
            "journey": self.journey.to_json(),
            "persona_journeys": [j.to_json() for j in self.persona_journeys],
            "coverage": self.coverage.to_json(),
            "priorities": self.priorities.to_json(),
            "rollups": self.rollups.to_json(),
        }


def analyze(project: Project, today: dt.date, persona_id: str | None = None) -> Analysis:
    """Analyse the whole map as of ``today``, or only what one persona meets.

    With ``persona_id``, everything is limited to that persona: their journey, their coverage,
    and the priorities and roll-ups of the touchpoints that serve them. Raises ``KeyError`` for
    an id that is not one of the project's personas.
    """
    with _collector_paused():
        return _analyze(project, today, persona_id)


def _analyze(project: Project, today: dt.date, persona_id: str | None) -> Analysis:
    if persona_id is None:
        personas = list(project.personas)
    else:
        personas = [p for p in project.personas if p.id == persona_id]
        if not personas:
            raise KeyError(persona_id)
    touchpoints = [tp for tp in project.touchpoints if tp.serves(persona_id)]
    purchase = purchase_stage(project)
    purchase_id = purchase.id if purchase else None

    index = ProjectIndex.of(project)
    main = analyze_journey(project, persona_id, index=index)
    # Per-persona journeys skip centrality: it is the one costly step, and the persona's
    # critical touchpoints are one ``analyze(project, today, persona_id)`` away.
    others = tuple(analyze_journey(project, p.id, with_centrality=False, index=index)
                   for p in personas if persona_id is None)
    cover = analyze_coverage(project, personas, touchpoints)
    prio = analyze_priorities(project, touchpoints)
    sums = roll_up(project, today, touchpoints, personas)
    scores = {s.touchpoint_id: s for s in prio.scores}
    names = Names(project, index)
    findings = ranked([
        *journey_findings(names, main, others, scores, purchase_id),
        *coverage_findings(names, cover, purchase_id),
        *rollup_findings(project, names, sums),
        *priority_findings(names, prio.scores),
    ])
    return Analysis(
        title=project.title,
        today=today,
        currency=project.business.currency,
        persona_id=persona_id,
        purchase_stage_id=purchase_id,
        findings=tuple(findings),
        journey=main,
        persona_journeys=others,
        coverage=cover,
        priorities=prio,
        rollups=sums,
    )
