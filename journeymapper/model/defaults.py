"""The default new project: five stages, the standard lanes, a default scoring model."""

from __future__ import annotations

from journeymapper.model.enums import LaneKind
from journeymapper.model.project import Project
from journeymapper.model.scoring import Criterion, Scoring
from journeymapper.model.stage import Lane, Stage

DEFAULT_STAGES: tuple[tuple[str, str, str, str, str], ...] = (
    ("awareness", "Awareness", "The customer learns the business exists.",
     "Find a trustworthy option", "#4c78a8"),
    ("consideration", "Consideration", "The customer compares options.",
     "Choose the best fit", "#72b7b2"),
    ("purchase", "Purchase", "The customer buys.", "Buy without friction", "#54a24b"),
    ("experience", "Experience", "The customer uses what they bought (retention).",
     "Get the value promised", "#eeca3b"),
    ("loyalty", "Loyalty", "The customer comes back and recommends (advocacy).",
     "Feel recognised and rewarded", "#f58518"),
)

DEFAULT_LANES: tuple[tuple[str, str, LaneKind], ...] = (
    ("touchpoints", "Touchpoints", LaneKind.TOUCHPOINTS),
    ("actions", "Customer actions", LaneKind.ACTIONS),
    ("emotions", "Emotions", LaneKind.EMOTIONS),
    ("pain-points", "Pain points", LaneKind.PAIN_POINTS),
    ("opportunities", "Opportunities", LaneKind.OPPORTUNITIES),
    ("backstage", "Backstage", LaneKind.BACKSTAGE),
)

DEFAULT_CRITERIA: tuple[tuple[str, str, float, str], ...] = (
    ("reach", "Reach", 3.0, "How many customers pass through it"),
    ("influence", "Influence on purchase", 4.0, "How much it sways the decision to buy"),
    ("frequency", "Frequency", 2.0, "How often a customer meets it"),
    ("retention", "Effect on loyalty", 3.0, "How much it makes customers stay and recommend"),
)


def default_scoring() -> Scoring:
    """Reach, influence on purchase, frequency and effect on loyalty, weighted."""
    return Scoring(criteria=[Criterion(id=i, name=n, weight=w, description=d)
                             for i, n, w, d in DEFAULT_CRITERIA])


def new_project(title: str = "Untitled journey") -> Project:
    """A fresh project with the default stages, lanes and scoring model."""
    return Project(
        title=title,
        scoring=default_scoring(),
        stages=[Stage(id=i, name=n, description=d, goal=g, color=c)
                for i, n, d, g, c in DEFAULT_STAGES],
        lanes=[Lane(id=i, name=n, kind=k) for i, n, k in DEFAULT_LANES],
    )
