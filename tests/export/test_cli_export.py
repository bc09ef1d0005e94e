"""``journeymapper export``: success, bad files (exit 1) and bad options (exit 2)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.cli import main
from journeymapper.cli.common import EXIT_CANCELLED
from journeymapper.export.progress_lines import read_progress
from journeymapper.io import save
from journeymapper.model import Project
from journeymapper.paths import ROOT
from tests.export.pdf_tools import page_sizes, pdf_info, pdf_text


@pytest.fixture
def project_file(bakery_project: Project, tmp_path: Path) -> Path:
    path = tmp_path / "bakery.json"
    save(bakery_project, path, backup=False)
    return path


def test_export_writes_the_pdf(project_file: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.pdf"
    code = main(["export", str(project_file), "-o", str(out), "--page", "A3",
                 "--today", "2025-06-01", "--persona", "Commuter Carla"])
    assert code == 0
    assert "map.pdf: written" in capsys.readouterr().out
    assert page_sizes(out)[0] == pytest.approx((1190.55, 841.89), abs=0.5)
    assert "highlighting persona Commuter Carla" in pdf_text(out)


def test_sections_option_limits_the_pdf(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.pdf"
    assert main(["export", str(project_file), "-o", str(out), "--sections", "register"]) == 0
    text = pdf_text(out)
    assert "Touchpoint register" in text and "Personas" not in text
    assert pdf_info(out)["Pages"] == "1"


@pytest.mark.parametrize("content", [b"{not json", b'{"title": 3}', b"\xff\xfe"])
def test_a_bad_project_file_exits_1_naming_the_file(
        tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken-map.json"
    bad.write_bytes(content)
    out = tmp_path / "out.pdf"
    assert main(["export", str(bad), "-o", str(out)]) == 1
    assert "broken-map.json" in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_project_file_exits_1(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nowhere.json"), "-o", str(tmp_path / "o.pdf")]) == 1
    assert "nowhere.json" in capsys.readouterr().err


def test_an_unwritable_output_exits_1(project_file: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "map.pdf"
    assert main(["export", str(project_file), "-o", str(out)]) == 1
    assert "map.pdf" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "words"), [
    (["--persona", "Nobody"], "unknown persona 'Nobody'"),
    (["--sections", "map,charts"], "unknown section 'charts'"),
])
def test_unknown_persona_or_section_exits_2(project_file: Path, tmp_path: Path,
                                            args: list[str], words: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.pdf"
    assert main(["export", str(project_file), "-o", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "map, personas, register" in err or "Commuter Carla" in err  # says what exists
    assert not out.exists()


@pytest.mark.parametrize("args", [["--page", "B5"], ["--today", "yesterday"], []])
def test_argument_errors_exit_2(project_file: Path, tmp_path: Path, args: list[str],
                                capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["export", str(project_file), *args]
    if args:
        argv += ["-o", str(tmp_path / "o.pdf")]  # without args: -o itself is missing
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "journeymapper export: error" in capsys.readouterr().err


def _fresh_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_reportlab_is_imported_only_when_exporting(project_file: Path, tmp_path: Path) -> None:
    before = _fresh_python(
        "import sys; from journeymapper.cli import build_parser; import journeymapper.export;"
        "build_parser(); print('reportlab' in sys.modules, 'PySide6' in sys.modules)")
    assert before == "False False"
    after = _fresh_python(
        "import sys; from journeymapper.cli import main;"
        f"main(['export', {str(project_file)!r}, '-o', {str(tmp_path / 'x.pdf')!r}]);"
        "print('reportlab' in sys.modules, 'PySide6' in sys.modules)")
    assert after.splitlines()[-1] == "True False"


def test_the_project_can_come_on_stdin_with_progress_lines_on_stdout(
        project_file: Path, tmp_path: Path) -> None:
    """As the app runs it: ``export - --progress``, the file's bytes on stdin."""
    out = tmp_path / "from-stdin.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", "-", f"--output={out}",
         "--sections=map,register", "--progress"],
        input=project_file.read_bytes(), cwd=ROOT, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    steps = [read_progress(line) for line in result.stdout.splitlines()]
    reported = [step for step in steps if step is not None]
    assert reported[0] == (0, 3) and reported[-1] == (3, 3)
    assert [done for done, _total in reported] == sorted(done for done, _ in reported)
    assert b"written from stdin" in result.stdout
    assert "Touchpoint register" in pdf_text(out)


def test_a_bad_project_on_stdin_is_named_stdin(tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", "-", "-o", str(out)],
        input=b'{"title": 3}', cwd=ROOT, capture_output=True, text=False, check=False)
    assert result.returncode == 1
    assert result.stderr.decode().startswith("stdin:")
    assert not out.exists()


def test_sigterm_cancels_the_export_and_leaves_no_file_behind(tmp_path: Path) -> None:
    """How the app cancels its export: the PDF and its temporary file are both gone."""
    folder = tmp_path / "out"
    folder.mkdir()
    big = tmp_path / "big.json"
    save(synthetic_project(2000), big, backup=False)
    child = subprocess.Popen(
        [sys.executable, "-m", "journeymapper", "export", str(big), "-o",
         str(folder / "big.pdf"), "--progress"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    first = child.stdout.readline()  # drawing has begun
    assert read_progress(first) is not None, first
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == EXIT_CANCELLED
    assert b"not written (the export was cancelled)" in err
    assert list(folder.iterdir()) == []
