"""Journey analysis (no Qt): the journey graph, funnel, coverage, priorities, roll-ups, findings.

``analyze(project, today)`` runs everything and returns an ``Analysis``; the modules can also
be used one by one. networkx is only imported when a journey is actually analysed.
"""

from journeymapper.analysis.coverage import Coverage, PersonaCoverage, analyze_coverage
from journeymapper.analysis.critical import Centrality, CriticalTouchpoint, critical_touchpoints
from journeymapper.analysis.findings import Category, Finding, Severity
from journeymapper.analysis.flow import LikelyPath, most_likely_path, split_shares
from journeymapper.analysis.funnel import Funnel, compute_funnel
from journeymapper.analysis.graph import (
    JourneyGraph,
    build_journey,
    journey_graph,
    purchase_stage,
    stage_positions,
)
from journeymapper.analysis.journey import Journey, analyze_journey
from journeymapper.analysis.priorities import Priorities, TouchpointScore, analyze_priorities
from journeymapper.analysis.result import FORMAT, Analysis, analyze
from journeymapper.analysis.rollups import Month, Rollups, Total, Workload, roll_up

__all__ = [
    "FORMAT", "Analysis", "Category", "Centrality", "Coverage", "CriticalTouchpoint",
    "Finding", "Funnel", "Journey", "JourneyGraph", "LikelyPath", "Month", "PersonaCoverage",
    "Priorities", "Rollups", "Severity", "Total", "TouchpointScore", "Workload", "analyze",
    "analyze_coverage", "analyze_journey", "analyze_priorities", "build_journey",
    "compute_funnel", "critical_touchpoints", "journey_graph", "most_likely_path",
    "purchase_stage", "roll_up", "split_shares", "stage_positions",
]
