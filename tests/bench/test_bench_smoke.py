"""`journeymapper bench` at a small size: every measurement runs and the JSON has its shape.

No timing is asserted here: speed is measured by the benchmark itself, never in unit tests.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from journeymapper.bench.runner import NAMES
from journeymapper.cli import main

RESULT_KEYS = {"group", "name", "size", "median_ms", "floor_ms", "ratio", "goal_ms",
               "goal_ratio", "meets_goal", "cpu_ms"}


@pytest.mark.slow
def test_every_measurement_runs_and_reports_json() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "journeymapper", "bench", "--sizes", "50", "--repeat", "1",
         "--links", "random", "--json"],
        capture_output=True, text=True, env=env, timeout=280, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    machine = report["machine"]
    for key in ("cpus", "cpu", "load_average", "python", "qt", "date", "repeat", "sizes"):
        assert key in machine
    assert machine["sizes"] == [50] and machine["repeat"] == 1
    assert machine["links"] == "random"
    results = report["results"]
    assert {r["group"] for r in results} == set(NAMES)
    for r in results:
        assert set(r) == RESULT_KEYS, r
        assert isinstance(r["median_ms"], float) and math.isfinite(r["median_ms"]), r
        assert r["median_ms"] >= 0
        assert r["meets_goal"] in (True, False, None)
        if r["floor_ms"] is not None:
            assert r["ratio"] is not None
    names = [r["name"] for r in results]
    for expected in ("cold start to first paint", "open to first paint", "save file",
                     "frame, repaint at fit all", "frame, repaint at 25%",
                     "frame, repaint at 100%", "frame, zoom step at 100%",
                     "frame, pan step at 100%", "sharp frame once a zoom at 100% rests",
                     "drag 1 card: move", "drag 1 card: drop",
                     "selected cards: move", "PDF export", "analysis",
                     "bare QMainWindow after importing the model",
                     "open: captions placed after the first paint",
                     "captions placed after the drop", "select all (Ctrl+A)",
                     "selected cards (Del)", "to the next stage (Alt+Right)",
                     "selected cards (Ctrl+D)", "find: a keystroke"):
        assert any(expected in name for name in names), expected


def test_unknown_measurement_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "--only", "frames,nonsense"])
    assert "unknown measurement nonsense" in capsys.readouterr().err


def test_sizes_must_be_whole_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "--sizes", "100,lots"])
    assert "give sizes as whole numbers" in capsys.readouterr().err


def test_unknown_link_shape_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "--links", "spaghetti"])
    assert "invalid choice: 'spaghetti'" in capsys.readouterr().err


def test_the_link_shape_reaches_the_synthetic_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    from journeymapper.bench import core
    from journeymapper.bench.runner import run

    asked: list[str] = []
    made = core.synthetic_project

    def spy(size: int, seed: int = 0, links: str = "journey") -> object:
        asked.append(links)
        return made(size, seed, links)

    monkeypatch.setattr(core, "synthetic_project", spy)
    results = run([30], 1, only=("analysis",), links="random")
    assert [r.group for r in results] == ["analysis"] and asked == ["random"]
