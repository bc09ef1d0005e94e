"""Coverage of personas by stage and channel; importance-performance priorities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journeymapper.analysis import analyze_coverage, analyze_priorities
from journeymapper.model import Channel, Quadrant, Status
from tests.analysis.builders import add_persona, add_tp, blank, checked


def coverage_project():
    project = blank()
    add_persona(project, "p1", "Busy Parent", (Channel.CHAT, Channel.EMAIL))
    add_persona(project, "p2", "Student", (Channel.SOCIAL,))
    add_tp(project, "ad", "awareness", channel=Channel.SOCIAL)
    add_tp(project, "mail", "consideration", personas=("p2",), channel=Channel.EMAIL)
    add_tp(project, "bot", "purchase", personas=("p2",), channel=Channel.CHAT)
    add_tp(project, "shop", "purchase", channel=Channel.STORE)
    add_tp(project, "old", "experience", personas=("p1",), channel=Channel.CHAT,
           status=Status.RETIRED)
    add_tp(project, "club", "loyalty", personas=("p1",), channel=Channel.EMAIL)
    return checked(project)


def test_coverage_lists_the_touchpoints_serving_each_persona_per_stage() -> None:
    cover = analyze_coverage(coverage_project())
    parent, student = cover.personas
    assert parent.by_stage == {"awareness": ("ad",), "consideration": (),
                               "purchase": ("shop",), "experience": (), "loyalty": ("club",)}
    assert student.by_stage == {"awareness": ("ad",), "consideration": ("mail",),
                                "purchase": ("bot", "shop"), "experience": (), "loyalty": ()}


def test_coverage_gaps_ignore_retired_touchpoints() -> None:
    cover = analyze_coverage(coverage_project())
    parent, student = cover.personas
    assert parent.missing_stage_ids == ("consideration", "experience")
    assert student.missing_stage_ids == ("experience", "loyalty")
    assert cover.empty_stage_ids == ("experience",), "only a retired touchpoint is there"


def test_preferred_channels_no_touchpoint_serving_them_uses() -> None:
    parent, student = analyze_coverage(coverage_project()).personas
    # The parent's only chat touchpoint is retired; the student's chat bot is not theirs.
    assert parent.unused_channels == (Channel.CHAT,)
    assert student.unused_channels == ()


def priorities_project():
    project = blank()
    criteria = [c.id for c in project.scoring.criteria]

    def scored(tid: str, score: int, performance: int, **kw) -> None:
        add_tp(project, tid, "awareness", scores=dict.fromkeys(criteria, score),
               performance=performance, **kw)

    scored("a", 5, 1, budget="500")        # importance 100, performance 0%
    scored("b", 4, 5)                      # 80, 100%
    scored("c", 1, 5, budget="300")        # 20, 100%
    scored("d", 2, 1, budget="10")         # 40, 0%
    scored("e", 3, 2, budget="20")         # 60, 25%
    scored("f", 5, 1, status=Status.RETIRED)
    scored("g", 5, 1)                      # ties with a
    return checked(project)


def test_each_touchpoint_falls_in_its_quadrant() -> None:
    prio = analyze_priorities(priorities_project())
    quadrant = {s.touchpoint_id: s.quadrant for s in prio.scores}
    assert quadrant == {"a": Quadrant.CONCENTRATE, "b": Quadrant.KEEP_UP,
                        "c": Quadrant.OVERKILL, "d": Quadrant.LOW_PRIORITY,
                        "e": Quadrant.CONCENTRATE, "f": Quadrant.CONCENTRATE,
                        "g": Quadrant.CONCENTRATE}
    assert prio.quadrants[Quadrant.CONCENTRATE] == ("a", "e", "f", "g")
    scores = {s.touchpoint_id: s for s in prio.scores}
    assert (scores["e"].importance, scores["e"].performance) == (60.0, 25.0)
    assert scores["e"].gap == pytest.approx(35.0)
    assert scores["e"].priority == pytest.approx(21.0)


def test_the_action_list_is_ranked_by_priority_with_budget_beside_it() -> None:
    actions = analyze_priorities(priorities_project()).actions
    assert [s.touchpoint_id for s in actions] == ["a", "g", "e", "d"]
    assert [s.priority for s in actions] == [100.0, 100.0, 21.0, 16.0]
    assert [s.budget for s in actions] == [Decimal(500), 0, Decimal(20), Decimal(10)]
    json_row = actions[0].to_json()
    assert json_row["budget"] == "500.00" and json_row["quadrant"] == "concentrate_here"
