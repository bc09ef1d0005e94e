"""The `analyze` subcommand: findings, journey, coverage, priorities and roll-ups of a map."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymapper.cli.common import (
    FILE_HELP,
    day_option,
    error,
    load_or_report,
    source_name,
)
from journeymapper.wording import plural

if TYPE_CHECKING:
    from journeymapper.analysis import Analysis, Journey, Total
    from journeymapper.model import Project

# A report is read by a person: past this many lines a section points to --json instead.
SHOWN = 12
SHOWN_FINDINGS = 40


def register(commands: Any) -> None:
    """Add the ``analyze`` subcommand."""
    p = commands.add_parser(
        "analyze", help="findings, journey flow, coverage, priorities and budget roll-ups",
        description="Analyse a journey map: what to do first, how customers flow, who is "
                    "not served, and where the money and deadlines stand.")
    p.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    p.add_argument("--persona", metavar="NAME",
                   help="limit the analysis to one persona (name or id)")
    p.add_argument("--today", type=day_option, default=None, metavar="YYYY-MM-DD",
                   help="date to judge deadlines against (default today)")
    p.set_defaults(func=cmd_analyze)


def find_persona(project: Project, wanted: str) -> str | None:
    """The id of the persona with this id or name (names ignore case); None if none matches."""
    for persona in project.personas:
        if persona.id == wanted:
            return persona.id
    folded = wanted.strip().casefold()
    for persona in project.personas:
        if persona.name.casefold() == folded:
            return persona.id
    return None


def cmd_analyze(args: argparse.Namespace) -> int:
    """Load the file, analyse it and print the report or the JSON."""
    project = load_or_report(args.file)
    if project is None:
        return 1
    persona_id = None
    if args.persona is not None:
        persona_id = find_persona(project, args.persona)
        if persona_id is None:
            known = ", ".join(p.name for p in project.personas) or "none"
            error(f"{source_name(args.file)}: no persona named {args.persona!r} "
                  f"(personas: {known})")
            return 1
    # Imported here: every command's module is imported to build the parser, and the
    # analysis (with networkx behind it) should cost nothing to the other commands.
    from journeymapper.analysis import analyze

    result = analyze(project, args.today or dt.date.today(), persona_id)
    if args.json:
        json.dump(result.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(report(project, result, source_name(args.file))) + "\n")
    return 0


class _Text:
    """Names and formats for the report."""

    def __init__(self, project: Project, currency: str) -> None:
        self.touchpoints = {tp.id: tp for tp in project.touchpoints}
        self.stages = {s.id: s.name for s in project.stages}
        self.personas = {p.id: p.name for p in project.personas}
        self.currency = currency

    def tp(self, tid: str) -> str:
        """A touchpoint's name in quotes."""
        return f"'{self.touchpoints[tid].name}'"

    def tps(self, ids: Sequence[str]) -> str:
        """Touchpoint names, shortened past ``SHOWN``."""
        return shortened([self.tp(t) for t in ids])

    def money(self, value: Decimal) -> str:
        """``1,234.50 EUR``."""
        return f"{value:,.2f} {self.currency}"

    def who(self, persona_id: str | None) -> str:
        """``persona Busy Parent`` or ``all customers``."""
        return f"persona {self.personas[persona_id]}" if persona_id else "all customers"


def shortened(items: Sequence[str], limit: int = SHOWN) -> str:
    """``a, b, c`` with at most ``limit`` items, then how many more."""
    text = ", ".join(items[:limit])
    if len(items) > limit:
        text += f" ... and {len(items) - limit} more"
    return text or "none"


def percent(share: float) -> str:
    """0.125 -> ``12.5%``."""
    return f"{100 * share:.1f}%"


def report(project: Project, result: Analysis, source: str) -> list[str]:
    """The human-readable report, findings first; ``source`` names the file."""
    text = _Text(project, result.currency)
    scope = f", {text.who(result.persona_id)}" if result.persona_id else ""
    purchase = text.stages.get(result.purchase_stage_id or "", "none")
    lines = [f"{result.title} ({source}){scope}, as of {result.today}",
             f"{result.journey.touchpoint_count} touchpoints, {result.journey.link_count} "
             f"links; purchase stage: {purchase}", ""]
    for section in (_findings, _journeys, _coverage, _priorities, _money, _deadlines):
        lines.extend(section(result, text))
        lines.append("")
    return lines[:-1]


def _findings(result: Analysis, text: _Text) -> list[str]:
    head = ", ".join(f"{n} info" if s == "info" else plural(n, s)
                     for s, n in result.severity_counts().items() if n) or "nothing to report"
    lines = [f"Findings ({head})"]
    for finding in result.findings[:SHOWN_FINDINGS]:
        lines.append(f"  {finding.severity.value.upper():<8}{finding.category.value:<10}"
                     f"{finding.message}")
    if len(result.findings) > SHOWN_FINDINGS:
        lines.append(f"  ... and {len(result.findings) - SHOWN_FINDINGS} more (--json lists all)")
    return lines


def _journey_lines(journey: Journey, text: _Text, indent: str) -> list[str]:
    lines = []
    path = journey.likely_path
    if path is None:
        lines.append(f"{indent}Most likely path to purchase: none reaches purchase")
    else:
        lines.append(f"{indent}Most likely path to purchase ({percent(path.probability)}): "
                     + " -> ".join(text.tp(t) for t in path.touchpoint_ids))
    lines.append(f"{indent}Customers reaching each stage: " + " | ".join(
        f"{text.stages[sid]} {percent(share)}" for sid, share in journey.funnel.stages.items()))
    for label, ids in (("Entries", journey.entries), ("Dead ends", journey.dead_ends),
                       ("Unreachable", journey.unreachable), ("Unlinked", journey.unlinked)):
        if ids or label == "Entries":
            lines.append(f"{indent}{label}: {text.tps(ids)}")
    if journey.back_links:
        lines.append(f"{indent}Links back to an earlier stage: {len(journey.back_links)}")
    if journey.cycles:
        more = " (more not listed)" if journey.cycles_truncated else ""
        lines.append(f"{indent}Loops: {len(journey.cycles)}{more}")
    return lines


def _journeys(result: Analysis, text: _Text) -> list[str]:
    main = result.journey
    lines = [f"Journey ({text.who(main.persona_id)})"]
    lines.extend(_journey_lines(main, text, "  "))
    centrality = main.centrality
    if centrality.method.value == "skipped":
        lines.append("  Critical touchpoints: not computed (map too big for betweenness)")
    elif centrality.critical:
        how = (f" (estimated from {centrality.samples} sampled touchpoints)"
               if centrality.method.value == "sampled" else "")
        lines.append(f"  Critical touchpoints{how}: " + ", ".join(
            f"{text.tp(c.touchpoint_id)} {c.score:.2f}" for c in centrality.critical))
    for journey in result.persona_journeys:
        lines.append(f"  Persona {text.personas.get(journey.persona_id or '', '?')}")
        lines.extend(_journey_lines(journey, text, "    "))
    return lines


def _coverage(result: Analysis, text: _Text) -> list[str]:
    lines = ["Coverage (touchpoints serving each persona, per stage)"]
    if result.coverage.empty_stage_ids:
        lines.append("  Stages with no touchpoint: "
                     + ", ".join(text.stages[s] for s in result.coverage.empty_stage_ids))
    for pc in result.coverage.personas:
        counts = " | ".join(f"{text.stages[sid]} {len(ids)}" for sid, ids in pc.by_stage.items())
        lines.append(f"  {text.personas[pc.persona_id]}: {counts}")
        if pc.unused_channels:
            lines.append("    preferred channels no touchpoint uses: "
                         + ", ".join(c.value for c in pc.unused_channels))
    if not result.coverage.personas:
        lines.append("  no personas yet")
    return lines


def _priorities(result: Analysis, text: _Text) -> list[str]:
    prio = result.priorities
    lines = ["Priorities (importance x performance gap, highest first)"]
    for rank, s in enumerate(prio.actions[:SHOWN], start=1):
        lines.append(f"  {rank:>2}. {text.tp(s.touchpoint_id)}: priority {s.priority:.1f}, "
                     f"importance {s.importance:.0f}, performance {s.performance:.0f}%, "
                     f"{s.quadrant.label.lower()}, budget {text.money(s.budget)}")
    if len(prio.actions) > SHOWN:
        lines.append(f"  ... and {len(prio.actions) - SHOWN} more")
    if not prio.actions:
        lines.append("  nothing falls short of its importance")
    lines.append("  Quadrants: " + ", ".join(f"{q.label} {len(ids)}"
                                             for q, ids in prio.quadrants.items()))
    return lines


def _table(title: str, totals: Iterable[Total], text: _Text) -> list[str]:
    rows = list(totals)
    if not rows:
        return []
    width = min(28, max(len(t.label) for t in rows))
    lines = [f"  {title}"]
    for t in rows[:SHOWN]:
        lines.append(f"    {t.label[:width]:<{width}}  {t.count:>5}  budget "
                     f"{text.money(t.budget):>18}  spent {text.money(t.spent):>18}")
    if len(rows) > SHOWN:
        lines.append(f"    ... and {len(rows) - SHOWN} more")
    return lines


def _money(result: Analysis, text: _Text) -> list[str]:
    sums = result.rollups
    lines = [f"Budget: {text.money(sums.total.budget)}, spent {text.money(sums.total.spent)}, "
             f"remaining {text.money(sums.total.remaining)}"]
    tables: list[tuple[str, Sequence[Total]]] = [
        ("By stage", sums.by_stage), ("By channel", sums.by_channel),
        ("By owner", sums.by_owner),
        ("By persona (a touchpoint for everyone counts for each persona)", sums.by_persona)]
    for title, totals in tables:
        lines.extend(_table(title, totals, text))
    if sums.over_budget:
        lines.append(f"  Over budget: {text.tps(sums.over_budget)}")
    return lines


def _deadlines(result: Analysis, text: _Text) -> list[str]:
    sums = result.rollups
    lines = ["Deadlines"]
    for month in sums.by_month[:SHOWN]:
        late = f", {month.overdue} overdue" if month.overdue else ""
        lines.append(f"  {month.month}: {len(month.touchpoint_ids)} due{late}, "
                     f"budget {text.money(month.budget)}")
    if len(sums.by_month) > SHOWN:
        lines.append(f"  ... and {len(sums.by_month) - SHOWN} more months")
    if not sums.by_month:
        lines.append("  no deadlines set")
    lines.append(f"  Overdue: {text.tps(sums.overdue)}")
    lines.append("  Workload" if sums.workload else "  Workload: none")
    for w in sums.workload[:SHOWN]:
        lines.append(f"    {w.owner}: {plural(w.count, 'touchpoint')}, budget "
                     f"{text.money(w.budget)}, {len(w.overdue_ids)} overdue")
    if len(sums.workload) > SHOWN:
        lines.append(f"    ... and {len(sums.workload) - SHOWN} more owners")
    return lines
