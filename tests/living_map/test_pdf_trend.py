"""The PDF register shows each touchpoint's performance trend ("2 → 4")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journeymapper.export import export_pdf
from journeymapper.model import Review
from tests.export.pdf_tools import pdf_text
from tests.living_map.helpers import TODAY, living_project


def test_register_has_a_trend_column(tmp_path: Path) -> None:
    project = living_project()
    project.touchpoints[1].reviews = [Review(date=dt.date(2026, 10, 1), performance=4)]
    out = tmp_path / "register.pdf"
    export_pdf(project, out, today=TODAY, sections="register")
    text = " ".join(pdf_text(out).split())
    assert "Trend" in text
    assert "2 \u2192 3" in text  # the website: 2 then 3
    assert "at the first and at the latest review" in text
