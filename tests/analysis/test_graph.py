"""The journey graph: persona filtering, entries, unreachable, dead ends, back links, loops."""

from __future__ import annotations

import pytest

from journeymapper.analysis import analyze_journey, build_journey, journey_graph, purchase_stage
from journeymapper.analysis.graph import entries
from journeymapper.analysis.loops import cycles, strongly_connected
from journeymapper.model import Stage
from tests.analysis.builders import add_link, add_persona, add_tp, blank, chain, checked


def test_purchase_stage_is_found_by_id_or_name_else_the_middle() -> None:
    project = blank()
    assert purchase_stage(project).id == "purchase"
    project.stages = [Stage(id="s1", name="See"), Stage(id="s2", name="  PURCHASE "),
                      Stage(id="s3", name="Use")]
    assert purchase_stage(project).id == "s2"
    project.stages = [Stage(id=f"s{i}", name=f"Step {i}") for i in range(5)]
    assert purchase_stage(project).id == "s2"
    project.stages = project.stages[:4]
    assert purchase_stage(project).id == "s2", "even count: the later of the two middle stages"
    project.stages = []
    assert purchase_stage(project) is None


@pytest.fixture
def two_personas():
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_persona(project, "p2", "Student")
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration", personas=("p1",))
    add_tp(project, "c", "consideration", personas=("p2",))
    add_tp(project, "d", "purchase")
    for source, target in (("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")):
        add_link(project, source, target)
    add_link(project, "a", "d", share=0.5, persona="p2")
    add_link(project, "a", "d", share=0.2)
    return checked(project)


def test_a_persona_sees_touchpoints_serving_them_and_links_for_them(two_personas) -> None:
    g1 = journey_graph(two_personas, "p1")
    assert list(g1.nodes) == ["a", "b", "d"]
    assert sorted(g1.edges) == [("a", "b"), ("a", "d"), ("b", "d")]
    assert g1.edges["a", "d"]["link_id"] == "a-d", "p1 has no own link: the generic one holds"
    assert g1.edges["a", "d"]["share"] == 0.2
    g2 = journey_graph(two_personas, "p2")
    assert list(g2.nodes) == ["a", "c", "d"]
    assert g2.edges["a", "d"]["link_id"] == "a-d-p2", "a persona's own link beats the generic"
    assert g2.edges["a", "d"]["share"] == 0.5
    everyone = journey_graph(two_personas)
    assert list(everyone.nodes) == ["a", "b", "c", "d"]
    assert everyone.edges["a", "d"]["link_id"] == "a-d", "for all customers the generic wins"
    assert everyone.graph["persona_id"] is None
    assert everyone.nodes["d"] == {"stage": 2, "order": 3}


def test_edge_probabilities_are_on_the_networkx_graph(two_personas) -> None:
    g = journey_graph(two_personas, "p1")
    # a: share 0.2 to d, the unshared link to b takes the remaining 0.8.
    assert g.edges["a", "d"]["p"] == pytest.approx(0.2)
    assert g.edges["a", "b"]["p"] == pytest.approx(0.8)
    assert g.edges["b", "d"]["p"] == pytest.approx(1.0)


def test_entries_unlinked_unreachable_dead_ends_and_back_links() -> None:
    project = blank()
    add_tp(project, "ad", "awareness")
    add_tp(project, "flyer", "awareness")          # no link at all
    add_tp(project, "blog", "consideration")
    add_tp(project, "forum", "consideration")      # reached, no way on: a dead end
    add_tp(project, "loop1", "consideration")      # a loop nothing leads into
    add_tp(project, "loop2", "consideration")
    add_tp(project, "checkout", "purchase")        # last step of purchase: not a dead end
    add_tp(project, "review", "loyalty")           # after purchase: not a dead end
    chain(project, "ad", "blog", "checkout", "review")
    add_link(project, "blog", "forum")
    chain(project, "loop1", "loop2", "loop1")
    journey = analyze_journey(checked(project))
    assert journey.entries == ("ad",)
    assert journey.unlinked == ("flyer",)
    assert journey.unreachable == ("loop1", "loop2")
    assert journey.dead_ends == ("forum",)
    assert journey.back_links == ()


def test_dead_ends_are_only_those_before_the_purchase_stage() -> None:
    project = blank()
    add_tp(project, "ad", "awareness")
    add_tp(project, "pricing", "consideration")
    add_tp(project, "checkout", "purchase")
    add_tp(project, "survey", "experience")
    add_link(project, "ad", "pricing")
    add_link(project, "ad", "checkout")
    add_link(project, "checkout", "survey")
    journey = analyze_journey(checked(project))
    assert journey.dead_ends == ("pricing",)


def test_back_links_go_to_an_earlier_stage() -> None:
    project = blank()
    add_tp(project, "ad", "awareness")
    add_tp(project, "blog", "consideration")
    add_tp(project, "faq", "consideration")
    add_tp(project, "checkout", "purchase")
    add_tp(project, "newsletter", "loyalty")
    chain(project, "ad", "blog", "faq", "checkout", "newsletter")
    add_link(project, "faq", "blog")               # same stage: not back
    add_link(project, "newsletter", "blog")        # back from loyalty to consideration
    add_link(project, "checkout", "ad", lid="retarget")
    journey = analyze_journey(checked(project))
    assert journey.back_links == ("newsletter-blog", "retarget")


def test_entries_fall_back_to_the_first_stage_when_everything_is_a_loop() -> None:
    project = blank()
    add_tp(project, "x", "consideration")
    add_tp(project, "y", "consideration")
    add_tp(project, "z", "purchase")
    chain(project, "x", "y", "z", "x")
    graph = build_journey(checked(project))
    assert [graph.ids[i] for i in entries(graph)] == ["x", "y"]
    journey = analyze_journey(checked(project))
    assert journey.unreachable == ()


def test_cycles_are_listed_shortest_first_from_their_first_touchpoint() -> None:
    project = blank()
    for tid in "abcd":
        add_tp(project, tid, "consideration")
    chain(project, "a", "b", "c", "a")
    chain(project, "b", "d", "b")
    journey = analyze_journey(checked(project))
    assert journey.cycles == (("b", "d"), ("a", "b", "c"))
    assert journey.cycles_truncated is False
    # Customers can stop nowhere, but each loop has a way out into the other one.
    assert journey.closed_cycles == ()


def test_a_loop_nobody_can_leave_is_closed() -> None:
    project = blank()
    add_tp(project, "ad", "awareness")
    add_tp(project, "x", "consideration")
    add_tp(project, "y", "consideration")
    add_tp(project, "z", "consideration")
    chain(project, "ad", "x", "y", "x")
    chain(project, "ad", "z")
    add_link(project, "z", "ad", share=0.5)
    journey = analyze_journey(checked(project))
    assert ("x", "y") in journey.cycles
    assert journey.closed_cycles == (("x", "y"),), "z lets half its customers stop"


def test_cycle_search_is_bounded() -> None:
    project = blank()
    ids = [f"n{i}" for i in range(6)]
    for tid in ids:
        add_tp(project, tid, "consideration")
    for a in ids:
        for b in ids:
            if a != b:
                add_link(project, a, b)
    graph = build_journey(checked(project))
    loops, truncated = cycles(graph, strongly_connected(graph.targets), limit=20)
    assert len(loops) == 20 and truncated
    assert all(loop[0] == min(loop) for loop in loops)


def test_strongly_connected_components_come_in_reverse_topological_order() -> None:
    targets = [[1], [2], [1, 3], []]           # 0 -> {1, 2} -> 3
    comps = strongly_connected(targets)
    assert [sorted(c) for c in comps] == [[3], [1, 2], [0]]
