"""export-mermaid and import-mermaid on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.cli import main
from journeymapper.export.mermaid import to_mermaid
from journeymapper.io import load
from journeymapper.paths import EXAMPLES

BAKERY = EXAMPLES / "bakery.json"


def test_export_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-mermaid", str(BAKERY)]) == 0
    assert capsys.readouterr().out == to_mermaid(load(BAKERY))


def test_export_to_a_file_for_one_persona_by_name(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bakery.mmd"
    assert main(["export-mermaid", str(BAKERY), "-o", str(out), "--persona",
                 "markus, the office manager"]) == 0
    project = load(BAKERY)
    assert out.read_text(encoding="utf-8") == to_mermaid(project, "persona-office-manager")
    assert "written" in capsys.readouterr().out


def test_unknown_persona_and_bad_project_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-mermaid", str(BAKERY), "--persona", "Nobody"]) == 1
    assert "unknown persona 'Nobody'" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["export-mermaid", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("broken.json: line 1, column 2: not valid JSON")
    assert main(["export-mermaid", str(tmp_path / "missing.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("missing.json: ") and "does not exist" in err


def test_import_then_export_gives_the_text_back(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "day.mmd"
    source.write_bytes(b"\xef\xbb\xbfjourney\r\n  title My day\r\n  section Work\r\n"
                       b"    Code: 4: Me, Cat\r\n")
    target = tmp_path / "day.json"
    assert main(["import-mermaid", str(source), "-o", str(target), "--title", "Renamed"]) == 0
    assert "(1 stage, 1 touchpoint, 2 personas)" in capsys.readouterr().out
    project = load(target)
    assert project.title == "Renamed"
    assert main(["export-mermaid", str(target)]) == 0
    assert capsys.readouterr().out == ("journey\n    title Renamed\n    section Work\n"
                                       "      Code: 4: Me, Cat\n")


def test_import_errors_go_to_stderr_with_line_numbers(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.mmd"
    source.write_text("journey\n  section A\n    Fine: 3\n    Broken line\n    Hot: 7\n",
                      encoding="utf-8")
    target = tmp_path / "out.json"
    assert main(["import-mermaid", str(source), "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{source}: line 4: expected \"Task: score: actors\", got 'Broken line'",
                   f"{source}: line 5: the score must be a whole number from 1 to 5, got '7'"]
    assert not target.exists()


def test_import_refuses_unreadable_input(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    assert main(["import-mermaid", str(tmp_path / "nope.mmd"), "-o", str(target)]) == 1
    assert "nope.mmd: does not exist" in capsys.readouterr().err
    binary = tmp_path / "image.mmd"
    binary.write_bytes(b"journey\n\xff\xfe")
    assert main(["import-mermaid", str(binary), "-o", str(target)]) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert main(["import-mermaid", str(tmp_path), "-o", str(target)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert not target.exists()
