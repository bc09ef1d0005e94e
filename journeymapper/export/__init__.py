"""Exports that read the model: PDF now (reportlab), more formats later. No Qt here.

Importing this package is cheap: reportlab is imported only when a PDF is rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from journeymapper.export.options import (
    PAGE_SIZES,
    SECTIONS,
    ExportOptionError,
    ExportOptions,
    Progress,
    resolve_options,
)
from journeymapper.model import Project

__all__ = ["PAGE_SIZES", "SECTIONS", "ExportOptionError", "ExportOptions", "Progress",
           "export_pdf", "resolve_options"]


def export_pdf(project: Project, path: Path | str, *, page: str = "A4",
               persona: str | None = None, sections: str | Iterable[str] = SECTIONS,
               today: dt.date | None = None, progress: Progress | None = None) -> None:
    """Write the project as a PDF to ``path`` atomically.

    ``page`` is A4, A3, Letter or Tabloid (printed landscape); ``persona`` (id or name)
    highlights that persona's touchpoints on the map and dims the rest; ``sections`` chooses
    among map, personas, register, budget, matrix and timeline (printed in that order);
    ``today`` is the date deadlines are judged against (default: today); ``progress(done,
    total)`` is called as sections are drawn. Raises ExportOptionError for an unknown page
    size, section or persona and OSError when the file cannot be written.
    """
    from journeymapper.export.pdf.document import export_pdf as render

    render(project, path, page=page, persona=persona, sections=sections, today=today,
           progress=progress)
