"""Named versions of a map ("As-is 2026", "To-be Q3") and the rules that colour cards by KPI.

The project's own stages, lanes, touchpoints, links and notes ARE the active version (named by
``Project.version_id`` and ``Project.version_name``); ``Project.versions`` holds the other
named snapshots. Personas and the scoring model are shared by every version, so a persona or
a criterion removed from the project is removed from every snapshot too. Switching versions
swaps the active content with a snapshot: all existing code keeps reading the active map.

Ids are unique inside one version, not across versions: a touchpoint copied into another
version keeps its id, and that is how two versions are compared (matched by id).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from journeymapper.model.fields import MAX_ITEMS, MAX_SHORT_LIST, Color, Entity, Id, Name, new_list
from journeymapper.model.link import Link, Note
from journeymapper.model.stage import Lane, Stage
from journeymapper.model.touchpoint import KPI, Touchpoint

MAX_VERSIONS = 20
"""Stored versions besides the active one; each is a full copy of a map."""

CONTENT_FIELDS = ("stages", "lanes", "touchpoints", "links", "notes")
"""The lists a version holds: what a switch swaps."""

DEFAULT_VERSION_ID = "version-1"
DEFAULT_VERSION_NAME = "Current map"


class MapVersion(Entity):
    """A stored, named version of the map: its own stages, lanes, cards, links and notes."""

    id: Id
    name: Name
    stages: list[Stage] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    lanes: list[Lane] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    touchpoints: list[Touchpoint] = Field(default_factory=new_list, max_length=MAX_ITEMS)
    links: list[Link] = Field(default_factory=new_list, max_length=MAX_ITEMS)
    notes: list[Note] = Field(default_factory=new_list, max_length=MAX_ITEMS)

    def content(self) -> dict[str, list[Any]]:
        """The five lists, by field name (the real lists, not copies)."""
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


class KpiCondition(StrEnum):
    """When a colouring rule applies to a touchpoint card."""

    BELOW_TARGET = "below_target"
    """At least one KPI misses its target (``KPI.on_target()`` is False)."""
    ON_TARGET = "on_target"
    """Every KPI with a target and an actual meets it (and there is at least one)."""

    @property
    def label(self) -> str:
        """Human wording."""
        return {KpiCondition.BELOW_TARGET: "A KPI is below target",
                KpiCondition.ON_TARGET: "All measured KPIs on target"}[self]


class KpiRule(Entity):
    """Give a card a coloured border when its KPIs meet a condition."""

    condition: KpiCondition
    color: Color


def _default_rules() -> list[KpiRule]:
    return [KpiRule(condition=KpiCondition.BELOW_TARGET, color="#d62728"),
            KpiRule(condition=KpiCondition.ON_TARGET, color="#2ca02c")]


class KpiColouring(Entity):
    """Card borders coloured by KPI results (View > KPI Colouring); the first rule that applies
    wins. Stored in the project so that everyone opening the map sees the same colours."""

    enabled: bool = False
    rules: list[KpiRule] = Field(default_factory=_default_rules, max_length=MAX_SHORT_LIST)

    def color_for(self, kpis: list[KPI]) -> str:
        """The border colour of a card with these KPIs ("" for none, or when switched off)."""
        if not self.enabled:
            return ""
        results = [r for kpi in kpis if (r := kpi.on_target()) is not None]
        for rule in self.rules:
            if rule.condition is KpiCondition.BELOW_TARGET and False in results:
                return rule.color
            if rule.condition is KpiCondition.ON_TARGET and results and all(results):
                return rule.color
        return ""
