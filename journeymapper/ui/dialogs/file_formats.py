"""The file formats File > Export writes with a ``journeymapper`` command in a child process
(PDF has its own dialog, PNG and SVG are drawn on the GUI thread): menu text, file type, and
the command that writes each."""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.ui.dialogs.process_job import export_command


@dataclass(frozen=True)
class FileFormat:
    """An export File > Export runs as a command: menu text, what the notice calls it, file
    type; ``highlights`` when the deck shows the persona the map highlights."""

    name: str
    menu: str
    label: str
    extension: str
    file_filter: str
    highlights: bool = False

    def arguments(self, output: str, persona: str | None) -> list[str]:
        """The child's arguments: ``journeymapper export-NAME - --output=OUTPUT ...``."""
        return export_command(f"export-{self.name}", output,
                              persona if self.highlights else None)


FORMATS = (
    FileFormat("csv", "&CSV\u2026", "CSV", "csv", "CSV files (*.csv)"),
    FileFormat("xlsx", "&Excel\u2026", "workbook", "xlsx", "Excel workbooks (*.xlsx)"),
    FileFormat("ics", "Calendar (.&ics)\u2026", "calendar", "ics", "iCalendar files (*.ics)"),
    FileFormat("mermaid", "&Mermaid\u2026", "diagram", "mmd", "Mermaid diagrams (*.mmd *.md)"),
    FileFormat("pptx", "Power&Point\u2026", "deck", "pptx", "PowerPoint decks (*.pptx)",
               highlights=True),
)
