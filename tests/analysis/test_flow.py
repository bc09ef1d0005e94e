"""Link probabilities, the most likely path to purchase and the critical touchpoints."""

from __future__ import annotations

import pytest

from journeymapper.analysis import analyze_journey, build_journey, critical_touchpoints
from journeymapper.analysis import critical as critical_module
from journeymapper.analysis.critical import Method, sample_size
from journeymapper.analysis.flow import split_shares
from tests.analysis.builders import add_link, add_tp, blank, chain, checked


@pytest.mark.parametrize(("shares", "expected"), [
    ((), ()),
    ((None,), (1.0,)),
    ((0.5, None, None), (0.5, 0.25, 0.25)),
    ((0.3, 0.2), (0.3, 0.2)),               # half the customers stop
    ((0.8, 0.6, None), (0.8 / 1.4, 0.6 / 1.4, 0.0)),   # too much: scaled to 1
    ((1.0, None), (1.0, 0.0)),
    ((0.0, None), (0.0, 1.0)),
])
def test_split_shares(shares, expected) -> None:
    assert split_shares(shares) == pytest.approx(expected)


def likely_path_project():
    project = blank()
    add_tp(project, "a", "awareness")
    add_tp(project, "e", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "c", "consideration")
    add_tp(project, "p1", "purchase")
    add_tp(project, "p2", "purchase")
    add_tp(project, "p3", "purchase")
    add_link(project, "a", "b", 0.7)
    add_link(project, "a", "c", 0.3)
    add_link(project, "b", "p1", 0.5)       # half stop at b
    add_link(project, "c", "p2")            # all of c goes on
    add_link(project, "e", "c", 0.2)
    add_link(project, "p1", "p3")           # the path ends at the first purchase touchpoint
    return checked(project)


def test_the_most_likely_path_maximises_the_product_of_probabilities() -> None:
    path = analyze_journey(likely_path_project()).likely_path
    assert path is not None
    # a-b-p1 = 0.7 * 0.5 = 0.35 beats a-c-p2 = 0.3 and e-c-p2 = 0.2; two entries share the start.
    assert path.touchpoint_ids == ("a", "b", "p1")
    assert path.link_ids == ("a-b", "b-p1")
    assert path.probability == pytest.approx(0.5 * 0.35)


def test_equally_likely_paths_prefer_fewer_steps() -> None:
    project = blank()
    add_tp(project, "x", "awareness")
    add_tp(project, "y", "consideration")
    add_tp(project, "q", "purchase")
    add_tp(project, "p", "purchase")
    add_link(project, "x", "y", 0.5)
    add_link(project, "y", "q")
    add_link(project, "x", "p", 0.5)
    path = analyze_journey(checked(project)).likely_path
    assert path is not None and path.touchpoint_ids == ("x", "p")
    assert path.probability == pytest.approx(0.5)


def test_no_path_when_no_link_reaches_purchase() -> None:
    project = blank()
    add_tp(project, "x", "awareness")
    add_tp(project, "y", "consideration")
    add_tp(project, "p", "purchase")
    add_link(project, "x", "y")
    assert analyze_journey(checked(project)).likely_path is None


def test_links_with_no_probability_are_never_taken() -> None:
    project = blank()
    add_tp(project, "x", "awareness")
    add_tp(project, "p", "purchase")
    add_tp(project, "y", "consideration")
    add_link(project, "x", "y", 1.0)
    add_link(project, "x", "p")                    # gets what is left: nothing
    assert analyze_journey(checked(project)).likely_path is None


def hub_project():
    project = blank()
    for tid in ("a", "b"):
        add_tp(project, tid, "awareness")
    add_tp(project, "hub", "consideration")
    for tid in ("c", "d"):
        add_tp(project, tid, "purchase")
    for source, target in (("a", "hub"), ("b", "hub"), ("hub", "c"), ("hub", "d")):
        add_link(project, source, target)
    return checked(project)


def test_the_critical_touchpoint_is_the_one_paths_pass_through() -> None:
    centrality = analyze_journey(hub_project()).centrality
    assert centrality.method is Method.EXACT
    assert [c.touchpoint_id for c in centrality.critical] == ["hub"]
    # 4 of the (5 - 1) * (5 - 2) ordered pairs of other touchpoints pass through the hub.
    assert centrality.critical[0].score == pytest.approx(4 / 12)


def test_sample_size_follows_the_work_budget() -> None:
    assert sample_size(100, 150) == 100                 # small: exact
    assert sample_size(1_000, 1_000) == 200             # sampled, at most 200 sources
    assert sample_size(5_000, 5_000) == 40              # the budget allows 40
    assert sample_size(10_000, 10_000) == 0             # skipped: too few sources allowed


def test_sampled_centrality_is_deterministic() -> None:
    project = blank()
    ids = [f"t{i}" for i in range(250)]
    for tid in ids:
        add_tp(project, tid, "consideration")
    chain(project, *ids)
    graph = build_journey(checked(project))
    first, second = critical_touchpoints(graph), critical_touchpoints(graph)
    assert first.method is Method.SAMPLED and first.samples == 200
    assert first == second and first.critical


def test_centrality_is_skipped_over_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(critical_module, "WORK_BUDGET", 10)
    centrality = analyze_journey(hub_project()).centrality
    assert centrality.method is Method.SKIPPED and centrality.critical == ()


def test_persona_journeys_can_leave_centrality_out() -> None:
    centrality = analyze_journey(hub_project(), with_centrality=False).centrality
    assert centrality.method is Method.SKIPPED
