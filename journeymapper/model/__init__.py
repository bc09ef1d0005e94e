"""The journey model: pydantic classes and pure rules, no Qt."""

from journeymapper.model.defaults import default_scoring, new_project
from journeymapper.model.enums import (
    BusinessSize,
    Channel,
    LaneKind,
    MarketPosition,
    Quadrant,
    Status,
)
from journeymapper.model.ids import new_id
from journeymapper.model.link import Link, Note
from journeymapper.model.persona import Persona
from journeymapper.model.project import (
    SCHEMA_VERSION,
    BusinessContext,
    Problem,
    Project,
    ProjectProblems,
    find_problems,
)
from journeymapper.model.review import Cadence, Review
from journeymapper.model.scoring import (
    Criterion,
    Scoring,
    performance_gap,
    performance_percent,
    priority,
    quadrant,
)
from journeymapper.model.stage import Lane, Stage
from journeymapper.model.touchpoint import KPI, Touchpoint
from journeymapper.model.version import KpiColouring, KpiCondition, KpiRule, MapVersion

__all__ = [
    "KPI", "SCHEMA_VERSION", "BusinessContext", "BusinessSize", "Cadence", "Channel",
    "Criterion", "KpiColouring", "KpiCondition", "KpiRule", "Lane", "LaneKind", "Link",
    "MapVersion", "MarketPosition", "Note", "Persona", "Problem", "Project", "ProjectProblems",
    "Quadrant", "Review", "Scoring", "Stage", "Status", "Touchpoint", "default_scoring",
    "find_problems", "new_id", "new_project", "performance_gap", "performance_percent",
    "priority", "quadrant",
]
