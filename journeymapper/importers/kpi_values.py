"""Import measured KPI values from a CSV or XLSX table (no Qt).

The table has four columns, matched by header case-insensitively (a few aliases in
``HEADERS``): the **touchpoint** (its id or its name), the **KPI** (a KPI the touchpoint
has, by name, ignoring case), the **value** (a number; ``12,5`` is read as 12.5) and the
**date** it was measured (``YYYY-MM-DD`` or a date cell). Other columns are ignored.

Like the touchpoint import, it is two pure steps so the app can preview before applying::

    plan = plan_kpi_import(project, read_table(path))  # KpiTableError: columns missing
    for error in plan.errors: print(error)              # "row 4: no touchpoint named 'Chekout'"
    plan.measurements()                                 # {tp id: {date: {KPI: value}}}

Row numbers are those a spreadsheet shows (the header is row 1). Good rows are applied even
when others fail; ``journeymapper.document.reviews.merge_measurements`` applies them as one
undo step: actuals take the latest date, and each value joins the touchpoint's review history.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from journeymapper.importers.tabular import (
    Cell,
    CellError,
    Table,
    as_text,
    is_empty,
    parse_date,
    parse_float,
    shown,
)
from journeymapper.importers.touchpoints import header_key, name_key
from journeymapper.model import Project, Touchpoint

COLUMNS = ("touchpoint", "kpi", "value", "date")
HEADERS: dict[str, str] = {
    "touchpoint": "touchpoint", "touchpoint name": "touchpoint", "touchpoint id": "touchpoint",
    "name": "touchpoint", "id": "touchpoint",
    "kpi": "kpi", "kpi name": "kpi", "indicator": "kpi", "metric": "kpi",
    "value": "value", "actual": "value", "measured value": "value",
    "date": "date", "measured on": "date", "day": "date",
}
_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d+\s*")


class KpiTableError(ValueError):
    """The table lacks a column the import needs (the message names what is missing)."""


@dataclass(frozen=True, slots=True)
class KpiRow:
    """One good row: the value of a touchpoint's KPI measured on a date."""

    row: int
    touchpoint_id: str
    touchpoint_name: str
    kpi: str
    value: float
    date: dt.date


@dataclass(frozen=True)
class KpiImportPlan:
    """The good rows and one message per bad row, in table order."""

    rows: list[KpiRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    source: str = ""

    def measurements(self) -> dict[str, dict[dt.date, dict[str, float]]]:
        """{touchpoint id: {date: {KPI name: value}}}; of two rows for the same touchpoint,
        KPI and date, the lower one in the table wins."""
        out: dict[str, dict[dt.date, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
        for r in self.rows:
            out[r.touchpoint_id][r.date][r.kpi] = r.value
        return {tp: dict(days) for tp, days in out.items()}

    def summary(self) -> str:
        """"12 values for 4 touchpoints; 2 rows with errors"."""
        touchpoints = len({r.touchpoint_id for r in self.rows})
        text = (f"{len(self.rows)} value{'s' if len(self.rows) != 1 else ''} for {touchpoints} "
                f"touchpoint{'s' if touchpoints != 1 else ''}")
        if self.errors:
            text += f"; {len(self.errors)} row{'s' if len(self.errors) != 1 else ''} with errors"
        return text


def column_mapping(headers: list[str]) -> dict[str, int]:
    """{column role: index} of the headers; KpiTableError naming the roles that are missing."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        role = HEADERS.get(header_key(header))
        if role is not None and role not in found:
            found[role] = index
    missing = [role for role in COLUMNS if role not in found]
    if missing:
        raise KpiTableError(
            f"the table needs the columns touchpoint (name or id), KPI, value and date; "
            f"missing: {', '.join('KPI' if m == 'kpi' else m for m in missing)} "
            f"(headers found: {', '.join(headers) or 'none'})")
    return found


def _value(cell: Cell) -> float:
    if isinstance(cell, str) and _DECIMAL_COMMA.fullmatch(cell):
        cell = cell.replace(",", ".")
    try:
        return parse_float(cell)
    except CellError:
        raise CellError(f"the value must be a number, got {shown(cell)}") from None


class _Touchpoints:
    """Finds a touchpoint by id, else by name (ignoring case and extra spaces)."""

    def __init__(self, project: Project) -> None:
        self.by_id = {tp.id: tp for tp in project.touchpoints}
        self.by_name: dict[str, list[Touchpoint]] = defaultdict(list)
        for tp in project.touchpoints:
            self.by_name[name_key(tp.name)].append(tp)
        self.names = [tp.name for tp in project.touchpoints]

    def find(self, text: str) -> Touchpoint:
        if text in self.by_id:
            return self.by_id[text]
        matches = self.by_name.get(name_key(text), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(f"{len(matches)} touchpoints are named {text!r}; use the id")
        hint = difflib.get_close_matches(text, self.names, n=1)
        raise CellError(f"no touchpoint named {text!r}"
                        + (f" (did you mean {hint[0]!r}?)" if hint else ""))


def _row(lookup: _Touchpoints, cells: list[Cell], columns: dict[str, int],
         number: int) -> KpiRow:
    texts = {role: cells[i] for role, i in columns.items()}
    for role in COLUMNS:
        if is_empty(texts[role]):
            raise CellError(f"the {'KPI' if role == 'kpi' else role} is empty")
    tp = lookup.find(as_text(texts["touchpoint"]).strip())
    wanted = name_key(as_text(texts["kpi"]))
    kpi = next((k for k in tp.kpis if name_key(k.name) == wanted), None)
    if kpi is None:
        raise CellError(f"KPI {as_text(texts['kpi']).strip()!r} not on {tp.name!r}")
    value = _value(texts["value"])
    try:
        date = parse_date(texts["date"])
    except CellError as exc:
        raise CellError(f"the date {exc}") from None
    return KpiRow(number, tp.id, tp.name, kpi.name, value, date)


def plan_kpi_import(project: Project, table: Table) -> KpiImportPlan:
    """Check every row of the table against the project; nothing is changed."""
    columns = column_mapping(table.headers)
    lookup = _Touchpoints(project)
    rows: list[KpiRow] = []
    errors: list[str] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        try:
            rows.append(_row(lookup, cells, columns, number))
        except CellError as exc:
            errors.append(f"row {number}: {exc}")
    return KpiImportPlan(rows, errors, table.source)
