"""Reviews: how often a touchpoint is looked at again, and what each look found (no Qt).

A map only stays useful when someone keeps it up to date after the workshop. Each touchpoint
therefore has a review cadence and a bounded history of reviews: the date, the performance
score given then (1..5, or none for measurements imported from a file), the KPI values measured
and a comment. The history is kept in date order (the model sorts it) so that files stay
diff-stable and the last review is always the last item.

When the next review is due (``next_due``), chosen so a schedule never drifts or surprises:

- Only reviews that scored performance count here; entries that only hold imported KPI
  measurements do not move the schedule (a file of numbers is not someone looking).
- **Never reviewed:** a touchpoint with a cadence but no scored review is due at once: its
  first review sets the baseline. (A start date stored for the purpose would be one more field
  to keep right; "today + cadence" would move every day and never come due.)
- **Otherwise:** next due = last review date + cadence. Weekly adds seven days. Monthly,
  quarterly, half-yearly and yearly add calendar months and keep the *anchor day*: a schedule
  that started on Jan 31 is due Feb 28 (29 in a leap year), then Mar 31, Apr 30... A review
  done on the anchor day, or on the last day of a month too short for it, keeps the anchor; a
  review done on another day (late or early) starts a new anchor on that day, so the next one
  is always one full cadence after the last.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from journeymapper.model.fields import MAX_SHORT_LIST, Entity, Name, Text, new_dict

MAX_REVIEWS = 260
"""Reviews kept per touchpoint: five years of weekly reviews. Older ones are dropped first."""

PERFORMANCE_MIN, PERFORMANCE_MAX = 1, 5


class Cadence(StrEnum):
    """How often a touchpoint is reviewed."""

    NONE = "none"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        """Human wording: "Half-yearly"."""
        return {Cadence.NONE: "Not reviewed", Cadence.HALF_YEARLY: "Half-yearly"}.get(
            self, self.value.capitalize())

    @property
    def months(self) -> int:
        """Calendar months between reviews (0 for weekly and none)."""
        return {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6,
                Cadence.YEARLY: 12}.get(self, 0)


class Review(Entity):
    """One review of a touchpoint: when, the score given, KPI values measured, a comment."""

    date: dt.date
    # None: the entry only holds measurements (a KPI import), nobody scored the touchpoint.
    performance: int | None = Field(default=None, ge=PERFORMANCE_MIN, le=PERFORMANCE_MAX)
    # Finite numbers only, as every number of the model (``Entity``'s configuration).
    kpi_values: dict[Name, float] = Field(default_factory=new_dict, max_length=MAX_SHORT_LIST)
    comment: Text = ""

    @field_validator("kpi_values", mode="before")
    @classmethod
    def _no_bools(cls, value: object) -> object:
        # A JSON true is not a measurement, however pydantic would coerce it.
        if isinstance(value, Mapping) and any(isinstance(v, bool) for v in value.values()):
            raise ValueError("KPI values must be numbers")
        return value


def _in_date_order(reviews: list[Review]) -> list[Review]:
    # A stable sort: reviews of the same day keep the order they were recorded in. Most
    # touchpoints have no review at all: no sort (and no new list) for them.
    if len(reviews) < 2:
        return reviews
    return sorted(reviews, key=lambda r: r.date)


ReviewHistory = Annotated[list[Review], Field(max_length=MAX_REVIEWS),
                          AfterValidator(_in_date_order)]


def with_review(history: Sequence[Review], review: Review) -> list[Review]:
    """The history with ``review`` added in date order (after others of the same day); the
    oldest reviews are dropped when it would hold more than ``MAX_REVIEWS``."""
    at = len(history)
    while at > 0 and history[at - 1].date > review.date:
        at -= 1
    new = [*history[:at], review, *history[at:]]
    return new[-MAX_REVIEWS:]


def performance_trend(history: Sequence[Review]) -> list[tuple[dt.date, int]]:
    """(date, score) of the reviews that scored performance, oldest first."""
    return [(r.date, r.performance) for r in history if r.performance is not None]


def trend_text(history: Sequence[Review]) -> str:
    """"3 → 4": the first and the last performance score reviewed ("" with none, "4" with one
    review)."""
    scores = [score for _, score in performance_trend(history)]
    if not scores:
        return ""
    if len(scores) == 1:
        return str(scores[0])
    return f"{scores[0]} \u2192 {scores[-1]}"


def latest_kpi_value(history: Sequence[Review], kpi_name: str) -> tuple[dt.date, float] | None:
    """The newest (date, value) measured for a KPI, or None."""
    for review in reversed(history):
        if kpi_name in review.kpi_values:
            return (review.date, review.kpi_values[kpi_name])
    return None


# ----- the schedule ----------------------------------------------------------------------------

WEEK = dt.timedelta(days=7)


def days_in_month(year: int, month: int) -> int:
    """28..31."""
    return calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """``day`` plus whole calendar months, on ``anchor_day`` (default: ``day``'s own day) or
    the month's last day when the month is shorter: Jan 31 + 1 -> Feb 28 (or 29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    wanted = day.day if anchor_day is None else anchor_day
    return dt.date(year, month, min(wanted, days_in_month(year, month)))


def scored(history: Sequence[Review]) -> list[Review]:
    """The reviews that count for the schedule (they scored performance), oldest first."""
    return [r for r in history if r.performance is not None]


def anchor_day(history: Sequence[Review]) -> int | None:
    """The day of the month the schedule keeps (None before the first scored review)."""
    anchor: int | None = None
    for review in scored(history):
        day = review.date
        if anchor is None or day.day != min(anchor, days_in_month(day.year, day.month)):
            anchor = day.day
    return anchor


def next_due(cadence: Cadence, history: Sequence[Review], today: dt.date) -> dt.date | None:
    """When the next review is due: None without a cadence, ``today`` when never reviewed."""
    if cadence is Cadence.NONE:
        return None
    reviews = scored(history)
    if not reviews:
        return today
    last = reviews[-1].date
    if cadence is Cadence.WEEKLY:
        return last + WEEK
    return add_months(last, cadence.months, anchor_day(reviews))
