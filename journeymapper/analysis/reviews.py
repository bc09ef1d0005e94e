"""Reviews across a project: what is due, and the field values a recorded review or imported
measurements give a touchpoint (no Qt). The schedule's rules (month ends, anchor days) are in
``journeymapper.model.review``; they are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from journeymapper.model import KPI, Project, Review, Touchpoint
from journeymapper.model.review import (
    add_months,
    anchor_day,
    days_in_month,
    latest_kpi_value,
    next_due,
    scored,
    with_review,
)

__all__ = ["DueReview", "add_months", "anchor_day", "days_in_month", "due_reviews",
           "is_review_due", "last_review", "measured", "next_due", "next_review_due",
           "recorded", "scored"]


def next_review_due(tp: Touchpoint, today: dt.date) -> dt.date | None:
    """When the next review of ``tp`` is due: None without a cadence, ``today`` when it was
    never reviewed (the first review is due at once)."""
    return tp.next_review_due(today)


def is_review_due(tp: Touchpoint, today: dt.date) -> bool:
    """True when the touchpoint should be reviewed now (due today or before)."""
    return tp.is_review_due(today)


def last_review(tp: Touchpoint) -> Review | None:
    """The newest review that scored performance, or None."""
    reviews = scored(tp.reviews)
    return reviews[-1] if reviews else None


@dataclass(frozen=True, slots=True)
class DueReview:
    """A touchpoint due for review, and since when."""

    touchpoint: Touchpoint
    due: dt.date
    never_reviewed: bool

    def days_late(self, today: dt.date) -> int:
        """Days since it came due (0 when due today or never reviewed)."""
        return 0 if self.never_reviewed else max(0, (today - self.due).days)


def due_reviews(project: Project, today: dt.date) -> list[DueReview]:
    """Touchpoints due for review, most overdue first (then in map order)."""
    due: list[DueReview] = []
    for tp in project.touchpoints:
        when = next_review_due(tp, today)
        if when is not None and when <= today:
            due.append(DueReview(tp, when, last_review(tp) is None))
    order = {tp.id: i for i, tp in enumerate(project.touchpoints)}
    due.sort(key=lambda d: (d.due, order[d.touchpoint.id]))
    return due


# ----- new field values when a review or measurements are recorded ---------------------------


def _kpis_with(tp: Touchpoint, old: Sequence[Review], new: Sequence[Review],
               names: set[str]) -> list[KPI]:
    """The touchpoint's KPIs, each named one taking the newest value of ``new`` as actual when
    nothing newer was known before (the latest date wins; same day: the newer entry)."""
    kpis = []
    for kpi in tp.kpis:
        latest = latest_kpi_value(new, kpi.name) if kpi.name in names else None
        before = latest_kpi_value(old, kpi.name)
        if latest is not None and (before is None or latest[0] >= before[0]):
            kpi = kpi.model_copy(update={"actual": latest[1]})
        kpis.append(kpi)
    return kpis


def recorded(tp: Touchpoint, review: Review) -> dict[str, Any]:
    """Field values of ``tp`` once ``review`` is recorded: the history with it, the performance
    it gave (if any) and KPI actuals updated from the values it measured."""
    history = with_review(tp.reviews, review)
    values: dict[str, Any] = {"reviews": history,
                              "kpis": _kpis_with(tp, tp.reviews, history,
                                                 set(review.kpi_values))}
    at = next((i for i, r in enumerate(history) if r is review), -1)
    # A back-dated review does not override a score given since.
    if review.performance is not None and at >= 0 and not scored(history[at + 1:]):
        values["performance"] = review.performance
    return values


def measured(tp: Touchpoint, values: Mapping[dt.date, Mapping[str, float]]) -> dict[str, Any]:
    """Field values of ``tp`` once KPI measurements ``{date: {kpi name: value}}`` are merged
    into its history: into the newest entry of the same day when there is one, else as a new
    entry without a performance score; KPI actuals follow the latest date."""
    history = list(tp.reviews)
    names: set[str] = set()
    for day in sorted(values):
        numbers = dict(values[day])
        names |= numbers.keys()
        same_day = [i for i, r in enumerate(history) if r.date == day]
        if same_day:
            entry = history[same_day[-1]]
            history[same_day[-1]] = entry.model_copy(
                update={"kpi_values": {**entry.kpi_values, **numbers}})
        else:
            history = with_review(history, Review(date=day, kpi_values=numbers))
    return {"reviews": history, "kpis": _kpis_with(tp, tp.reviews, history, names)}
