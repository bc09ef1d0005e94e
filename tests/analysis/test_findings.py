"""Findings: each kind, with its severity, wording and the touchpoints it names."""

from __future__ import annotations

import datetime as dt

from journeymapper.analysis import Analysis, Category, Severity, analyze
from journeymapper.analysis.findings import SEVERITY_RANK
from journeymapper.model import Status
from tests.analysis.builders import add_link, add_persona, add_tp, blank, chain, checked
from tests.analysis.test_coverage_priorities import coverage_project, priorities_project

TODAY = dt.date(2025, 6, 1)


def codes(result: Analysis, code: str) -> list[tuple[tuple[str, ...], str]]:
    """(touchpoint ids, message) of every finding with this code."""
    return [(f.touchpoint_ids, f.message) for f in result.findings if f.code == code]


def flow_project():
    project = blank()
    add_tp(project, "ad", "awareness", name="Instagram ad")
    add_tp(project, "flyer", "awareness", name="Flyer")
    add_tp(project, "pricing", "consideration", name="Pricing page")
    add_tp(project, "blog", "consideration", name="Blog")
    add_tp(project, "l1", "consideration", name="Quiz")
    add_tp(project, "l2", "consideration", name="Quiz result")
    add_tp(project, "checkout", "purchase", name="Checkout", performance=1)
    add_tp(project, "review", "loyalty", name="Review request")
    add_tp(project, "club", "loyalty", name="Club")
    add_tp(project, "forum", "loyalty", name="Forum")
    add_link(project, "ad", "pricing", 0.4)
    add_link(project, "ad", "blog")
    chain(project, "blog", "checkout", "review")
    add_link(project, "review", "blog", 0.3)
    chain(project, "l1", "l2", "l1")
    add_link(project, "club", "review")
    add_link(project, "review", "forum", 0.2)       # a loop inside the loyalty stage
    add_link(project, "forum", "review")
    return checked(project)


def test_journey_findings_name_their_touchpoints() -> None:
    result = analyze(flow_project(), TODAY)
    assert codes(result, "dead_end") == [
        (("pricing",), "Add a next step after 'Pricing page': customers stop there before "
                       "purchase")]
    assert [ids for ids, _ in codes(result, "late_entry")] == [("club",)]
    assert [ids for ids, _ in codes(result, "unreachable")] == [("l1",), ("l2",)]
    assert [ids for ids, _ in codes(result, "unlinked")] == [("flyer",)]
    assert [ids for ids, _ in codes(result, "closed_loop")] == [("l1", "l2")]
    # The loop blog -> checkout -> review -> blog crosses stages: its back link is the finding.
    assert [(ids, message) for ids, message in codes(result, "loop")] == [
        (("review", "forum"), "Check the loop 'Review request' -> 'Forum' -> 'Review request' "
                              "in Loyalty: customers can go round it without moving on")]
    assert {loop for loop in analyze(flow_project(), TODAY).journey.cycles} == {
        ("l1", "l2"), ("review", "forum"), ("blog", "checkout", "review")}
    assert [ids for ids, _ in codes(result, "critical_underperforming")] == [("checkout",)]
    assert codes(result, "no_path_to_purchase") == []
    back = [f for f in result.findings if f.code == "back_link"]
    assert len(back) == 1
    assert back[0].touchpoint_ids == ("review", "blog")
    assert back[0].link_ids == ("review-blog",)
    assert back[0].severity is Severity.INFO and back[0].category is Category.JOURNEY
    assert "'Review request' back to 'Blog' (Loyalty to Consideration)" in back[0].message


def test_the_journey_itself_matches_the_findings() -> None:
    journey = analyze(flow_project(), TODAY).journey
    assert journey.entries == ("ad", "club")
    assert journey.likely_path is not None
    assert journey.likely_path.touchpoint_ids == ("ad", "blog", "checkout")
    assert journey.likely_path.probability == 0.6 / 2


def test_findings_come_most_severe_first() -> None:
    result = analyze(flow_project(), TODAY)
    ranks = [SEVERITY_RANK[f.severity] for f in result.findings]
    assert ranks == sorted(ranks)
    empty = [f for f in result.findings if f.code == "empty_stage"]
    assert [(f.stage_id, f.severity) for f in empty] == [("experience", Severity.WARNING)]
    assert empty[0].message == ("Add a touchpoint to Experience: no customer meets the "
                                "business there")


def test_no_path_to_purchase_is_an_error() -> None:
    project = blank()
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "c", "purchase")
    add_link(project, "a", "b")
    result = analyze(checked(project), TODAY)
    assert result.findings[0].code == "no_path_to_purchase"
    assert result.findings[0].severity is Severity.ERROR


def test_an_empty_purchase_stage_is_an_error() -> None:
    result = analyze(blank(), TODAY)
    errors = [(f.code, f.stage_id) for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [("empty_stage", "purchase")]


def test_a_map_without_links_gets_one_hint_instead_of_flow_findings() -> None:
    project = blank()
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "purchase")
    result = analyze(checked(project), TODAY)
    journey = [f.code for f in result.findings if f.category is Category.JOURNEY]
    assert journey == ["no_links"]


def test_persona_findings_only_add_what_differs_from_everyone() -> None:
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_persona(project, "p2", "Student")
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration", name="Pricing page")
    add_tp(project, "c", "purchase")
    add_link(project, "a", "b")
    add_link(project, "b", "c", persona="p2")
    result = analyze(checked(project), TODAY)
    mine = [(f.code, f.persona_id, f.touchpoint_ids) for f in result.findings
            if f.category is Category.JOURNEY]
    assert mine == [("no_path_to_purchase", "p1", ()), ("dead_end", "p1", ("b",))]
    dead_end = next(f for f in result.findings if f.code == "dead_end")
    assert dead_end.message == ("Add a next step for persona Busy Parent after 'Pricing page': "
                                "their journey stops there before purchase")


def test_coverage_findings() -> None:
    result = analyze(coverage_project(), TODAY)
    gaps = [(f.message, f.persona_id, f.stage_id) for f in result.findings
            if f.code == "stage_gap"]
    assert gaps[0] == ("Consideration has no touchpoint for persona Busy Parent: add one or "
                       "open an existing one to them", "p1", "consideration")
    assert [(p, s) for _, p, s in gaps] == [("p1", "consideration"), ("p2", "loyalty")]
    unused = [(f.persona_id, f.message) for f in result.findings if f.code == "unused_channel"]
    assert unused == [("p1", "Persona Busy Parent prefers chat, but no touchpoint serving them "
                             "uses it: add one there")]


def test_priority_findings() -> None:
    result = analyze(priorities_project(), TODAY)
    assert [ids for ids, _ in codes(result, "concentrate_here")] == [("a",), ("g",), ("e",)]
    assert codes(result, "concentrate_here")[2][1] == (
        "Improve 'e': it matters (importance 60) but performs at 25%")
    assert [ids for ids, _ in codes(result, "possible_overkill")] == [("c",)]


def test_deadline_and_budget_findings() -> None:
    project = blank()
    add_tp(project, "late", "awareness", name="Flyer", owner="Ana",
           deadline=dt.date(2025, 5, 31))
    add_tp(project, "done", "awareness", deadline=dt.date(2025, 5, 1), status=Status.LIVE)
    add_tp(project, "costly", "purchase", name="Ads", budget="1000", spent="1200")
    result = analyze(checked(project), TODAY)
    assert codes(result, "overdue") == [
        (("late",), "Finish 'Flyer' or move its deadline: it was due 2025-05-31, owner Ana")]
    assert codes(result, "over_budget") == [
        (("costly",), "Raise the budget of 'Ads' or stop spending: it has spent 1,200.00 EUR "
                      "of 1,000.00 EUR")]


def test_findings_about_a_touchpoint() -> None:
    result = analyze(flow_project(), TODAY)
    assert {f.code for f in result.findings_about("pricing")} == {"dead_end"}
    assert {f.code for f in result.findings_about("blog")} == {"back_link"}
    assert {f.code for f in result.findings_about("forum")} == {"loop"}


def test_a_persona_without_a_purchase_touchpoint_gets_the_gap_not_a_path_error() -> None:
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_persona(project, "p2", "Student")
    add_tp(project, "a", "awareness")
    add_tp(project, "b", "consideration")
    add_tp(project, "c", "purchase", personas=("p2",))
    chain(project, "a", "b", "c")
    result = analyze(checked(project), TODAY)
    about_p1 = [(f.code, f.stage_id) for f in result.findings if f.persona_id == "p1"]
    assert ("stage_gap", "purchase") in about_p1
    assert all(code != "no_path_to_purchase" for code, _ in about_p1)


def test_past_the_cap_a_kind_of_finding_is_gathered_in_one(monkeypatch) -> None:
    from journeymapper.analysis import findings as findings_module

    monkeypatch.setattr(findings_module, "MAX_PER_KIND", 2)
    project = blank()
    for i in range(5):
        add_tp(project, f"t{i}", "awareness", deadline=dt.date(2025, 1, 1 + i))
    result = analyze(checked(project), TODAY)
    overdue = codes(result, "overdue")
    assert [ids for ids, _ in overdue] == [("t0",), ("t1",), ("t2", "t3", "t4")]
    assert overdue[2][1] == "Finish 3 more overdue touchpoints or move their deadlines"
