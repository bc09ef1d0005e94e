"""Brief: the part of an analysis the app's dock shows, its JSON, and the lines of the
child process that analyses big maps for the dock."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings

from journeymapper import io
from journeymapper.analysis import analyze
from journeymapper.analysis.brief import MAX_ACTIONS, Brief
from journeymapper.analysis.brief_lines import answer, read_answer, request
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


def sent(project: Project) -> bytes:
    """The request line the app sends to analyse ``project``."""
    return request(TODAY, io.dumps(project, compact=True))


def serve(*lines: bytes) -> list[bytes]:
    """The answer lines of ``journeymapper serve-analysis`` to these request lines."""
    result = subprocess.run([sys.executable, "-m", "journeymapper", "serve-analysis"],
                            input=b"".join(lines), capture_output=True, cwd=ROOT, check=False,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_analysis_child_answers_each_map_sent_as_the_app_sends_it() -> None:
    bakery = load(EXAMPLES / "bakery.json")
    saas = load(EXAMPLES / "saas-trial.json")
    answers = serve(sent(bakery), b"soon {}\n", sent(saas),
                    TODAY.isoformat().encode() + b' {"title": 1}\n', b"20261203 {}\n")
    assert len(answers) == 5
    assert read_answer(answers[0]) == Brief.of(analyze(bakery, TODAY), bakery)
    assert read_answer(answers[1]) == "'soon' is not a date (YYYY-MM-DD) followed by a map"
    assert read_answer(answers[2]) == Brief.of(analyze(saas, TODAY), saas)
    said = read_answer(answers[3])
    assert isinstance(said, str) and said.startswith("the map sent: ") and "title" in said
    assert read_answer(answers[4]) == "'20261203' is not a date (YYYY-MM-DD) followed by a map"


def test_an_analysis_that_fails_is_answered_with_what_went_wrong(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journeymapper.analysis import brief_lines

    bakery = load(EXAMPLES / "bakery.json")

    def broken(project: Project, today: object) -> None:
        raise RuntimeError("half-finished analysis")
    monkeypatch.setattr(brief_lines, "analyze", broken)
    assert read_answer(answer(sent(bakery))) == "RuntimeError: half-finished analysis"


def test_an_answer_that_is_not_one_is_said_so() -> None:
    for line in (b"", b"brief {", b"error 42", b"hello"):
        said = read_answer(line)
        assert isinstance(said, str) and said.startswith("the analysis answered ")


def test_a_request_is_one_line() -> None:
    project = load(EXAMPLES / "saas-trial.json")
    project.touchpoints[0].name = "Two\nlines"
    line = sent(project)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert Brief.model_validate_json(answer(line)[len(b"brief "):]).touchpoints == len(
        project.touchpoints)


def test_analyze_reads_a_map_on_stdin_and_names_it_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "analyze", "-"],
        input=io.dumps(load(EXAMPLES / "bakery.json")), capture_output=True, cwd=ROOT,
        check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"(stdin)" in result.stdout.splitlines()[0]
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "analyze", "-"],
        input=b'{"title": ', capture_output=True, cwd=ROOT, check=False, timeout=60)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().startswith("stdin")
