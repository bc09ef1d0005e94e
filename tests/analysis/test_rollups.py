"""Budget and deadline roll-ups: totals equal the sums, overdue judged against a fixed day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from journeymapper.analysis import roll_up
from journeymapper.model import Channel, Status
from tests.analysis.builders import add_persona, add_tp, blank, checked

TODAY = dt.date(2025, 2, 1)


@pytest.fixture
def sums():
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_persona(project, "p2", "Student")
    add_tp(project, "t1", "awareness", channel=Channel.WEBSITE, owner="Ana", budget="100.50",
           spent="20", deadline=dt.date(2025, 1, 15))
    add_tp(project, "t2", "awareness", channel=Channel.SOCIAL, owner="ana", budget="200",
           spent="250", deadline=dt.date(2025, 2, 20), personas=("p1",))
    add_tp(project, "t3", "purchase", channel=Channel.WEBSITE, owner="Bram", budget="50.25",
           deadline=dt.date(2025, 1, 31), status=Status.LIVE)
    add_tp(project, "t4", "loyalty", channel=Channel.EMAIL, spent="10", personas=("p2",))
    add_tp(project, "t5", "experience", channel=Channel.WEBSITE, owner="Bram", budget="1000",
           spent="999.99", deadline=dt.date(2024, 12, 1), status=Status.IN_PROGRESS)
    return roll_up(checked(project), TODAY)


def money(value: str) -> Decimal:
    return Decimal(value)


def test_totals(sums) -> None:
    assert sums.total.count == 5
    assert sums.total.budget == money("1350.75")
    assert sums.total.spent == money("1279.99")
    assert isinstance(sums.total.budget, Decimal)
    assert sums.total.remaining == money("70.76")


def test_by_stage_lists_every_stage_in_order(sums) -> None:
    rows = [(t.key, t.count, t.budget, t.spent) for t in sums.by_stage]
    assert rows == [("awareness", 2, money("300.50"), money("270")),
                    ("consideration", 0, 0, 0),
                    ("purchase", 1, money("50.25"), 0),
                    ("experience", 1, money("1000"), money("999.99")),
                    ("loyalty", 1, 0, money("10"))]


def test_by_channel_and_owner(sums) -> None:
    assert [(t.key, t.count, t.budget) for t in sums.by_channel] == [
        ("website", 3, money("1150.75")), ("social", 1, money("200")), ("email", 1, 0)]
    assert [(t.key, t.label, t.count, t.budget) for t in sums.by_owner] == [
        ("ana", "Ana", 2, money("300.50")), ("bram", "Bram", 2, money("1050.25")),
        ("", "(no owner)", 1, 0)]


def test_roll_up_totals_equal_the_sums(sums) -> None:
    for group in (sums.by_stage, sums.by_channel, sums.by_owner):
        assert sum(t.count for t in group) == sums.total.count
        assert sum((t.budget for t in group), Decimal(0)) == sums.total.budget
        assert sum((t.spent for t in group), Decimal(0)) == sums.total.spent


def test_a_touchpoint_for_everyone_counts_for_each_persona(sums) -> None:
    parent, student = sums.by_persona
    assert (parent.count, parent.budget) == (4, money("1350.75"))     # t1, t2, t3, t5
    assert (student.count, student.budget) == (4, money("1150.75"))   # t1, t3, t4, t5
    assert parent.budget + student.budget > sums.total.budget


def test_deadlines_by_month_and_overdue_with_a_fixed_today(sums) -> None:
    assert [(m.month, m.touchpoint_ids, m.overdue, m.budget) for m in sums.by_month] == [
        ("2024-12", ("t5",), 1, money("1000")),
        ("2025-01", ("t1", "t3"), 1, money("150.75")),
        ("2025-02", ("t2",), 0, money("200")),
    ]
    assert sums.overdue == ("t5", "t1"), "longest overdue first; t3 is live"
    assert sums.over_budget == ("t2", "t4")


def test_owner_workload(sums) -> None:
    rows = [(w.owner, w.count, w.budget, w.overdue_ids) for w in sums.workload]
    assert rows == [("Ana", 2, money("300.50"), ("t1",)),
                    ("Bram", 2, money("1050.25"), ("t5",)),
                    ("(no owner)", 1, 0, ())]


def test_overdue_depends_on_today_only() -> None:
    project = blank()
    add_tp(project, "t", "awareness", deadline=dt.date(2025, 3, 1))
    project = checked(project)
    assert roll_up(project, dt.date(2025, 3, 1)).overdue == ()
    assert roll_up(project, dt.date(2025, 3, 2)).overdue == ("t",)


def test_money_in_json_is_an_exact_string(sums) -> None:
    data = sums.to_json()
    assert data["total"] == {"key": "all", "label": "All touchpoints", "count": 5,
                             "budget": "1350.75", "spent": "1279.99", "remaining": "70.76"}
    assert data["workload"][0]["overdue"] == 1
