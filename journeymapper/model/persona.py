"""Personas: the kinds of customer who travel the journey."""

from __future__ import annotations

from pydantic import Field

from journeymapper.model.enums import Channel
from journeymapper.model.fields import (
    MAX_SHORT_LIST,
    Color,
    Entity,
    Id,
    Name,
    ShortText,
    Text,
    new_list,
)


class Persona(Entity):
    """A customer archetype with goals, needs and preferred channels."""

    id: Id
    name: Name
    segment: ShortText = ""
    goals: list[ShortText] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    needs: list[ShortText] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    pain_points: list[ShortText] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    preferred_channels: list[Channel] = Field(default_factory=new_list, max_length=len(Channel))
    quote: Text = ""
    color: Color = "#e45756"
