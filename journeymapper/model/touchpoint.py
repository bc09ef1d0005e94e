"""Touchpoints: where a persona meets the brand, and what it costs to run them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from journeymapper.model.enums import Channel, Status
from journeymapper.model.fields import (
    MAX_SHORT_LIST,
    Coordinate,
    Entity,
    Id,
    Money,
    Name,
    ShortText,
    Text,
    new_dict,
    new_list,
)
from journeymapper.model.review import Cadence, ReviewHistory, next_due

SCORE_MIN, SCORE_MAX = 0, 5
PERFORMANCE_MIN, PERFORMANCE_MAX = 1, 5
EMOTION_MIN, EMOTION_MAX = -2, 2

Score = Annotated[int, Field(ge=SCORE_MIN, le=SCORE_MAX)]


class KPI(Entity):
    """A measurable indicator of a touchpoint (conversion rate, CTR, retention...)."""

    name: Name
    unit: ShortText = ""
    target: float | None = Field(default=None, allow_inf_nan=False)
    actual: float | None = Field(default=None, allow_inf_nan=False)
    # Churn, response time and cost per lead are better when lower.
    higher_is_better: bool = True

    def on_target(self) -> bool | None:
        """Whether the actual value meets the target (None until both are known)."""
        if self.target is None or self.actual is None:
            return None
        return self.actual >= self.target if self.higher_is_better else self.actual <= self.target


class Touchpoint(Entity):
    """A moment where a customer meets the business, placed in a cell of the map."""

    id: Id
    name: Name
    description: Text = ""
    stage_id: Id
    lane_id: Id
    channel: Channel = Channel.OTHER
    persona_ids: list[Id] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    scores: dict[Id, Score] = Field(default_factory=new_dict, max_length=MAX_SHORT_LIST)
    performance: int = Field(default=3, ge=PERFORMANCE_MIN, le=PERFORMANCE_MAX)
    emotion: int = Field(default=0, ge=EMOTION_MIN, le=EMOTION_MAX)
    owner: ShortText = ""
    budget: Money = Decimal("0.00")
    spent: Money = Decimal("0.00")
    deadline: dt.date | None = None
    status: Status = Status.IDEA
    kpis: list[KPI] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    notes: Text = ""
    tags: list[ShortText] = Field(default_factory=new_list, max_length=MAX_SHORT_LIST)
    # Dot votes from a workshop, kept in the file so a dead laptop loses none.
    votes: int = Field(default=0, ge=0, le=100_000)
    # Keeping the map alive after the workshop: how often to look again, and what was found.
    review_cadence: Cadence = Cadence.NONE
    reviews: ReviewHistory = Field(default_factory=new_list)
    x: Coordinate = 0.0
    y: Coordinate = 0.0

    def serves(self, persona_id: str | None) -> bool:
        """True when the touchpoint serves this persona (no personas means all)."""
        return persona_id is None or not self.persona_ids or persona_id in self.persona_ids

    def next_review_due(self, today: dt.date) -> dt.date | None:
        """When the next review is due (None without a cadence; ``today`` when never
        reviewed); the rules are in ``journeymapper.model.review``."""
        return next_due(self.review_cadence, self.reviews, today)

    def is_review_due(self, today: dt.date) -> bool:
        """True when the touchpoint should be reviewed now (due today or before)."""
        due = self.next_review_due(today)
        return due is not None and due <= today

    def is_overdue(self, today: dt.date) -> bool:
        """A deadline in the past on a touchpoint that is not live or retired."""
        return (
            self.deadline is not None
            and self.deadline < today
            and self.status not in (Status.LIVE, Status.RETIRED)
        )
