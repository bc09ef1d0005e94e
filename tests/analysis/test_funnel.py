"""The funnel: shares of customers per stage and touchpoint, and the sum rules they obey."""

from __future__ import annotations

import pytest

from journeymapper.analysis import Journey, analyze_journey
from tests.analysis.builders import add_link, add_persona, add_tp, blank, chain, checked


def assert_conserved(journey: Journey) -> None:
    """What leaves a touchpoint is what entered it minus what stopped there; nothing is lost."""
    funnel, graph = journey.funnel, journey.graph
    forward_in = dict.fromkeys(graph.ids, 0.0)
    for i, outs in enumerate(graph.targets):
        out_total = 0.0
        for j, lid in zip(outs, graph.link_ids[i], strict=True):
            flow = funnel.link_flow[lid]
            assert flow >= 0.0
            out_total += flow
            if lid not in funnel.returns:
                forward_in[graph.ids[j]] += flow
        tid = graph.ids[i]
        assert funnel.left[tid] == pytest.approx(out_total, abs=1e-9)
    for tid in graph.ids:
        entered = funnel.started.get(tid, 0.0) + forward_in[tid]
        assert funnel.reached[tid] == pytest.approx(entered, abs=1e-9)
        assert funnel.stopped[tid] >= 0.0
        assert funnel.left[tid] == pytest.approx(funnel.reached[tid] - funnel.stopped[tid],
                                                 abs=1e-9)
        assert -1e-9 <= funnel.reached[tid] <= 1.0 + 1e-9
    started = sum(funnel.started.values())
    assert started == pytest.approx(1.0 if journey.entries else 0.0)
    assert sum(funnel.stopped.values()) + funnel.returned == pytest.approx(started, abs=1e-9)
    for share in funnel.stages.values():
        assert 0.0 <= share <= 1.0


def test_a_straight_journey_loses_customers_step_by_step() -> None:
    project = blank()
    for tid, stage in (("a", "awareness"), ("b", "consideration"), ("c", "purchase"),
                       ("d", "experience"), ("e", "loyalty")):
        add_tp(project, tid, stage)
    add_link(project, "a", "b", 0.5)
    add_link(project, "b", "c", 0.5)
    add_link(project, "c", "d")
    add_link(project, "d", "e", 0.4)
    journey = analyze_journey(checked(project))
    funnel = journey.funnel
    assert funnel.stages == pytest.approx({"awareness": 1.0, "consideration": 0.5,
                                           "purchase": 0.25, "experience": 0.25,
                                           "loyalty": 0.1})
    assert funnel.stopped == pytest.approx({"a": 0.5, "b": 0.25, "c": 0.0, "d": 0.15,
                                            "e": 0.1})
    assert funnel.returned == 0.0 and funnel.returns == frozenset()
    assert_conserved(journey)


def test_customers_spread_equally_over_the_entries() -> None:
    project = blank()
    add_tp(project, "ad", "awareness")
    add_tp(project, "friend", "consideration")
    add_tp(project, "shop", "purchase")
    add_link(project, "ad", "shop", 0.5)
    add_link(project, "friend", "shop", 0.5)
    journey = analyze_journey(checked(project))
    assert journey.funnel.started == {"ad": 0.5, "friend": 0.5}
    assert journey.funnel.stages == pytest.approx({"awareness": 0.5, "consideration": 0.5,
                                                   "purchase": 0.5, "experience": 0.0,
                                                   "loyalty": 0.0})
    assert_conserved(journey)


def test_a_customer_counts_once_per_stage() -> None:
    project = blank()
    add_tp(project, "a1", "awareness")
    add_tp(project, "a2", "awareness")
    add_tp(project, "b", "consideration")
    add_link(project, "a1", "a2", 1.0)
    add_link(project, "a2", "b", 0.5)
    journey = analyze_journey(checked(project))
    assert journey.funnel.reached == pytest.approx({"a1": 1.0, "a2": 1.0, "b": 0.5})
    assert journey.funnel.stages["awareness"] == pytest.approx(1.0), "not 2: counted once"
    assert journey.funnel.stages["consideration"] == pytest.approx(0.5)
    assert_conserved(journey)


def test_coming_back_to_a_stage_does_not_count_twice() -> None:
    project = blank()
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "a2", "awareness")
    add_tp(project, "c", "purchase")
    add_link(project, "a", "b")
    add_link(project, "b", "a2", 0.5)     # back to awareness, on another touchpoint
    add_link(project, "b", "c", 0.25)     # a quarter stop at b
    add_link(project, "a2", "c")
    journey = analyze_journey(checked(project))
    assert journey.back_links == ("b-a2",)
    assert journey.funnel.returns == frozenset(), "no loop: the back link is followed forward"
    assert journey.funnel.reached == pytest.approx({"a": 1.0, "b": 1.0, "a2": 0.5, "c": 0.75})
    assert journey.funnel.stages == pytest.approx({"awareness": 1.0, "consideration": 1.0,
                                                   "purchase": 0.75, "experience": 0.0,
                                                   "loyalty": 0.0})
    assert_conserved(journey)


def test_a_loop_returns_customers_without_counting_them_again() -> None:
    project = blank()
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "c", "purchase")
    add_link(project, "a", "b")
    add_link(project, "b", "c", 0.6)
    add_link(project, "b", "a", 0.3)      # closes a loop: a return
    journey = analyze_journey(checked(project))
    funnel = journey.funnel
    assert journey.entries == ("a",), "nothing lacks an incoming link: the first stage starts"
    assert funnel.returns == frozenset({"b-a"})
    assert funnel.returned == pytest.approx(0.3)
    assert funnel.link_flow == pytest.approx({"a-b": 1.0, "b-c": 0.6, "b-a": 0.3})
    assert funnel.stopped == pytest.approx({"a": 0.0, "b": 0.1, "c": 0.6})
    assert funnel.stages["purchase"] == pytest.approx(0.6)
    assert_conserved(journey)


def test_a_persona_funnel_follows_their_own_links() -> None:
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "c", "purchase")
    chain(project, "a", "b", share=0.5)
    add_link(project, "b", "c", 0.2)
    add_link(project, "b", "c", 0.9, persona="p1")
    project = checked(project)
    everyone = analyze_journey(project).funnel.stages
    parent = analyze_journey(project, "p1").funnel.stages
    assert everyone["purchase"] == pytest.approx(0.1)
    assert parent["purchase"] == pytest.approx(0.45)


def test_an_empty_journey_has_an_empty_funnel() -> None:
    journey = analyze_journey(blank())
    assert journey.funnel.stages == dict.fromkeys(
        ["awareness", "consideration", "purchase", "experience", "loyalty"], 0.0)
    assert journey.likely_path is None
    assert_conserved(journey)
