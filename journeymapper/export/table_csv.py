"""Touchpoints as CSV: UTF-8 with a BOM (so Excel reads the accents), RFC 4180 quoting.

The columns and cell formats are described in :mod:`journeymapper.export.columns`; text cells
that a spreadsheet would run as a formula get a leading ``'``, numeric columns never do.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from journeymapper.export.columns import columns, csv_text, neutralise, rows
from journeymapper.io import atomic_write
from journeymapper.model import Project


def csv_bytes(project: Project) -> bytes:
    """The project's touchpoint table as the bytes of a CSV file."""
    cols = columns(project)
    buffer = io.StringIO(newline="")
    # RFC 4180: comma separated, CRLF line ends, fields with a quote, comma or line break
    # quoted, quotes doubled.
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in cols])
    for row in rows(project):
        writer.writerow([csv_text(value, c.kind) for value, c in zip(row, cols, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(project: Project, path: Path | str) -> None:
    """Write the touchpoint table to ``path`` atomically (``SaveError`` when it cannot)."""
    atomic_write(path, csv_bytes(project), backup=False)
