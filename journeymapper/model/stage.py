"""Stages (columns) and lanes (rows) of the journey map."""

from __future__ import annotations

from pydantic import Field

from journeymapper.model.enums import LaneKind
from journeymapper.model.fields import Color, Entity, Id, Name, Text

DEFAULT_STAGE_WIDTH = 280.0
DEFAULT_LANE_HEIGHT = 170.0


class Stage(Entity):
    """An ordered column of the journey: what the customer goes through."""

    id: Id
    name: Name
    description: Text = ""
    goal: Text = ""
    color: Color = "#4c78a8"
    width: float = Field(default=DEFAULT_STAGE_WIDTH, ge=120, le=4000)


class Lane(Entity):
    """An ordered row of the map; cards sit in the cell (stage, lane)."""

    id: Id
    name: Name
    kind: LaneKind = LaneKind.TOUCHPOINTS
    height: float = Field(default=DEFAULT_LANE_HEIGHT, ge=60, le=4000)
