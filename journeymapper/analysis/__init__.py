"""Journey analysis (no Qt): the journey graph, funnel, coverage, priorities, roll-ups, findings.

``analyze(project, today)`` runs everything and returns an ``Analysis``; the modules can also
be used one by one. networkx is only imported when a journey is actually analysed.
"""

from journeymapper.analysis.coverage import Coverage, PersonaCoverage, coverage
from journeymapper.analysis.critical import Centrality, CriticalTouchpoint, critical_touchpoints
from journeymapper.analysis.findings import Category, Finding, Severity
from journeymapper.analysis.flow import LikelyPath, most_likely_path, split_shares
from journeymapper.analysis.funnel import Funnel, funnel
from journeymapper.analysis.graph import (
    JourneyGraph,
    build_journey,
    journey_graph,
    purchase_stage,
    stage_positions,
)
from journeymapper.analysis.journey import Journey, analyze_journey
from journeymapper.analysis.priorities import Priorities, TouchpointScore, priorities
from journeymapper.analysis.result import FORMAT, Analysis, analyze
from journeymapper.analysis.rollups import Month, Rollups, Total, Workload, rollups

__all__ = [
    "FORMAT", "Analysis", "Category", "Centrality", "Coverage", "CriticalTouchpoint",
    "Finding", "Funnel", "Journey", "JourneyGraph", "LikelyPath", "Month", "PersonaCoverage",
    "Priorities", "Rollups", "Severity", "Total", "TouchpointScore", "Workload", "analyze",
    "analyze_journey", "build_journey", "coverage", "critical_touchpoints", "funnel",
    "journey_graph", "most_likely_path", "priorities", "purchase_stage", "rollups",
    "split_shares", "stage_positions",
]
