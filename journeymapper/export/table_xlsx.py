"""Touchpoints as an Excel workbook (openpyxl, imported only when a workbook is written).

One sheet, "Touchpoints", with the columns of :mod:`journeymapper.export.columns`: text cells
are always text (never formulas) and neutralised like in the CSV; scores, performance, emotion,
budget, spent, x and y are number cells (so ``-2`` is the number -2, not text); the deadline
is a date cell shown as ``YYYY-MM-DD``.

Characters XML cannot hold (control characters other than tab, line feed and carriage return)
are written with the OOXML escape ``_xHHHH_`` that Excel decodes; a literal ``_xHHHH_`` in the
text gets its underscore escaped (``_x005F_``), so the importer reads back the exact text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from journeymapper.export.columns import CellValue, Column, columns, neutralise, rows
from journeymapper.io import atomic_write
from journeymapper.model import Project

SHEET_TITLE = "Touchpoints"
NUMBER_FORMATS = {"money": "#,##0.00", "date": "yyyy-mm-dd", "float": "General"}
# Characters XML 1.0 cannot hold, and literal escapes that would otherwise be decoded.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LITERAL_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
WIDTHS = {"id": 22, "name": 32, "description": 40, "notes": 40, "kpis": 40, "personas": 24,
          "tags": 20, "stage": 16, "lane": 16, "owner": 18, "deadline": 12}


def ooxml_escape(text: str) -> str:
    """Text a worksheet can hold: ``"a\\x01"`` -> ``"a_x0001_"``, and a literal
    ``"_x0041_"`` -> ``"_x005F_x0041_"``."""
    text = _LITERAL_ESCAPE.sub("_x005F_", text)
    return _UNWRITABLE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def _header_cell(sheet: Any, text: str, font: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=ooxml_escape(neutralise(text)))
    cell.data_type = "s"
    cell.font = font
    return cell


class _Cells:
    """Worksheet cells of each kind (most cells are plain values: openpyxl is slow with
    cell objects)."""

    def __init__(self, sheet: Any) -> None:
        from openpyxl.cell import WriteOnlyCell

        self.sheet = sheet
        self.make = WriteOnlyCell

    def cell(self, value: CellValue, column: Column) -> Any:
        if value is None or value == "":
            return None
        if column.kind == "text":
            # Neutralised text never starts with "=", so openpyxl keeps it as text.
            return ooxml_escape(neutralise(str(value)))
        if column.kind == "int":
            return value
        if column.kind == "float":
            # openpyxl writes floats with 16 digits ("%.16g"), which does not always give the
            # same float back; repr does (and keeps the "." that makes readers return a float).
            assert isinstance(value, int | float)
            cell = self.make(self.sheet, value=repr(float(value)))
            cell.data_type = "n"
        else:
            cell = self.make(self.sheet, value=value)
        cell.number_format = NUMBER_FORMATS[column.kind]
        return cell


def xlsx_bytes(project: Project) -> bytes:
    """The project's touchpoint table as the bytes of an .xlsx workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cols = columns(project)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    for i, column in enumerate(cols, start=1):
        width = WIDTHS.get(column.field, 12 if column.field.startswith("score:") else 11)
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(project.touchpoints) + 1}"
    bold = Font(bold=True)
    sheet.append([_header_cell(sheet, c.header, bold) for c in cols])
    cells = _Cells(sheet)
    for row in rows(project):
        sheet.append([cells.cell(value, c) for value, c in zip(row, cols, strict=True)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_xlsx(project: Project, path: Path | str) -> None:
    """Write the touchpoint table to ``path`` atomically (``SaveError`` when it cannot)."""
    atomic_write(path, xlsx_bytes(project), backup=False)
