"""Read a CSV or XLSX table into rows of cell values, and read the cells of the touchpoint
table format (no Qt; openpyxl is imported only when a workbook is read).

The format is the one :mod:`journeymapper.export.columns` writes; this module reads it back:

- a text cell that starts with ``'`` followed by what a spreadsheet would run as a formula
  (``=``, ``+``, ``-``, ``@``, tab or carriage return, possibly after more apostrophes) loses
  that one ``'``, which the export added;
- in workbooks, the OOXML escapes ``_xHHHH_`` are decoded;
- list cells are split on ``;`` (``\\;`` is a literal semicolon, ``\\\\`` a backslash).

Limits, so a hostile or mistaken file cannot eat the memory or time of the app: files of more
than ``MAX_TABLE_BYTES`` (20 MB) or with more than ``MAX_ROWS`` (50,000) rows or
``MAX_COLUMNS`` columns are refused, and so are workbooks that unpack to more than
``MAX_UNPACKED_BYTES``. Anything that is not a readable table raises ``TableError``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

MAX_TABLE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 256
MAX_UNPACKED_BYTES = 400 * 1024 * 1024

Cell = str | int | float | Decimal | bool | dt.date | dt.datetime | dt.time | None

_NEUTRALISED = re.compile(r"^''*[=+\-@\t\r]")
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class TableError(Exception):
    """A file that cannot be read as a table: names the file and the reason."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


class CellError(ValueError):
    """A cell value that does not fit its field; the message says what was expected."""


@dataclass(frozen=True)
class Table:
    """Headers and rows of a table; ``row_numbers[i]`` is the row of ``rows[i]`` as a
    spreadsheet numbers it (the header is row 1). Fully empty rows are left out."""

    headers: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        if not self.row_numbers:
            self.row_numbers.extend(range(2, len(self.rows) + 2))


# -- reading files -------------------------------------------------------------------------


def restore(text: str) -> str:
    """Undo the export's formula neutralisation: ``'=1+2`` -> ``=1+2``; ``'hi`` stays."""
    return text[1:] if _NEUTRALISED.match(text) else text


def ooxml_unescape(text: str) -> str:
    """Decode ``_xHHHH_`` escapes of a worksheet string."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _read_limited(path: Path) -> bytes:
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise TableError(path, "is a folder, not a table")
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would block or never end
            raise TableError(path, "is not a regular file (a pipe or a device?)")
        if st.st_size > MAX_TABLE_BYTES:
            raise TableError(path, _too_big(st.st_size))
        with path.open("rb") as handle:
            raw = handle.read(MAX_TABLE_BYTES + 1)
    except FileNotFoundError:
        raise TableError(path, "does not exist") from None
    except IsADirectoryError:
        raise TableError(path, "is a folder, not a table") from None
    except PermissionError:
        raise TableError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise TableError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_TABLE_BYTES:
        raise TableError(path, _too_big(len(raw)))
    return raw


def _too_big(size: int) -> str:
    return (f"the file is {size / 2**20:,.1f} MB; tables of at most "
            f"{MAX_TABLE_BYTES // 2**20} MB can be imported (split it into smaller files)")


def read_table(path: Path | str) -> Table:
    """Read a CSV (UTF-8, UTF-16 or UTF-8 with BOM; comma, semicolon or tab separated) or an
    Excel workbook (.xlsx: the sheet named "Touchpoints", else the first sheet)."""
    path = Path(path)
    raw = _read_limited(path)
    if raw.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(raw, path)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(path, "is an old Excel (.xls) or a password-protected workbook; save "
                               "it as .xlsx (without a password) or as CSV")
    else:
        rows = _csv_rows(raw, path)
    return _table(rows, path)


def _table(rows: Iterable[tuple[int, list[Cell]]], path: Path) -> Table:
    headers: list[str] | None = None
    body: list[list[Cell]] = []
    numbers: list[int] = []
    for number, cells in rows:
        if len(cells) > MAX_COLUMNS and any(not _empty(c) for c in cells[MAX_COLUMNS:]):
            raise TableError(path, f"row {number} has more than {MAX_COLUMNS} columns")
        cells = cells[:MAX_COLUMNS]
        if all(_empty(c) for c in cells):
            continue
        if headers is None:
            while _empty(cells[-1]):
                cells = cells[:-1]
            headers = _headers(cells)
            continue
        if len(body) >= MAX_ROWS:
            raise TableError(path, f"has more than {MAX_ROWS:,} rows; split it into smaller "
                                   f"files")
        # Cells right of the last header cannot be mapped to anything.
        cells = cells[:len(headers)]
        body.append(cells + [None] * (len(headers) - len(cells)))
        numbers.append(number)
    if headers is None:
        raise TableError(path, "is empty: no header row")
    return Table(headers, body, numbers, path.name)


def _empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _headers(cells: list[Cell]) -> list[str]:
    """Header texts; blank ones become ``(column C)``, repeated ones get `` (2)``."""
    out: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells):
        text = "" if cell is None else as_text(cell).strip()
        text = text or f"(column {_letter(i)})"
        base, n = text, 2
        while text.casefold() in seen:
            text, n = f"{base} ({n})", n + 1
        seen.add(text.casefold())
        out.append(text)
    return out


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _decode(raw: bytes, path: Path) -> str:
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TableError(path, f"is not UTF-8 text (byte {exc.start}); in Excel choose "
                               f"'CSV UTF-8' when saving") from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _csv_rows(raw: bytes, path: Path) -> Iterator[tuple[int, list[Cell]]]:
    text = _decode(raw, path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [restore(value) for value in record]
    except csv.Error as exc:
        raise TableError(path, f"row {number + 1}: not valid CSV ({exc})") from None


def _xlsx_rows(raw: bytes, path: Path) -> Iterator[tuple[int, list[Cell]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError(path, "is not a valid .xlsx workbook (a broken zip file)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise TableError(path, f"unpacks to {unpacked / 2**20:,.0f} MB; workbooks of at most "
                               f"{MAX_UNPACKED_BYTES // 2**20} MB unpacked can be imported")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for broken or hostile workbooks
        raise TableError(path, f"is not a readable .xlsx workbook ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from None
    try:
        sheet = book["Touchpoints"] if "Touchpoints" in book.sheetnames else book.worksheets[0]
        width = _header_width(sheet)
        if width > MAX_COLUMNS:
            raise TableError(path, f"the header row has more than {MAX_COLUMNS} columns")
        if width == 0:
            return
        # Cells right of the header cannot be mapped: they are not even read.
        for number, values in enumerate(sheet.iter_rows(max_col=width, values_only=True),
                                        start=1):
            yield number, [_xlsx_cell(v) for v in values]
    except TableError:
        raise
    except Exception as exc:  # a sheet that breaks while streaming
        raise TableError(path, f"is not a readable .xlsx workbook ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from None
    finally:
        book.close()


def _header_width(sheet: Any) -> int:
    """Columns up to the last filled cell of the first non-empty row (a first, short pass:
    the sheet's own dimension is often missing, and can be wrong or hostile)."""
    for values in sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True):
        filled = [i for i, value in enumerate(values) if not _empty(value)]
        if filled:
            return filled[-1] + 1
    return 0


def _xlsx_cell(value: Any) -> Cell:
    if isinstance(value, str):
        return restore(ooxml_unescape(value))
    if isinstance(value, int | float | Decimal | dt.date | dt.time) or value is None:
        return value  # bool is an int; datetime is a date
    return str(value)


# -- reading cells -------------------------------------------------------------------------


def shown(value: Cell) -> str:
    """A short picture of a cell value for messages."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return repr(text)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def as_text(value: Cell) -> str:
    """Any cell as text (numbers in their shortest form, dates ISO)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def is_empty(value: Cell) -> bool:
    """An empty cell (nothing, or only spaces)."""
    return _empty(value)


def parse_int(value: Cell) -> int:
    """A whole number: ``4``, ``4.0``, ``" -2 "``."""
    if isinstance(value, bool):
        raise CellError(f"must be a whole number, got {shown(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[+-]?\d{1,18}(\.0*)?", text):
            return int(text.split(".")[0])
    raise CellError(f"must be a whole number, got {shown(value)}")


def parse_float(value: Cell) -> float:
    """A finite number."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?[\d.]+([eE][+-]?\d+)?\s*", value):
        try:
            number = float(value)
        except ValueError:
            number = math.nan
    else:
        raise CellError(f"must be a number, got {shown(value)}")
    if not math.isfinite(number):
        raise CellError(f"must be a number, got {shown(value)}")
    return number


def parse_money(value: Cell) -> Decimal:
    """An amount as a Decimal: ``1200``, ``1200.5``, ``"1200.50"`` (no thousands separators)."""
    if isinstance(value, bool):
        raise CellError(f"must be an amount like 1200.50, got {shown(value)}")
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value)) if math.isfinite(value) else Decimal("NaN")
    elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)\s*", value):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = Decimal("NaN")
    else:
        raise CellError(f"must be an amount like 1200.50, got {shown(value)}")
    if not amount.is_finite():
        raise CellError(f"must be an amount like 1200.50, got {shown(value)}")
    return amount


def parse_date(value: Cell) -> dt.date:
    """A date: a date cell or ISO text ``YYYY-MM-DD`` (a time of day is ignored)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+", text):
                return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise CellError(f"is not a real date, got {shown(value)}") from None
    raise CellError(f"must be a date as YYYY-MM-DD, got {shown(value)}")


def split_escaped(text: str, separator: str) -> list[str]:
    """Split on ``separator`` where it is not escaped by a backslash; escapes are kept."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(char)
            current.append(next(chars, ""))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    """Remove escaping backslashes: ``a\\;b`` -> ``a;b``, ``a\\\\b`` -> ``a\\b``."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


def split_list(value: Cell) -> list[str]:
    """The items of a list cell (``a; b\\; c`` -> ``["a", "b; c"]``); empty items dropped."""
    items = (unescape(part.strip(" ")) for part in split_escaped(as_text(value), ";"))
    return [item for item in items if item]


def parse_kpis(value: Cell) -> list[dict[str, Any]]:
    """KPIs from ``name|unit|target|actual|higher; ...`` (unit, numbers, direction optional)."""
    kpis: list[dict[str, Any]] = []
    for n, part in enumerate(split_escaped(as_text(value), ";"), start=1):
        if not part.strip(" "):
            continue
        fields = [unescape(f.strip(" ")) for f in split_escaped(part, "|")]
        if len(fields) > 5:
            raise CellError(f"KPI {n} has {len(fields)} parts; write name|unit|target|actual|"
                            f"higher or lower")
        fields += [""] * (5 - len(fields))
        name, unit, target, actual, direction = fields
        numbers: list[float | None] = []
        for label, text in (("target", target), ("actual", actual)):
            try:
                numbers.append(parse_float(text) if text else None)
            except CellError:
                raise CellError(f"KPI {n} ({name!r}): the {label} must be a number, got "
                                f"{text!r}") from None
        if direction.casefold() not in ("", "higher", "lower"):
            raise CellError(f"KPI {n} ({name!r}): the last part must be 'higher' or 'lower' "
                            f"(which is better), got {direction!r}")
        kpis.append({"name": name, "unit": unit, "target": numbers[0], "actual": numbers[1],
                     "higher_is_better": direction.casefold() != "lower"})
    return kpis
