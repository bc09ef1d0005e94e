"""The file formats File > Export writes on a worker thread (PDF has its own dialog, PNG and
SVG are drawn on the GUI thread): menu text, file type, and the Qt-free writer of each.

Each writer imports its back end when called, so openpyxl and python-pptx load only when a
workbook or a deck is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeymapper.model import Project

Writer = Callable[[Project, str, "str | None"], object]


def _write_csv(project: Project, path: str, _persona: str | None) -> None:
    from journeymapper.export.table_csv import export_csv
    export_csv(project, path)


def _write_xlsx(project: Project, path: str, _persona: str | None) -> None:
    from journeymapper.export.table_xlsx import export_xlsx
    export_xlsx(project, path)


def _write_ics(project: Project, path: str, _persona: str | None) -> None:
    from journeymapper.export.ics import export_ics
    export_ics(project, path)


def _write_mermaid(project: Project, path: str, _persona: str | None) -> None:
    from journeymapper.export.mermaid import to_mermaid
    from journeymapper.io import atomic_write
    atomic_write(path, to_mermaid(project).encode("utf-8"), backup=False)


def _write_pptx(project: Project, path: str, persona: str | None) -> None:
    from journeymapper.export.pptx import export_pptx
    export_pptx(project, path, persona=persona)


@dataclass(frozen=True)
class FileFormat:
    """An export written on a worker thread: menu text, what the notice calls it, file type."""

    name: str
    menu: str
    label: str
    extension: str
    file_filter: str
    write: Writer


FORMATS = (
    FileFormat("csv", "&CSV\u2026", "CSV", "csv", "CSV files (*.csv)", _write_csv),
    FileFormat("xlsx", "&Excel\u2026", "workbook", "xlsx", "Excel workbooks (*.xlsx)",
               _write_xlsx),
    FileFormat("ics", "Calendar (.&ics)\u2026", "calendar", "ics", "iCalendar files (*.ics)",
               _write_ics),
    FileFormat("mermaid", "&Mermaid\u2026", "diagram", "mmd",
               "Mermaid diagrams (*.mmd *.md)", _write_mermaid),
    FileFormat("pptx", "Power&Point\u2026", "deck", "pptx", "PowerPoint decks (*.pptx)",
               _write_pptx),
)
