"""``journeymapper analyze FILE [--json] [--persona NAME] [--today YYYY-MM-DD]``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from journeymapper.cli import main
from journeymapper.io import save
from tests.analysis.builders import add_persona, checked
from tests.analysis.test_findings import flow_project

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    project = flow_project()
    add_persona(project, "p1", "Busy Parent")
    path = tmp_path / "shop.json"
    save(checked(project), path)
    return path


def test_the_report_puts_findings_first(map_file: Path, capsys: Capsys) -> None:
    assert main(["analyze", str(map_file), "--today", "2025-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Test map ({map_file}), as of 2025-06-01\n")
    headings = ["Findings (", "Journey (all customers)", "Coverage (", "Priorities (",
                "Budget: ", "Deadlines"]
    places = [out.index("\n" + h) for h in headings]
    assert places == sorted(places)
    assert ("WARNING journey   Add a next step after 'Pricing page': customers stop there "
            "before purchase") in out
    assert "Most likely path to purchase (30.0%): 'Instagram ad' -> 'Blog' -> 'Checkout'" in out
    assert "  Persona Busy Parent\n" in out


class Nullable:
    """A shape that may also be null."""

    def __init__(self, shape: Any) -> None:
        self.shape = shape


def expect(value: Any, shape: Any, where: str = "$") -> None:
    """Check ``value`` against a shape: a type, a tuple of types, {key: shape}, [shape] or
    Nullable(shape)."""
    if isinstance(shape, Nullable):
        if value is not None:
            expect(value, shape.shape, where)
    elif isinstance(shape, dict):
        assert isinstance(value, dict), where
        assert set(value) == set(shape), f"{where}: {sorted(set(value) ^ set(shape))}"
        for key, inner in shape.items():
            expect(value[key], inner, f"{where}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            expect(item, shape[0], f"{where}[{i}]")
    else:
        assert isinstance(value, shape), f"{where}: {value!r} is not {shape}"


NUMBER = (int, float)
OPT_STR = (str, type(None))
IDS = [str]
TOTAL = {"key": str, "label": str, "count": int, "budget": str, "spent": str,
         "remaining": str}
SCORE = {"touchpoint_id": str, "importance": NUMBER, "performance": NUMBER, "gap": NUMBER,
         "priority": NUMBER, "quadrant": str, "budget": str, "spent": str}
JOURNEY = {
    "persona_id": OPT_STR, "touchpoint_count": int, "link_count": int, "entries": IDS,
    "late_entries": IDS, "unlinked": IDS, "unreachable": IDS, "dead_ends": IDS,
    "back_links": IDS, "cycles": [IDS], "closed_cycles": [IDS], "cycles_truncated": bool,
    "centrality": {"method": str, "samples": int,
                   "critical": [{"touchpoint_id": str, "score": NUMBER}]},
    "likely_path": Nullable({"touchpoint_ids": IDS, "link_ids": IDS, "probability": NUMBER}),
    "funnel": {"stages": [{"stage_id": str, "share": NUMBER}],
               "touchpoints": [{"touchpoint_id": str, "started": NUMBER, "reached": NUMBER,
                                "left": NUMBER, "stopped": NUMBER}],
               "links": [{"link_id": str, "flow": NUMBER, "returns": bool}],
               "returned": NUMBER},
}
SCHEMA = {
    "format": str, "title": str, "today": str, "currency": str, "persona_id": OPT_STR,
    "purchase_stage_id": OPT_STR,
    "summary": {"touchpoints": int, "links": int,
                "findings": {"error": int, "warning": int, "info": int}},
    "findings": [{"severity": str, "category": str, "code": str, "message": str,
                  "touchpoint_ids": IDS, "link_ids": IDS, "persona_id": OPT_STR,
                  "stage_id": OPT_STR}],
    "journey": JOURNEY,
    "persona_journeys": [JOURNEY],
    "coverage": {"personas": [{"persona_id": str,
                               "stages": [{"stage_id": str, "touchpoint_ids": IDS}],
                               "missing_stage_ids": IDS, "unused_channels": IDS}],
                 "empty_stage_ids": IDS},
    "priorities": {"touchpoints": [SCORE], "actions": [SCORE],
                   "quadrants": {"concentrate_here": IDS, "keep_up_the_good_work": IDS,
                                 "low_priority": IDS, "possible_overkill": IDS}},
    "rollups": {"total": TOTAL, "by_stage": [TOTAL], "by_channel": [TOTAL],
                "by_owner": [TOTAL], "by_persona": [TOTAL],
                "by_month": [{"month": str, "count": int, "touchpoint_ids": IDS,
                              "budget": str, "overdue": int}],
                "overdue": IDS, "over_budget": IDS,
                "workload": [{"key": str, "owner": str, "count": int, "budget": str,
                              "spent": str, "overdue": int, "overdue_ids": IDS}]},
}


def test_json_output_has_the_documented_shape(map_file: Path, capsys: Capsys) -> None:
    assert main(["analyze", str(map_file), "--json", "--today", "2025-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    expect(data, SCHEMA)
    assert data["today"] == "2025-06-01"
    assert data["summary"]["touchpoints"] == 10
    assert data["journey"]["likely_path"]["touchpoint_ids"] == ["ad", "blog", "checkout"]
    assert [j["persona_id"] for j in data["persona_journeys"]] == ["p1"]
    assert data["findings"][0]["severity"] == "warning"
    assert {"severity", "code", "touchpoint_ids"} <= set(data["findings"][0])


def test_persona_by_name_or_id(map_file: Path, capsys: Capsys) -> None:
    for wanted in ("busy parent", "p1"):
        assert main(["analyze", str(map_file), "--json", "--persona", wanted]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["persona_id"] == "p1" and data["journey"]["persona_id"] == "p1"
        assert data["persona_journeys"] == []


def test_unknown_persona(map_file: Path, capsys: Capsys) -> None:
    assert main(["analyze", str(map_file), "--persona", "Nobody"]) == 1
    err = capsys.readouterr().err
    assert str(map_file) in err and "'Nobody'" in err and "Busy Parent" in err


def test_a_bad_file_is_reported_on_stderr_naming_it(tmp_path: Path, capsys: Capsys) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x", "touchpoints": [', encoding="utf-8")
    assert main(["analyze", str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "broken.json" in captured.err and "not valid JSON" in captured.err
    assert main(["analyze", str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err


def test_a_bad_date_is_refused(map_file: Path, capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(map_file), "--today", "01/06/2025"])
    assert exc.value.code == 2
    assert "'01/06/2025' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_today_defaults_to_the_real_date(map_file: Path, capsys: Capsys) -> None:
    assert main(["analyze", str(map_file)]) == 0
    assert "Findings (" in capsys.readouterr().out
