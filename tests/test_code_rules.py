"""House rules checked on every run: ruff is clean and the layer contracts hold."""

from __future__ import annotations

import shutil
import subprocess
import sys

from journeymapper.paths import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_layer_contracts_hold() -> None:
    """model, io, layout, analysis and export import no Qt; layers only import downwards."""
    lint_imports = shutil.which("lint-imports")
    assert lint_imports, "import-linter is part of the test extra: pip install -e '.[test]'"
    result = run(lint_imports)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_cli_runs_without_qt() -> None:
    """The headless commands never load PySide6, reportlab or networkx at start-up."""
    code = ("import sys; from journeymapper.cli import main; main(['schema', '-o', '/dev/null']);"
            "print(sorted(m for m in ('PySide6', 'reportlab', 'networkx') if m in sys.modules))")
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
