"""Brief: the part of an analysis the app's dock shows, and its JSON round trip."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings

from journeymapper import io
from journeymapper.analysis import Severity, analyze
from journeymapper.analysis.brief import MAX_ACTIONS, Brief
from journeymapper.bench.synthetic import synthetic_project
from journeymapper.io import load
from journeymapper.model import Project
from journeymapper.paths import EXAMPLES, ROOT
from tests.analysis.strategies import TODAY, journey_projects


def test_a_brief_holds_what_the_dock_shows_of_the_analysis() -> None:
    project = load(EXAMPLES / "saas-trial.json")
    result = analyze(project, TODAY)
    brief = Brief.of(result, project)
    assert (brief.touchpoints, brief.links) == (len(project.touchpoints), len(project.links))
    assert brief.counts == result.severity_counts()
    assert [(f.severity, f.message, f.touchpoint_ids) for f in brief.findings] == [
        (f.severity, f.message, f.touchpoint_ids) for f in result.findings]
    assert brief.funnel == result.journey.funnel.stages
    journeys = [result.journey, *result.persona_journeys]
    assert [p.persona_id for p in brief.paths] == [j.persona_id for j in journeys]
    main = result.journey.likely_path
    assert main is not None and brief.paths[0].touchpoint_ids == main.touchpoint_ids
    assert brief.paths[0].probability == main.probability
    for cover, persona in zip(brief.coverage, result.coverage.personas, strict=True):
        assert set(cover.served_ids) == {t for ids in persona.by_stage.values() for t in ids}
        assert cover.unused_channels == tuple(c.value for c in persona.unused_channels)
    assert [a.touchpoint_id for a in brief.actions] == [
        s.touchpoint_id for s in result.priorities.actions]


def test_a_big_map_lists_the_first_actions_and_counts_the_rest() -> None:
    project = synthetic_project(1000)
    result = analyze(project, TODAY)
    brief = Brief.of(result, project)
    assert len(result.priorities.actions) > MAX_ACTIONS
    assert len(brief.actions) == MAX_ACTIONS
    assert brief.action_count == len(result.priorities.actions)
    assert brief.actions[0].touchpoint_id == result.priorities.actions[0].touchpoint_id
    # What a child process hands the window is a fraction of the whole analysis.
    assert len(brief.model_dump_json()) < len(json.dumps(result.to_json())) / 5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_projects())
def test_a_brief_survives_its_json(project: Project) -> None:
    brief = Brief.of(analyze(project, TODAY), project)
    assert Brief.model_validate_json(brief.model_dump_json()) == brief


def test_analyze_brief_reads_the_map_on_stdin_as_the_app_runs_it() -> None:
    project = load(EXAMPLES / "bakery.json")
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "analyze", "-", "--brief",
         f"--today={TODAY.isoformat()}"], input=io.dumps(project), capture_output=True,
        cwd=ROOT, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    brief = Brief.model_validate_json(result.stdout)
    assert brief == Brief.of(analyze(project, TODAY), project)
    assert brief.counts[Severity.WARNING] > 0


def test_a_bad_map_on_stdin_is_named_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "analyze", "-", "--brief"],
        input=b'{"title": ', capture_output=True, cwd=ROOT, check=False, timeout=60)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().startswith("stdin")
