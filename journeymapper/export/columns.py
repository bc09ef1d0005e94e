"""The touchpoint table shared by the CSV and XLSX exports: columns and cell text (no Qt).

One row per touchpoint, in project order, with these columns::

    id, name, description, stage, lane, channel, personas, <one per scoring criterion>,
    performance, emotion, owner, budget, spent, currency, deadline, status, tags, notes,
    kpis, x, y

Cells, written so that importing the table back into the same project changes nothing
(``journeymapper.importers.touchpoints`` reads exactly this format):

- **stage, lane**: the name; the id instead when the name would not find that item again
  (two stages with one name, or a name equal to another stage's id).
- **personas, tags**: items joined by ``"; "``. Inside an item ``\\`` is written ``\\\\`` and
  ``;`` is written ``\\;`` (names of personas follow the same rule as stages).
- **kpis**: one ``name|unit|target|actual|higher`` item per KPI, joined by ``"; "``, e.g.
  ``Conversion|%|5|4.2|higher; Churn|%|2||lower``. Target and actual are plain numbers
  (Python's shortest exact form, ``5`` for ``5.0``) or empty when unknown; the last part is
  ``higher`` or ``lower`` (which direction is better). ``\\``, ``;`` and ``|`` inside a name or
  unit are escaped with a backslash as above.
- **scores**: one column per criterion, headed by the criterion's name (``score: <id>`` when
  the name would clash with a fixed column or another criterion), 0..5, empty when not scored.
- **numbers** (scores, performance, emotion, budget, spent, x, y) are numbers, never text:
  money with two places (``1200.00``), coordinates in their shortest exact form.
- **channel, status**: the stored value (``in_progress``); **deadline**: ISO ``YYYY-MM-DD``;
  **currency**: the project currency on every row.

**Formula injection.** Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some also with a tab or a carriage return) as a formula, so a touchpoint named
``=HYPERLINK(...)`` could act when the table is opened. Every *text* cell (headers included)
that starts with one of those characters, possibly after apostrophes, gets one more ``'`` in
front; the importer removes exactly that one. Numeric columns are written as numbers and are
never prefixed: an emotion of ``-2`` stays ``-2`` (a number cell in XLSX, the text ``-2`` in
CSV) and the importer reads numeric columns as numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Literal

from journeymapper.model import KPI, Project, Touchpoint

Kind = Literal["text", "int", "money", "float", "date"]
CellValue = str | int | float | Decimal | dt.date | None

LIST_SEPARATOR = "; "
KPI_SEPARATOR = "|"
SCORE_PREFIX = "score: "

# Column headers in order; scores are inserted after "personas".
FIELDS_BEFORE_SCORES: tuple[tuple[str, Kind], ...] = (
    ("id", "text"), ("name", "text"), ("description", "text"), ("stage", "text"),
    ("lane", "text"), ("channel", "text"), ("personas", "text"),
)
FIELDS_AFTER_SCORES: tuple[tuple[str, Kind], ...] = (
    ("performance", "int"), ("emotion", "int"), ("owner", "text"), ("budget", "money"),
    ("spent", "money"), ("currency", "text"), ("deadline", "date"), ("status", "text"),
    ("tags", "text"), ("notes", "text"), ("kpis", "text"), ("x", "float"), ("y", "float"),
)

# Headers the importer maps to a fixed field (normalised by ``header_key``). A criterion
# named like one of them is headed ``score: <id>``. Kept equal to the importer's aliases
# (the import package may not import this one); a test checks that they agree.
RESERVED_HEADERS = frozenset({
    "id", "touchpoint id", "name", "touchpoint", "title", "description", "stage", "stage id",
    "lane", "lane id", "channel", "personas", "persona", "persona ids", "performance",
    "emotion", "owner", "budget", "spent", "currency", "deadline", "due", "due date",
    "status", "tags", "tag", "notes", "kpis", "kpi", "x", "y",
})

_DANGEROUS = re.compile(r"^'*[=+\-@\t\r]")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table: its header, what kind of value it holds, and its field.

    ``field`` is the importer's field key: a fixed name (``budget``) or ``score:<criterion
    id>``.
    """

    header: str
    kind: Kind
    field: str


def header_key(header: str) -> str:
    """How headers are compared: NFC, case-folded, ``_``/``-`` as spaces, spaces collapsed."""
    text = unicodedata.normalize("NFC", header).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def name_key(name: str) -> str:
    """How names of stages, lanes and personas are compared: NFC, case-folded, spaces
    collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def neutralise(text: str) -> str:
    """Text a spreadsheet will not run as a formula: ``=1+2`` -> ``'=1+2``."""
    return "'" + text if _DANGEROUS.match(text) else text


def escape_item(text: str, specials: str = ";") -> str:
    """An item of a list cell with ``\\`` and the separators escaped by a backslash."""
    out = text.replace("\\", "\\\\")
    for char in specials:
        out = out.replace(char, "\\" + char)
    return out


def format_float(value: float) -> str:
    """The shortest text that reads back as exactly this float: ``5.0`` -> ``5``."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def format_kpi(kpi: KPI) -> str:
    """``Conversion|%|5|4.2|higher``."""
    def number(value: float | None) -> str:
        return "" if value is None else format_float(value)

    return KPI_SEPARATOR.join((
        escape_item(kpi.name, ";|"), escape_item(kpi.unit, ";|"), number(kpi.target),
        number(kpi.actual), "higher" if kpi.higher_is_better else "lower"))


def _resolves_to(text: str, item_id: str, items: Sequence[tuple[str, str]]) -> bool:
    """True when the importer finds ``item_id`` from ``text``: exact id, then unique name."""
    if any(i == text for i, _ in items):
        return text == item_id
    key = name_key(text)
    named = [i for i, name in items if name_key(name) == key]
    return named == [item_id]


def reference(item_id: str, items: Sequence[tuple[str, str]]) -> str:
    """The name of the item with ``item_id`` among ``(id, name)`` pairs, or its id when the
    name would be ambiguous on import."""
    name = next((n for i, n in items if i == item_id), item_id)
    return name if _resolves_to(name, item_id, items) else item_id


def score_headers(project: Project) -> dict[str, str]:
    """Criterion id -> header: the name, or ``score: <id>`` when the name is not unique."""
    keys = [header_key(c.name) for c in project.scoring.criteria]
    out: dict[str, str] = {}
    for criterion, key in zip(project.scoring.criteria, keys, strict=True):
        clash = key in RESERVED_HEADERS or key.startswith("score") or keys.count(key) > 1
        out[criterion.id] = SCORE_PREFIX + criterion.id if clash else criterion.name
    return out


def columns(project: Project) -> list[Column]:
    """The columns of the project's touchpoint table, in order."""
    out = [Column(name, kind, name) for name, kind in FIELDS_BEFORE_SCORES]
    out += [Column(header, "int", f"score:{cid}")
            for cid, header in score_headers(project).items()]
    out += [Column(name, kind, name) for name, kind in FIELDS_AFTER_SCORES]
    return out


class _Context:
    """Lookups shared by every row of one project."""

    def __init__(self, project: Project) -> None:
        self.currency = project.business.currency
        self.criteria = [c.id for c in project.scoring.criteria]
        stages = [(s.id, s.name) for s in project.stages]
        lanes = [(lane.id, lane.name) for lane in project.lanes]
        personas = [(p.id, p.name) for p in project.personas]
        self.stage = {i: reference(i, stages) for i, _ in stages}
        self.lane = {i: reference(i, lanes) for i, _ in lanes}
        self.persona = {i: reference(i, personas) for i, _ in personas}


def _enum_value(value: Enum) -> str:
    return str(value.value)


def _row(tp: Touchpoint, ctx: _Context) -> list[CellValue]:
    personas = LIST_SEPARATOR.join(escape_item(ctx.persona.get(p, p)) for p in tp.persona_ids)
    scores: list[CellValue] = [tp.scores.get(cid) for cid in ctx.criteria]
    return [
        tp.id, tp.name, tp.description, ctx.stage.get(tp.stage_id, tp.stage_id),
        ctx.lane.get(tp.lane_id, tp.lane_id), _enum_value(tp.channel), personas,
        *scores,
        tp.performance, tp.emotion, tp.owner, tp.budget, tp.spent, ctx.currency, tp.deadline,
        _enum_value(tp.status), LIST_SEPARATOR.join(escape_item(t) for t in tp.tags), tp.notes,
        LIST_SEPARATOR.join(format_kpi(k) for k in tp.kpis), tp.x, tp.y,
    ]


def rows(project: Project) -> Iterator[list[CellValue]]:
    """One list of cell values per touchpoint, matching ``columns(project)``.

    Text cells are returned as they are (not yet neutralised); numbers as int, float or
    Decimal; the deadline as a date; empty cells as ``None`` or ``""``.
    """
    ctx = _Context(project)
    for tp in project.touchpoints:
        yield _row(tp, ctx)


def csv_text(value: CellValue, kind: Kind) -> str:
    """A cell as CSV text: numbers plain, dates ISO, text neutralised, nothing as ``""``."""
    if value is None:
        return ""
    if kind == "text":
        return neutralise(str(value))
    if kind == "date":
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind == "float":
        assert isinstance(value, int | float)
        return format_float(value)
    return str(value)
