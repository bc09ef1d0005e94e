"""``Brief``: what the app's analysis dock shows of an ``Analysis``, as a small pydantic model.

On a big map the dock analyses in a child process (``journeymapper serve-analysis``), which
hands back this brief as JSON. The whole analysis of a 10,000-touchpoint map is 7.7 MB of JSON
(a funnel entry and a score for every touchpoint of every journey) and took the window longer
to read than to analyse; the brief is the part the dock shows: about 0.5 MB.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from journeymapper.analysis.findings import Category, Severity
from journeymapper.analysis.journey import Journey
from journeymapper.analysis.result import Analysis
from journeymapper.model import Project

MAX_ACTIONS = 200
"""The dock lists this many actions, the first to fix first; it says how many more there are."""


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BriefFinding(_Part):
    """One finding: its sentence and what a click on it selects."""

    severity: Severity
    category: Category
    message: str
    touchpoint_ids: tuple[str, ...] = ()
    stage_id: str | None = None


class BriefPath(_Part):
    """The most likely path of a persona (``persona_id`` None: all customers); no
    ``probability`` when no path leads to the purchase stage."""

    persona_id: str | None
    touchpoint_ids: tuple[str, ...] = ()
    link_ids: tuple[str, ...] = ()
    probability: float | None = None


class BriefCover(_Part):
    """The stages without a touchpoint for one persona, the touchpoints that serve them and the
    channels they prefer that no touchpoint uses (the channels' values)."""

    persona_id: str
    missing_stage_ids: tuple[str, ...]
    served_ids: tuple[str, ...]
    unused_channels: tuple[str, ...]


class BriefAction(_Part):
    """One touchpoint to improve, in the action list."""

    touchpoint_id: str
    priority: float
    importance: float
    performance: float
    budget: Decimal


class Brief(_Part):
    """The dock's view of an analysis: counts, findings, funnel, likely paths, coverage and the
    first ``MAX_ACTIONS`` actions (``action_count`` of them in all)."""

    touchpoints: int
    links: int
    """The map's touchpoints and links (a journey keeps one link of those joining the same
    two touchpoints: ``link_count``)."""
    counts: dict[Severity, int]
    findings: tuple[BriefFinding, ...]
    link_count: int
    """Links in the main journey: without any, there is no funnel to show."""
    funnel: dict[str, float]
    """Share of customers reaching each stage (by stage id)."""
    returned: float
    paths: tuple[BriefPath, ...]
    """All customers first, then each persona."""
    empty_stage_ids: tuple[str, ...]
    coverage: tuple[BriefCover, ...]
    actions: tuple[BriefAction, ...]
    action_count: int

    @classmethod
    def of(cls, analysis: Analysis, project: Project) -> Brief:
        """The brief of ``analysis`` of ``project``."""
        journey = analysis.journey
        actions = analysis.priorities.actions
        return cls(
            touchpoints=len(project.touchpoints),
            links=len(project.links),
            counts=analysis.severity_counts(),
            findings=tuple(BriefFinding(severity=f.severity, category=f.category,
                                        message=f.message, touchpoint_ids=f.touchpoint_ids,
                                        stage_id=f.stage_id) for f in analysis.findings),
            link_count=journey.link_count,
            funnel=dict(journey.funnel.stages) if journey.link_count else {},
            returned=journey.funnel.returned if journey.link_count else 0.0,
            paths=tuple(_path(j) for j in (journey, *analysis.persona_journeys)),
            empty_stage_ids=analysis.coverage.empty_stage_ids,
            coverage=tuple(BriefCover(
                persona_id=c.persona_id, missing_stage_ids=c.missing_stage_ids,
                served_ids=tuple(t for ids in c.by_stage.values() for t in ids),
                unused_channels=tuple(channel.value for channel in c.unused_channels))
                for c in analysis.coverage.personas),
            actions=tuple(BriefAction(touchpoint_id=s.touchpoint_id, priority=s.priority,
                                      importance=s.importance, performance=s.performance,
                                      budget=s.budget) for s in actions[:MAX_ACTIONS]),
            action_count=len(actions),
        )


def _path(journey: Journey) -> BriefPath:
    path = journey.likely_path
    if path is None:
        return BriefPath(persona_id=journey.persona_id)
    return BriefPath(persona_id=journey.persona_id, touchpoint_ids=path.touchpoint_ids,
                     link_ids=path.link_ids, probability=path.probability)
