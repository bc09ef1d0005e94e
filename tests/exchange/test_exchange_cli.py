"""The command line: export-csv, export-xlsx, export-ics and import-table."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeymapper.cli import main
from journeymapper.cli.common import EXIT_CANCELLED
from journeymapper.io import dumps, load
from journeymapper.paths import EXAMPLES, ROOT


@pytest.fixture
def bakery(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.json"
    shutil.copy(EXAMPLES / "bakery.json", path)
    return path


def test_exports_write_next_to_the_project_or_to_output(
        bakery: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-csv", str(bakery)]) == 0
    assert bakery.with_suffix(".csv").read_bytes().startswith(b"\xef\xbb\xbfid,name")
    out = bakery.parent / "sheet.xlsx"
    assert main(["export-xlsx", str(bakery), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")
    assert main(["export-ics", str(bakery), "-o", str(bakery.parent / "d.ics")]) == 0
    assert (bakery.parent / "d.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    printed = capsys.readouterr().out
    assert "bakery.csv: 12 touchpoints" in printed and "d.ics: 11 deadlines" in printed


@pytest.mark.parametrize("command, suffix", [("export-csv", ".csv"), ("export-xlsx", ".xlsx"),
                                             ("export-ics", ".ics"),
                                             ("export-mermaid", ".mmd"),
                                             ("export-pptx", ".pptx")])
def test_exports_read_the_map_from_stdin_as_the_app_runs_them(
        bakery: Path, tmp_path: Path, command: str, suffix: str) -> None:
    out = tmp_path / f"from-stdin{suffix}"
    result = subprocess.run([sys.executable, "-m", "journeymapper", command, "-",
                             f"--output={out}"], input=bakery.read_bytes(), cwd=ROOT,
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    bad = subprocess.run([sys.executable, "-m", "journeymapper", command, "-",
                          f"--output={tmp_path / ('never' + suffix)}"],
                         input=b"[1, 2", cwd=ROOT, capture_output=True, check=False)
    assert bad.returncode == 1 and bad.stderr.decode().startswith("stdin:")
    assert not (tmp_path / f"never{suffix}").exists()


def test_a_table_from_stdin_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-csv", "-"]) == 1
    assert "give -o OUT when the map comes from stdin" in capsys.readouterr().err


def test_sigterm_cancels_an_export_and_writes_nothing(
        bakery: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """How the app cancels the exports it runs in child processes."""
    import journeymapper.export.table_xlsx as table_xlsx

    def interrupted(project: object, path: Path) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # as the app's Cancel does, mid-way
        time.sleep(10)  # the handler raises before this ends
        Path(path).write_text("never")
    monkeypatch.setattr(table_xlsx, "export_xlsx", interrupted)
    out = tmp_path / "never.xlsx"
    before = signal.getsignal(signal.SIGTERM)
    started = time.monotonic()
    assert main(["export-xlsx", str(bakery), "-o", str(out)]) == EXIT_CANCELLED
    assert time.monotonic() - started < 5
    assert not out.exists()
    assert f"{out}: not written (the export was cancelled)" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGTERM) == before  # the handler is put back


def test_export_of_a_bad_project_names_the_file(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{ nope")
    for command in ("export-csv", "export-xlsx", "export-ics"):
        assert main([command, str(bad)]) == 1
        assert "broken.json: line 1, column 3: not valid JSON" in capsys.readouterr().err
    assert main(["import-table", str(bad), str(bad)]) == 1
    assert "broken.json:" in capsys.readouterr().err


def test_export_to_an_unwritable_place(bakery: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-csv", str(bakery), "-o", str(bakery.parent / "no" / "t.csv")]) == 1
    assert "Cannot save" in capsys.readouterr().err


def test_import_of_its_own_export_changes_nothing(bakery: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = bakery.read_bytes()
    table = bakery.parent / "t.xlsx"
    assert main(["export-xlsx", str(bakery), "-o", str(table)]) == 0
    assert main(["import-table", str(bakery), str(table)]) == 0
    out = capsys.readouterr().out
    assert "t.xlsx: 0 new, 0 changed, 12 unchanged, 0 with errors" in out
    assert "nothing to change" in out
    assert bakery.read_bytes() == before
    assert not bakery.with_name("bakery.json.bak").exists()


def edited_table(bakery: Path) -> Path:
    """The bakery's CSV with one budget changed, one new row and one bad row."""
    assert main(["export-csv", str(bakery), "-o", str(bakery.parent / "t.csv")]) == 0
    table = bakery.parent / "t.csv"
    text = table.read_text(encoding="utf-8-sig")
    text = text.replace(",1200.00,1460.00,", ",1300.00,1460.00,", 1)
    text += ",Flyers,,Purchase,,,,,,,,3,0,,50,0,,,,,,,,\r\n"
    text += ",Sign,,Purchasing,,,,,,,,3,0,,-5,0,,,,,,,,\r\n"
    table.write_text(text, encoding="utf-8-sig")
    return table


def test_import_with_errors_writes_nothing_and_exits_1(
        bakery: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = edited_table(bakery)
    capsys.readouterr()
    before = bakery.read_bytes()
    assert main(["import-table", str(bakery), str(table)]) == 1
    captured = capsys.readouterr()
    assert "t.csv: 1 new, 1 changed, 11 unchanged, 1 with errors" in captured.out
    assert "row 15, stage: no stage named 'Purchasing' (stages: Awareness," in captured.out
    assert "row 15, budget: must be >= 0, got -5" in captured.out
    assert "nothing written" in captured.err
    assert bakery.read_bytes() == before
    assert main(["import-table", str(bakery), str(table), "--dry-run"]) == 1
    assert "dry run: nothing written" in capsys.readouterr().out
    assert bakery.read_bytes() == before


def test_skip_bad_rows_writes_in_place_with_a_backup(
        bakery: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = edited_table(bakery)
    before = bakery.read_bytes()
    assert main(["import-table", str(bakery), str(table), "--skip-bad-rows"]) == 0
    assert "1 added, 1 updated (previous version in bakery.json.bak)" in capsys.readouterr().out
    assert bakery.with_name("bakery.json.bak").read_bytes() == before
    project = load(bakery)
    assert str(project.touchpoints[0].budget) == "1300.00"
    assert project.touchpoints[-1].name == "Flyers"


def test_dry_run_and_output_file(bakery: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = bakery.parent / "new.csv"
    table.write_text("Title,Phase,Cost\nFlyers,Purchase,50\n", encoding="utf-8")
    before = bakery.read_bytes()
    assert main(["import-table", str(bakery), str(table), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "new.csv: 0 new, 0 changed, 0 unchanged, 1 with errors" in out
    assert "ignored columns: Phase, Cost" in out
    assert "row 2, stage: is required for a new touchpoint" in out
    assert main(["import-table", str(bakery), str(table), "--dry-run", "--map",
                 "Phase=stage"]) == 0
    assert "new.csv: 1 new, 0 changed" in capsys.readouterr().out
    result = bakery.parent / "result.json"
    assert main(["import-table", str(bakery), str(table), "-o", str(result),
                 "--map", "phase=stage", "--map", "Cost=budget"]) == 0
    assert bakery.read_bytes() == before
    added = load(result).touchpoints[-1]
    assert (added.name, added.stage_id, str(added.budget)) == ("Flyers", "purchase", "50.00")
    assert not result.with_name("result.json.bak").exists()
    assert dumps(load(result)) == result.read_bytes()


@pytest.mark.parametrize(("option", "message"), [
    ("Phase", "--map 'Phase': write HEADER=FIELD"),
    ("Nope=stage", "--map 'Nope=stage': no column 'Nope'"),
    ("Phase=stages", "--map 'Phase=stages': unknown field 'stages'"),
])
def test_bad_map_options(bakery: Path, capsys: pytest.CaptureFixture[str], option: str,
                         message: str) -> None:
    table = bakery.parent / "new.csv"
    table.write_text("Title,Phase\nFlyers,Purchase\n", encoding="utf-8")
    assert main(["import-table", str(bakery), str(table), "--map", option]) == 1
    assert message in capsys.readouterr().err


def test_unreadable_tables_and_unusable_mappings(bakery: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-table", str(bakery), str(bakery.parent / "none.csv")]) == 1
    assert "none.csv: does not exist" in capsys.readouterr().err
    table = bakery.parent / "odd.csv"
    table.write_text("colour,size\nred,3\n", encoding="utf-8")
    assert main(["import-table", str(bakery), str(table)]) == 1
    assert "no column is mapped to name or id" in capsys.readouterr().err


def test_cli_start_up_loads_no_table_or_calendar_library() -> None:
    code = ("import sys; from journeymapper.cli import build_parser; build_parser();"
            "print(sorted(m for m in ('openpyxl', 'icalendar', 'PySide6') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
