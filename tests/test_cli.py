"""The command line: validate, new, info, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymapper.cli import COMMAND_NAMES, build_parser, main
from journeymapper.io import load, save, schema_text
from journeymapper.model import Touchpoint, new_project
from journeymapper.paths import EXAMPLES, SCHEMA_FILE, template_files


def test_new_then_validate_and_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coffee-cart.json"
    assert main(["new", str(path)]) == 0
    assert load(path).title == "Coffee Cart"
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["validate", str(path)]) == 0
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "stages       5" in out and "touchpoints  0" in out


def test_new_from_each_template(tmp_path: Path) -> None:
    assert template_files(), "resources/templates holds no template"
    for name in template_files():
        path = tmp_path / f"{name}.json"
        assert main(["new", str(path), "--template", name, "--title", "Mine"]) == 0
        assert load(path).title == "Mine"


def test_unknown_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x.json"), "--template", "nope"]) == 1
    assert "unknown template 'nope'" in capsys.readouterr().err


def test_validate_reports_every_bad_file(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    save(new_project(), good)
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text())
    data["stages"][0]["color"] = "blue"
    bad.write_text(json.dumps(data))
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "good.json: ok" in captured.out
    assert "bad.json: stages[0].color:" in captured.err


def test_info_counts_budget_and_overdue(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = new_project("Shop")
    project.touchpoints = [
        Touchpoint(id="a", name="Ads", stage_id="awareness", lane_id="touchpoints",
                   budget="1000.50", spent="200", deadline="2026-01-10", owner="Ana"),
        Touchpoint(id="b", name="Shop", stage_id="purchase", lane_id="touchpoints",
                   budget="99.50", deadline="2027-01-10"),
    ]
    path = tmp_path / "shop.json"
    save(project, path)
    assert main(["info", str(path), "--today", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "1,100.00 EUR" in out and "200.00 EUR" in out
    assert "overdue      1" in out and "Ads (due 2026-01-10, owner Ana)" in out



@pytest.mark.parametrize("command", ["info", "export", "export-pptx"])
def test_today_must_be_written_as_a_day(command: str, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    argv = [command, str(EXAMPLES / "bakery.json"), "--today", "20261203"]
    if command.startswith("export"):
        argv += ["-o", "never-written"]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "--today: '20261203' is not a date (YYYY-MM-DD)" in capsys.readouterr().err

def test_schema_matches_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "resources/project.schema.json is stale: run journeymapper schema -o "
        "resources/project.schema.json")


def test_schema_validates_a_project_file() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(new_project().model_dump_json()), json.loads(schema_text()))


def test_command_names_match_the_subcommands() -> None:
    # `journeymapper FILE` tells a file from a subcommand by these names, without building
    # the parsers; a new subcommand must be added there.
    assert build_parser()[1] == COMMAND_NAMES
