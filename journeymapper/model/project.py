"""The project: business context plus everything on the map, with cross-reference rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field, model_validator

from journeymapper.model.enums import BusinessSize, MarketPosition
from journeymapper.model.fields import MAX_ITEMS, MAX_SHORT_LIST, Entity, Name, ShortText, Text
from journeymapper.model.link import Link, Note
from journeymapper.model.persona import Persona
from journeymapper.model.scoring import Scoring
from journeymapper.model.stage import Lane, Stage
from journeymapper.model.touchpoint import Touchpoint

SCHEMA_VERSION = 2


class BusinessContext(Entity):
    """Who the map is for: size, competition, market position and currency."""

    name: ShortText = ""
    industry: ShortText = ""
    size: BusinessSize = BusinessSize.SMALL
    competitors: int = Field(default=0, ge=0, le=100_000)
    market_position: MarketPosition = MarketPosition.CHALLENGER
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")


class Problem(ValueError):
    """One broken rule, located by a JSON path such as ``touchpoints[3].stage_id``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ProjectProblems(ValueError):
    """Every cross-reference rule a project breaks, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class Project(Entity):
    """A customer-journey map: stages, lanes, personas, touchpoints, links and notes."""

    schema_version: int = SCHEMA_VERSION
    title: Name
    description: Text = ""
    business: BusinessContext = Field(default_factory=BusinessContext)
    scoring: Scoring = Field(default_factory=Scoring)
    stages: list[Stage] = Field(default_factory=list, max_length=MAX_SHORT_LIST)
    lanes: list[Lane] = Field(default_factory=list, max_length=MAX_SHORT_LIST)
    personas: list[Persona] = Field(default_factory=list, max_length=MAX_SHORT_LIST)
    touchpoints: list[Touchpoint] = Field(default_factory=list, max_length=MAX_ITEMS)
    links: list[Link] = Field(default_factory=list, max_length=MAX_ITEMS)
    notes: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _check_references(self) -> Project:
        problems = find_problems(self)
        if problems:
            raise ProjectProblems(problems)
        return self

    def importance(self, touchpoint: Touchpoint) -> float:
        """Importance 0..100 of a touchpoint under this project's scoring."""
        return self.scoring.importance(touchpoint)

    def all_ids(self) -> Iterator[str]:
        """Every id in the project (stages, lanes, criteria, personas, cards, links)."""
        for group in (self.stages, self.lanes, self.scoring.criteria, self.personas,
                      self.touchpoints, self.links, self.notes):
            for item in group:
                yield item.id


def find_problems(project: Project) -> list[Problem]:
    """Duplicate ids and dangling references, each located by its JSON path."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}

    def claim(item_id: str, path: str) -> None:
        if item_id in seen:
            problems.append(Problem(f"{path}.id",
                                    f"duplicate id {item_id!r} (also {seen[item_id]})"))
        else:
            seen[item_id] = path

    groups: list[tuple[str, list[Any]]] = [
        ("stages", project.stages), ("lanes", project.lanes),
        ("scoring.criteria", project.scoring.criteria), ("personas", project.personas),
        ("touchpoints", project.touchpoints), ("links", project.links), ("notes", project.notes),
    ]
    for name, items in groups:
        for i, item in enumerate(items):
            claim(item.id, f"{name}[{i}]")

    stages = {s.id for s in project.stages}
    lanes = {lane.id for lane in project.lanes}
    personas = {p.id for p in project.personas}
    criteria = {c.id for c in project.scoring.criteria}
    touchpoints = {t.id for t in project.touchpoints}

    def check(value: str | None, known: set[str], path: str, what: str) -> None:
        if value is not None and value not in known:
            problems.append(Problem(path, f"unknown {what} {value!r}"))

    for i, tp in enumerate(project.touchpoints):
        at = f"touchpoints[{i}]"
        check(tp.stage_id, stages, f"{at}.stage_id", "stage")
        check(tp.lane_id, lanes, f"{at}.lane_id", "lane")
        for j, pid in enumerate(tp.persona_ids):
            check(pid, personas, f"{at}.persona_ids[{j}]", "persona")
        if len(set(tp.persona_ids)) != len(tp.persona_ids):
            problems.append(Problem(f"{at}.persona_ids", "lists a persona twice"))
        for cid in tp.scores:
            check(cid, criteria, f"{at}.scores.{cid}", "scoring criterion")
    flows: set[tuple[str, str, str | None]] = set()
    for i, link in enumerate(project.links):
        at = f"links[{i}]"
        check(link.source_id, touchpoints, f"{at}.source_id", "touchpoint")
        check(link.target_id, touchpoints, f"{at}.target_id", "touchpoint")
        check(link.persona_id, personas, f"{at}.persona_id", "persona")
        if link.source_id == link.target_id:
            problems.append(Problem(f"{at}.target_id", "a link cannot point to its own source"))
        flow = (link.source_id, link.target_id, link.persona_id)
        if flow in flows:
            problems.append(Problem(at, "the same flow is linked twice"))
        flows.add(flow)
    for i, note in enumerate(project.notes):
        check(note.stage_id, stages, f"notes[{i}].stage_id", "stage")
        check(note.lane_id, lanes, f"notes[{i}].lane_id", "lane")
    return problems
