"""analyze(): never fails on a valid project, keeps its sum rules, gives JSON, runs without Qt."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from journeymapper.analysis import FORMAT, Severity, analyze
from journeymapper.model import Project, Status
from tests.analysis.builders import add_persona, add_tp, blank, checked
from tests.analysis.strategies import TODAY, journey_projects
from tests.analysis.test_funnel import assert_conserved
from tests.strategies import projects

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check_invariants(project: Project) -> None:
    result = analyze(project, TODAY)
    journeys = [result.journey, *result.persona_journeys]
    assert [j.persona_id for j in journeys] == [None, *(p.id for p in project.personas)]
    ids = {tp.id for tp in project.touchpoints}
    for journey in journeys:
        assert_conserved(journey)
        for tid, reached in journey.funnel.reached.items():
            stage = next(tp.stage_id for tp in project.touchpoints if tp.id == tid)
            # Visiting a touchpoint means visiting its stage.
            assert reached <= journey.funnel.stages[stage] + 1e-9
        if journey.likely_path is not None:
            # Not > 0: a chain of tiny shares may underflow to 0.0.
            assert 0.0 <= journey.likely_path.probability <= 1.0
            assert journey.likely_path.touchpoint_ids[0] in journey.entries
            assert result.purchase_stage_id == next(
                tp.stage_id for tp in project.touchpoints
                if tp.id == journey.likely_path.touchpoint_ids[-1])
    for finding in result.findings:
        assert set(finding.touchpoint_ids) <= ids
        assert finding.message
    sums = result.rollups
    assert sums.total.budget == sum((tp.budget for tp in project.touchpoints), Decimal(0))
    for group in (sums.by_stage, sums.by_channel, sums.by_owner):
        assert sum((t.budget for t in group), Decimal(0)) == sums.total.budget
        assert sum((t.spent for t in group), Decimal(0)) == sums.total.spent
        assert sum(t.count for t in group) == len(project.touchpoints)
    assert set(sums.overdue) == {tp.id for tp in project.touchpoints if tp.is_overdue(TODAY)}
    priorities = [s.priority for s in result.priorities.actions]
    assert priorities == sorted(priorities, reverse=True)
    assert all(s.status != Status.RETIRED for s in result.priorities.actions)
    json.dumps(result.to_json())


@SETTINGS
@given(journey_projects())
def test_analyze_never_fails_and_keeps_its_rules(project: Project) -> None:
    check_invariants(project)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_analyze_never_fails_on_the_shared_random_projects(project: Project) -> None:
    check_invariants(project)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_projects())
def test_analyze_for_one_persona_never_fails(project: Project) -> None:
    for persona in project.personas:
        result = analyze(project, TODAY, persona.id)
        assert result.persona_id == persona.id and result.persona_journeys == ()
        assert_conserved(result.journey)
        json.dumps(result.to_json())


def test_one_persona_limits_everything_to_what_they_meet() -> None:
    project = blank()
    add_persona(project, "p1", "Busy Parent")
    add_persona(project, "p2", "Student")
    add_tp(project, "both", "awareness", budget="10")
    add_tp(project, "mine", "purchase", personas=("p1",), budget="20")
    add_tp(project, "theirs", "purchase", personas=("p2",), budget="40")
    project = checked(project)
    result = analyze(project, TODAY, "p1")
    assert result.journey.persona_id == "p1"
    assert [pc.persona_id for pc in result.coverage.personas] == ["p1"]
    assert [s.touchpoint_id for s in result.priorities.scores] == ["both", "mine"]
    assert result.rollups.total.budget == Decimal(30)
    assert [t.key for t in result.rollups.by_persona] == ["p1"]
    with pytest.raises(KeyError):
        analyze(project, TODAY, "nobody")


def test_json_shape() -> None:
    project = blank()
    add_tp(project, "a", "awareness")
    data = analyze(checked(project), TODAY).to_json()
    assert data["format"] == FORMAT
    assert data["today"] == "2025-06-01"
    assert set(data) == {"format", "title", "today", "currency", "persona_id",
                         "purchase_stage_id", "summary", "findings", "journey",
                         "persona_journeys", "coverage", "priorities", "rollups"}
    assert set(data["summary"]["findings"]) == {s.value for s in Severity}
    assert json.loads(json.dumps(data)) == data


def test_the_analysis_imports_neither_qt_nor_networkx_until_used() -> None:
    code = ("import sys, datetime; import journeymapper.analysis as a;"
            "print(sorted(m for m in ('PySide6', 'networkx') if m in sys.modules));"
            "from journeymapper.model import new_project;"
            "a.analyze(new_project(), datetime.date(2025, 1, 1));"
            "print('PySide6' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "False"]


def test_the_cycle_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    analyze(blank(), TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(blank(), TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(KeyError):
        analyze(blank(), TODAY, "nobody")
    assert gc.isenabled()
