"""Measurements that need no display: open, save, analysis and PDF export."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.bench.timing import Result, median_ms, timed
from journeymapper.io import dumps, load, parse, save


def measure_files(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """Parse+validate and save of an N-touchpoint project, against plain json as the floor."""
    project = synthetic_project(size, links=links)
    raw = dumps(project)
    data = json.loads(raw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        save(project, path)
        opening = timed(lambda: load(path), repeat)
        saving = timed(lambda: save(project, path), repeat)
    validating = timed(lambda: parse(raw), repeat)
    return [
        Result("open file (read + parse + validate)", size, opening.wall_ms,
               median_ms(lambda: json.loads(raw), repeat), cpu_ms=opening.cpu_ms),
        Result("save file (atomic, backup)", size, saving.wall_ms,
               median_ms(lambda: json.dumps(data, indent=2), repeat),
               goal_ms=300 if size <= 10_000 else None, cpu_ms=saving.cpu_ms),
        Result("parse + validate bytes", size, validating.wall_ms, cpu_ms=validating.cpu_ms),
    ]


def measure_analysis(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """The whole journey analysis of an N-touchpoint project."""
    import datetime as dt

    from journeymapper.analysis import analyze

    project = synthetic_project(size, links=links)
    today = dt.date(2026, 11, 23)
    timing = timed(lambda: analyze(project, today), repeat)
    return [Result("analysis", size, timing.wall_ms, goal_ms=1000 if size <= 10_000 else None,
                   cpu_ms=timing.cpu_ms)]


def measure_pdf(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """PDF of the map and register, against reportlab drawing the same boxes and text."""
    from journeymapper.export import export_pdf

    project = synthetic_project(size, links=links)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "map.pdf"
        pdf = timed(lambda: export_pdf(project, out, sections=("map", "register")), repeat)
    return [Result("PDF export (map + register)", size, pdf.wall_ms,
                   median_ms(lambda: _reportlab_floor(project), repeat),
                   goal_ms=3000 if size <= 1000 else None, cpu_ms=pdf.cpu_ms)]


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
