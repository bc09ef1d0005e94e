"""Every bundled example map exports to a PDF that names all its touchpoints."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.export import export_pdf
from journeymapper.io import load
from journeymapper.paths import EXAMPLES
from tests.export.pdf_tools import TODAY, fonts, pdf_text

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


@pytest.mark.needs_examples
def test_there_are_examples_to_export() -> None:
    assert EXAMPLE_FILES, f"no example maps in {EXAMPLES}"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_exports(path: Path, tmp_path: Path) -> None:
    project = load(path)
    out = tmp_path / f"{path.stem}.pdf"
    export_pdf(project, out, today=TODAY)
    text = " ".join(pdf_text(out).split())
    for tp in project.touchpoints:
        assert " ".join(tp.name.split()) in text, tp.name
    assert all(row["emb"] == "yes" for row in fonts(out))
