"""Review cadences and due dates, across month ends and leap years (pure, no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.analysis.reviews import (
    add_months,
    anchor_day,
    due_reviews,
    is_review_due,
    next_review_due,
)
from journeymapper.model import Cadence, Review, Touchpoint
from journeymapper.model.review import MAX_REVIEWS, trend_text, with_review
from tests.living_map.helpers import TODAY, living_project

D = dt.date


def tp_with(cadence: Cadence, *dates: dt.date, **extra: object) -> Touchpoint:
    return Touchpoint(id="t", name="T", stage_id="s", lane_id="l", review_cadence=cadence,
                      reviews=[Review(date=d, performance=3) for d in dates], **extra)


def schedule(cadence: Cadence, start: dt.date, steps: int) -> list[dt.date]:
    """Due dates when every review is done exactly on its due date."""
    done = [start]
    for _ in range(steps):
        due = next_review_due(tp_with(cadence, *done), TODAY)
        assert due is not None
        done.append(due)
    return done[1:]


def test_monthly_from_jan_31_keeps_the_anchor_day() -> None:
    assert schedule(Cadence.MONTHLY, D(2026, 1, 31), 5) == [
        D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30)]


def test_monthly_from_jan_31_in_a_leap_year() -> None:
    assert schedule(Cadence.MONTHLY, D(2028, 1, 31), 2) == [D(2028, 2, 29), D(2028, 3, 31)]


def test_feb_28_plus_one_month_after_a_jan_31_anchor_is_mar_31() -> None:
    tp = tp_with(Cadence.MONTHLY, D(2026, 1, 31), D(2026, 2, 28))
    assert next_review_due(tp, TODAY) == D(2026, 3, 31)
    # Without the Jan 31 review, Feb 28 is its own anchor.
    assert next_review_due(tp_with(Cadence.MONTHLY, D(2026, 2, 28)), TODAY) == D(2026, 3, 28)


def test_quarterly_from_nov_30() -> None:
    assert schedule(Cadence.QUARTERLY, D(2026, 11, 30), 4) == [
        D(2027, 2, 28), D(2027, 5, 30), D(2027, 8, 30), D(2027, 11, 30)]
    assert schedule(Cadence.QUARTERLY, D(2027, 11, 30), 1) == [D(2028, 2, 29)]


def test_yearly_from_feb_29() -> None:
    assert schedule(Cadence.YEARLY, D(2024, 2, 29), 4) == [
        D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]


def test_half_yearly_and_weekly() -> None:
    assert schedule(Cadence.HALF_YEARLY, D(2026, 8, 31), 2) == [D(2027, 2, 28),
                                                                D(2027, 8, 31)]
    assert schedule(Cadence.WEEKLY, D(2026, 12, 28), 2) == [D(2027, 1, 4), D(2027, 1, 11)]


def test_a_late_review_starts_a_new_anchor() -> None:
    # Due Feb 28 (anchor 31), reviewed late on Mar 5: next is one month after, Apr 5.
    tp = tp_with(Cadence.MONTHLY, D(2026, 1, 31), D(2026, 3, 5))
    assert anchor_day(tp.reviews) == 5
    assert next_review_due(tp, TODAY) == D(2026, 4, 5)


def test_never_reviewed_is_due_at_once_and_no_cadence_never() -> None:
    assert next_review_due(tp_with(Cadence.MONTHLY), TODAY) == TODAY
    assert is_review_due(tp_with(Cadence.MONTHLY), TODAY)
    assert next_review_due(tp_with(Cadence.NONE, D(2020, 1, 1)), TODAY) is None
    assert not is_review_due(tp_with(Cadence.NONE), TODAY)


def test_measurements_without_a_score_do_not_move_the_schedule() -> None:
    tp = tp_with(Cadence.MONTHLY, D(2026, 10, 1))
    tp.reviews = with_review(tp.reviews, Review(date=D(2026, 11, 10), kpi_values={"x": 1}))
    assert next_review_due(tp, TODAY) == D(2026, 11, 1)


def test_due_on_the_day_and_not_the_day_before() -> None:
    tp = tp_with(Cadence.MONTHLY, D(2026, 10, 23))
    assert is_review_due(tp, D(2026, 11, 23))
    assert not is_review_due(tp, D(2026, 11, 22))


def test_due_reviews_most_overdue_first() -> None:
    project = living_project()
    due = due_reviews(project, TODAY)
    # Checkout: weekly, never reviewed (due today); website: monthly since Oct 15 (Nov 15).
    assert [(d.touchpoint.id, d.due, d.never_reviewed) for d in due] == [
        ("tp-site", D(2026, 11, 15), False), ("tp-checkout", TODAY, True)]
    assert due[0].days_late(TODAY) == 8


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2300, 12, 31)),
       st.integers(min_value=0, max_value=240), st.integers(min_value=1, max_value=31))
def test_add_months_lands_on_the_anchor_or_the_month_end(day: dt.date, months: int,
                                                         anchor: int) -> None:
    result = add_months(day, months, anchor)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = (result.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    assert result.day == min(anchor, last.day)


def test_history_is_sorted_bounded_and_trended() -> None:
    tp = tp_with(Cadence.MONTHLY, D(2026, 3, 1), D(2026, 1, 1))
    assert [r.date for r in tp.reviews] == [D(2026, 1, 1), D(2026, 3, 1)]  # the model sorts
    history = tp.reviews
    for i in range(MAX_REVIEWS + 5):
        history = with_review(history, Review(date=D(2027, 1, 1) + dt.timedelta(days=i),
                                              performance=1 + i % 5))
    assert len(history) == MAX_REVIEWS
    assert history[0].date > D(2026, 3, 1)  # the oldest went first
    assert trend_text([Review(date=D(2026, 1, 1), performance=3),
                       Review(date=D(2026, 2, 1)),
                       Review(date=D(2026, 3, 1), performance=4)]) == "3 \u2192 4"
    assert trend_text([]) == ""


@pytest.mark.parametrize("bad", [{"CTR": float("nan")}, {"CTR": True}, {"": 1.0}])
def test_review_refuses_bad_kpi_values(bad: dict) -> None:
    with pytest.raises(ValueError):
        Review(date=TODAY, performance=3, kpi_values=bad)
    with pytest.raises(ValueError):
        Review(date=TODAY, performance=6)
