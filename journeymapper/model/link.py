"""Links (customer flows between touchpoints) and free sticky notes."""

from __future__ import annotations

from pydantic import Field

from journeymapper.model.fields import Color, Coordinate, Entity, Id, NoteText, ShortText


class Link(Entity):
    """A directed flow from one touchpoint to another, optionally for one persona."""

    id: Id
    source_id: Id
    target_id: Id
    persona_id: Id | None = None
    share: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    label: ShortText = ""


class Note(Entity):
    """A free sticky card in a cell: a pain point, an idea, an opportunity."""

    id: Id
    text: NoteText
    stage_id: Id
    lane_id: Id
    color: Color = "#fff3a8"
    x: Coordinate = 0.0
    y: Coordinate = 0.0
