"""export-pptx on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from journeymapper.cli import main
from journeymapper.paths import EXAMPLES


def test_export_pptx_writes_a_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.pptx"
    assert main(["export-pptx", str(EXAMPLES / "workshop-starter.json"), "-o", str(out),
                 "--persona", "our typical customer", "--today", "2026-06-01"]) == 0
    assert f"{out}: written" in capsys.readouterr().out
    deck = Presentation(str(out))
    assert len(deck.slides) == 1 + 1 + 5 + 1
    first = next(iter(deck.slides))
    assert "1 June 2026" in "\n".join(s.text_frame.text for s in first.shapes
                                      if s.has_text_frame)


def test_export_pptx_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.pptx"
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ""}', encoding="utf-8")
    assert main(["export-pptx", str(broken), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("broken.json: title:")
    assert main(["export-pptx", str(EXAMPLES / "bakery.json"), "-o", str(out),
                 "--persona", "Nobody"]) == 1
    assert "unknown persona 'Nobody'" in capsys.readouterr().err
    assert main(["export-pptx", str(EXAMPLES / "bakery.json"), "-o",
                 str(tmp_path / "missing" / "map.pptx")]) == 1
    assert "Cannot save" in capsys.readouterr().err
    assert not out.exists()
