"""Derived values: importance, performance gap, priority, quadrant, overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from journeymapper.model import (
    Criterion,
    Quadrant,
    Scoring,
    Status,
    Touchpoint,
    new_project,
    performance_gap,
    performance_percent,
    priority,
    quadrant,
)


def tp(**fields: object) -> Touchpoint:
    return Touchpoint.model_validate({"id": "t", "name": "x", "stage_id": "s", "lane_id": "l",
                                      **fields})


def test_default_project_shape() -> None:
    project = new_project()
    assert [s.name for s in project.stages] == [
        "Awareness", "Consideration", "Purchase", "Experience", "Loyalty"]
    assert [lane.kind.value for lane in project.lanes] == [
        "touchpoints", "actions", "emotions", "pain_points", "opportunities", "backstage"]
    assert len(project.scoring.criteria) == 4


def test_importance_is_weighted_and_scaled() -> None:
    scoring = Scoring(criteria=[Criterion(id="a", name="A", weight=3),
                                Criterion(id="b", name="B", weight=1)])
    assert scoring.importance(tp(scores={"a": 5, "b": 5})) == 100.0
    assert scoring.importance(tp(scores={})) == 0.0
    # (3*4 + 1*0) / (4*5) = 0.6
    assert scoring.importance(tp(scores={"a": 4})) == 60.0
    assert Scoring(criteria=[Criterion(id="a", name="A", weight=0)]).importance(
        tp(scores={"a": 5})) == 0.0


@pytest.mark.parametrize(("importance", "performance", "gap", "prio", "quad"), [
    (90.0, 1, 90.0, 81.0, Quadrant.CONCENTRATE),
    (90.0, 5, 0.0, 0.0, Quadrant.KEEP_UP),
    (20.0, 1, 20.0, 4.0, Quadrant.LOW_PRIORITY),
    (20.0, 4, 0.0, 0.0, Quadrant.OVERKILL),
    (50.0, 3, 0.0, 0.0, Quadrant.KEEP_UP),
])
def test_importance_performance(importance: float, performance: int, gap: float, prio: float,
                                quad: Quadrant) -> None:
    card = tp(performance=performance)
    assert performance_percent(tp(performance=1)) == 0 and performance_percent(
        tp(performance=5)) == 100
    assert performance_gap(importance, card) == gap
    assert priority(importance, card) == prio
    assert quadrant(importance, card) is quad


def test_overdue() -> None:
    today = dt.date(2026, 11, 23)
    assert tp(deadline="2026-11-22").is_overdue(today)
    assert not tp(deadline="2026-11-23").is_overdue(today)
    assert not tp(deadline="2026-01-01", status=Status.LIVE).is_overdue(today)
    assert not tp().is_overdue(today)


def test_serves() -> None:
    assert tp().serves("p1") and tp(persona_ids=["p1"]).serves("p1")
    assert not tp(persona_ids=["p2"]).serves("p1")
    assert tp(persona_ids=["p2"]).serves(None)
