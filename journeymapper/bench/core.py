"""Measurements that need no display: open, save, analysis and PDF export."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.bench.timing import Result, median_ms
from journeymapper.io import dumps, load, parse, save


def measure_files(size: int, repeat: int) -> list[Result]:
    """Parse+validate and save of an N-touchpoint project, against plain json as the floor."""
    project = synthetic_project(size)
    raw = dumps(project)
    data = json.loads(raw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        save(project, path)
        open_ms = median_ms(lambda: load(path), repeat)
        save_ms = median_ms(lambda: save(project, path), repeat)
    return [
        Result("open file (parse + validate)", size, open_ms,
               median_ms(lambda: json.loads(raw), repeat)),
        Result("save file (atomic, backup)", size, save_ms,
               median_ms(lambda: json.dumps(data, indent=2), repeat),
               goal_ms=300 if size >= 10_000 else None),
        Result("validate only", size, median_ms(lambda: parse(raw), repeat)),
    ]


def measure_analysis(size: int, repeat: int) -> list[Result]:
    """The whole journey analysis of an N-touchpoint project."""
    import datetime as dt

    from journeymapper.analysis import analyze

    project = synthetic_project(size)
    today = dt.date(2026, 11, 23)
    return [Result("analysis", size, median_ms(lambda: analyze(project, today), repeat),
                   goal_ms=1000 if size >= 10_000 else None)]


def measure_pdf(size: int, repeat: int) -> list[Result]:
    """PDF of the map and register, against reportlab drawing the same boxes and text."""
    from journeymapper.export import export_pdf

    project = synthetic_project(size)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "map.pdf"
        pdf_ms = median_ms(lambda: export_pdf(project, out, sections=("map", "register")),
                           repeat)
    return [Result("PDF export (map + register)", size, pdf_ms,
                   median_ms(lambda: _reportlab_floor(project), repeat),
                   goal_ms=3000 if size >= 1000 else None)]


def _reportlab_floor(project: object) -> bytes:
    """Reportlab alone drawing one rectangle and one line of text per card."""
    import io

    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    from journeymapper.layout import compute_layout

    layout = compute_layout(project)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A3))
    width, height = landscape(A3)
    scale = min(width / layout.width, height / layout.height)
    canvas.scale(scale, scale)
    for tp in project.touchpoints:  # type: ignore[attr-defined]
        rect = layout.cards[tp.id]
        canvas.rect(rect.x, layout.height - rect.bottom, rect.w, rect.h)
        canvas.drawString(rect.x + 4, layout.height - rect.y - 12, tp.name)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
