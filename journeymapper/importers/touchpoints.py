"""Import touchpoints from a CSV or XLSX table: map columns, preview every row, apply (no Qt).

Three pure steps, so the app can show a preview and then apply it as one undo step::

    table = read_table(path)                    # TableError when the file is not a table
    plan = plan_import(project, table)          # MappingError when the columns do not fit
    for error in plan.errors: print(error)      # "row 7, budget: must be >= 0, got -5"
    project = apply_plan(project, plan)         # a new, validated Project

**Columns.** ``auto_mapping`` maps headers to fields case-insensitively by name: the headers
the CSV/XLSX export writes, a few common aliases ("title", "due date"...), and criterion
names or ``score: <criterion id or name>`` for scores. The caller may pass a complete mapping
``{header: field or None}`` instead; fields are the keys of ``field_choices(project)``.

**Rows.** A row whose ``id`` is a touchpoint of the project updates it; other rows add a
touchpoint (with that id, or a fresh one). Stages, lanes and personas are found by id or by
name, ignoring case. Only mapped columns change anything. An empty cell clears what can be
empty (description, personas, a score, owner, deadline, tags, notes, KPIs) and leaves the
rest unchanged (for a new touchpoint: at its default; the lane defaults to the first
touchpoints lane; with x and y both empty the card goes to the first free slot of its cell,
in table order, around the cards already there). ``currency`` is only checked against the
project currency: amounts are never converted. A value that equals the current one keeps the
current one exactly, so importing the project's own export changes nothing at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import ValidationError

from journeymapper.importers.tabular import (
    Cell,
    CellError,
    Table,
    TableError,
    as_text,
    is_empty,
    parse_date,
    parse_float,
    parse_int,
    parse_kpis,
    parse_money,
    read_table,
    shown,
    split_list,
)
from journeymapper.io.errors import describe_validation_error
from journeymapper.model import Channel, LaneKind, Project, Status, Touchpoint, new_id
from journeymapper.model.ids import ID_PATTERN
from journeymapper.model.touchpoint import SCORE_MAX, SCORE_MIN
from journeymapper.slots import FreeSlots

SCORE = "score:"
FIELD_LABELS: dict[str, str] = {
    "id": "Id (update the touchpoint with this id)", "name": "Name",
    "description": "Description", "stage": "Stage (name or id)", "lane": "Lane (name or id)",
    "channel": "Channel", "personas": "Personas (names separated by ;)",
    "performance": "Performance (1..5)", "emotion": "Emotion (-2..2)", "owner": "Owner",
    "budget": "Budget", "spent": "Spent", "currency": "Currency (checked, not converted)",
    "deadline": "Deadline (YYYY-MM-DD)", "status": "Status", "tags": "Tags (separated by ;)",
    "notes": "Notes", "kpis": "KPIs (name|unit|target|actual|higher; ...)",
    "x": "x in the cell", "y": "y in the cell",
}
# Normalised header -> field. Equal to journeymapper.export.columns.RESERVED_HEADERS (a test
# checks it: the export package may not be imported from here).
ALIASES: dict[str, str] = {
    **{name: name for name in FIELD_LABELS},
    "touchpoint id": "id", "touchpoint": "name", "title": "name", "stage id": "stage",
    "lane id": "lane", "persona": "personas", "persona ids": "personas", "due": "deadline",
    "due date": "deadline", "tag": "tags", "kpi": "kpis",
}
_CLEARED: dict[str, Any] = {"description": "", "owner": "", "notes": "", "deadline": None,
                           "persona_ids": [], "tags": [], "kpis": []}
_SCORE_HEADER = re.compile(r"\s*score\s*:\s*(.*?)\s*", re.IGNORECASE)
_ID = re.compile(ID_PATTERN)
_MODEL_FIELD = {"stage": "stage_id", "lane": "lane_id", "personas": "persona_ids"}
_FIELD_OF_MODEL = {v: k for k, v in _MODEL_FIELD.items()}
# Stand-ins for what a row with errors lacks, so the rest of it can still be checked.
_PLACEHOLDERS = {"id": "row", "name": "row", "stage_id": "row", "lane_id": "row"}
_CHANNEL_ALIASES = {"social_media": Channel.SOCIAL, "ads": Channel.ADVERTISING,
                    "ad": Channel.ADVERTISING, "web": Channel.WEBSITE, "shop": Channel.STORE}


class MappingError(ValueError):
    """A column mapping that cannot be used (unknown field, a field mapped twice...)."""


def header_key(header: str) -> str:
    """NFC, case-folded, ``_``/``-`` as spaces, spaces collapsed (as the export compares)."""
    text = unicodedata.normalize("NFC", header).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def name_key(name: str) -> str:
    """NFC, case-folded, spaces collapsed: how names of stages, lanes, personas match."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


# -- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """What is wrong with one cell: ``row 7, budget: must be >= 0, got -5``.

    ``field`` is the field key (``budget``, ``score:reach``); ``label`` how it is named in the
    message; ``column`` the table header when it differs from the label.
    """

    row: int
    field: str
    label: str
    message: str
    column: str | None = None

    def __str__(self) -> str:
        where = f"{self.label} (column {self.column!r})" if self.column else self.label
        return f"row {self.row}, {where}: {self.message}"


@dataclass(frozen=True)
class RowResult:
    """One row of the table: the touchpoint it becomes, or what is wrong with it."""

    row_number: int
    touchpoint: Touchpoint | None
    is_update: bool
    errors: list[RowError] = field(default_factory=list)
    changed: bool = True

    @property
    def ok(self) -> bool:
        return self.touchpoint is not None


@dataclass(frozen=True)
class ImportPlan:
    """The preview of an import: the mapping used and one result per non-empty row."""

    mapping: dict[str, str | None]
    rows: list[RowResult]
    ignored: list[str] = field(default_factory=list)

    @property
    def new(self) -> list[RowResult]:
        return [r for r in self.rows if r.ok and not r.is_update]

    @property
    def changed(self) -> list[RowResult]:
        return [r for r in self.rows if r.ok and r.is_update and r.changed]

    @property
    def unchanged(self) -> list[RowResult]:
        return [r for r in self.rows if r.ok and r.is_update and not r.changed]

    @property
    def failed(self) -> list[RowResult]:
        return [r for r in self.rows if not r.ok]

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed)

    def summary(self) -> str:
        """``2 new, 3 changed, 7 unchanged, 1 with errors``."""
        return (f"{len(self.new)} new, {len(self.changed)} changed, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} with errors")


# -- mapping -------------------------------------------------------------------------------


def field_choices(project: Project) -> list[tuple[str, str]]:
    """Every field a column can be mapped to, as ``(key, label)``, for a mapping dialog."""
    fixed = list(FIELD_LABELS.items())
    scores = [(SCORE + c.id, f"Score: {c.name} (0..5)") for c in project.scoring.criteria]
    return fixed[:7] + scores + fixed[7:]


def _criterion_for(project: Project, header: str) -> str | None:
    criteria = project.scoring.criteria
    match = _SCORE_HEADER.fullmatch(header)
    if match:
        rest = match.group(1)
        exact = [c.id for c in criteria if c.id == rest]
        if exact:
            return exact[0]
        header = rest
    key = header_key(header)
    for candidates in ([c.id for c in criteria if header_key(c.name) == key],
                       [c.id for c in criteria if header_key(c.id) == key]):
        if len(candidates) == 1:
            return candidates[0]
    return None


def auto_mapping(project: Project, headers: Sequence[str]) -> dict[str, str | None]:
    """Header -> field for every header (None: ignored). A field goes to its first column."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        found = None if _SCORE_HEADER.fullmatch(header) else ALIASES.get(header_key(header))
        if found is None:
            criterion = _criterion_for(project, header)
            found = SCORE + criterion if criterion else None
        if found in taken:
            found = None
        if found is not None:
            taken.add(found)
        mapping[header] = found
    return mapping


def check_mapping(project: Project, headers: Sequence[str],
                  mapping: Mapping[str, str | None]) -> dict[str, int]:
    """Field -> column index of a mapping, or MappingError saying what is wrong."""
    valid = dict(field_choices(project))
    columns: dict[str, int] = {}
    for header, target in mapping.items():
        if header not in headers:
            raise MappingError(f"no column {header!r} in the table (columns: "
                               f"{', '.join(headers)})")
        if target is None:
            continue
        if target not in valid:
            raise MappingError(f"column {header!r}: unknown field {target!r} (fields: "
                               f"{', '.join(valid)})")
        if target in columns:
            raise MappingError(f"columns {headers[columns[target]]!r} and {header!r} are both "
                               f"mapped to {target}")
        columns[target] = list(headers).index(header)
    if "id" not in columns and "name" not in columns:
        raise MappingError(f"no column is mapped to name or id, so no row can become a "
                           f"touchpoint (columns: {', '.join(headers)})")
    return columns


# -- planning ------------------------------------------------------------------------------


class _Lookup:
    """Find a stage, lane or persona by exact id, then unique name, then id ignoring case."""

    def __init__(self, what: str, items: Sequence[tuple[str, str]]) -> None:
        self.what = what
        self.ids = {i for i, _ in items}
        self.names = [n for _, n in items]
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_id_key: dict[str, list[str]] = defaultdict(list)
        for item_id, name in items:
            self.by_name[name_key(name)].append(item_id)
            self.by_id_key[name_key(item_id)].append(item_id)

    def find(self, text: str) -> str:
        text = text.strip()
        if text in self.ids:
            return text
        for found in (self.by_name.get(name_key(text)), self.by_id_key.get(name_key(text))):
            if found and len(found) == 1:
                return found[0]
            if found:
                raise CellError(f"{len(found)} {self.what}s are named {text!r}; use the id "
                                f"({', '.join(found)})")
        listed = ", ".join(self.names[:12]) + (", ..." if len(self.names) > 12 else "")
        raise CellError(f"no {self.what} named {text!r} ({self.what}s: {listed or 'none'})")


def _enum(kind: type[Enum], value: Cell, aliases: Mapping[str, Enum] | None = None) -> Any:
    key = name_key(as_text(value)).replace(" ", "_").replace("-", "_")
    for member in kind:
        if key == member.value:
            return member
    if aliases and key in aliases:
        return aliases[key]
    raise CellError(f"must be one of {', '.join(m.value for m in kind)}, got {shown(value)}")


class _Planner:
    """Turns rows into touchpoints for one project and one mapping."""

    def __init__(self, project: Project, headers: Sequence[str],
                 columns: dict[str, int]) -> None:
        self.project = project
        self.headers = list(headers)
        self.columns = columns
        self.criteria = {c.id: c.name for c in project.scoring.criteria}
        self.existing = {t.id: t for t in project.touchpoints}
        self.taken = set(project.all_ids())
        self.claimed: dict[str, int] = {}
        self.stages = _Lookup("stage", [(s.id, s.name) for s in project.stages])
        self.lanes = _Lookup("lane", [(lane.id, lane.name) for lane in project.lanes])
        self.personas = _Lookup("persona", [(p.id, p.name) for p in project.personas])
        lanes = [lane for lane in project.lanes if lane.kind is LaneKind.TOUCHPOINTS]
        lanes = lanes or project.lanes
        self.default_lane = lanes[0].id if lanes else None

    def label(self, key: str) -> str:
        return self.criteria.get(key[len(SCORE):], key) if key.startswith(SCORE) else key

    def error(self, row: int, key: str, message: str) -> RowError:
        label = self.label(key)
        header = self.headers[self.columns[key]] if key in self.columns else None
        column = header if header and header_key(header) != header_key(label) else None
        return RowError(row, key, label, message, column)

    def plan_row(self, row: int, cells: list[Cell]) -> tuple[RowResult, bool]:
        """The row's result, and whether the new touchpoint still needs a position."""
        errors: list[RowError] = []
        existing, given_id = self._identify(row, cells, errors)
        data: dict[str, Any] = existing.model_dump() if existing else {}
        for key, index in self.columns.items():
            if key == "id":
                continue
            try:
                self._set(key, cells[index], data)
            except CellError as exc:
                errors.append(self.error(row, key, str(exc)))
        unplaced = False
        if existing is None:
            data["id"] = given_id or self._fresh_id()
            # A row whose id is wrong may not be meant as a new one: say only what is wrong.
            failed = {e.field for e in errors}
            for key, message in self._complete_new(data):
                if key not in failed and "id" not in failed:
                    errors.append(self.error(row, key, message))
            unplaced = "x" not in data and "y" not in data
            data.setdefault("x", 0.0)
            data.setdefault("y", 0.0)
        # Validated even when some cells are wrong, so a row's problems are all told at once.
        bad = {e.field for e in errors}
        touchpoint: Touchpoint | None = None
        try:
            touchpoint = Touchpoint.model_validate({**_PLACEHOLDERS, **data} if errors else data)
        except ValidationError as exc:
            for problem in describe_validation_error(exc):
                path, _, reason = problem.partition(": ")
                key = _field_of(path)
                whole = path in (key, _MODEL_FIELD.get(key)) or key.startswith(SCORE)
                if key not in bad:
                    errors.append(self.error(row, key, reason if whole else problem))
        if errors or touchpoint is None:
            return RowResult(row, None, existing is not None, errors, False), False
        if existing is None:
            self.taken.add(touchpoint.id)
            return RowResult(row, touchpoint, False), unplaced
        updates = {name: getattr(touchpoint, name) for name in Touchpoint.model_fields
                   if getattr(touchpoint, name) != getattr(existing, name)}
        kept = existing.model_copy(update=updates) if updates else existing
        return RowResult(row, kept, True, [], bool(updates)), False

    def _identify(self, row: int, cells: list[Cell],
                  errors: list[RowError]) -> tuple[Touchpoint | None, str | None]:
        """The touchpoint the row updates, or the id it asks a new touchpoint to have."""
        if "id" not in self.columns or is_empty(cells[self.columns["id"]]):
            return None, None
        tp_id = as_text(cells[self.columns["id"]]).strip()
        problem = None
        if not _ID.fullmatch(tp_id):
            problem = (f"must be 1 to 64 letters, digits, '.', '_' or '-' starting with a "
                       f"letter or digit, got {shown(tp_id)}")
        elif tp_id in self.claimed:
            problem = f"{tp_id!r} is also on row {self.claimed[tp_id]}"
        elif tp_id not in self.existing and tp_id in self.taken:
            problem = f"{tp_id!r} is already the id of something else in the project"
        if problem:
            errors.append(self.error(row, "id", problem))
            return None, None
        self.claimed[tp_id] = row
        if tp_id in self.existing:
            return self.existing[tp_id], None
        self.taken.add(tp_id)
        return None, tp_id

    def _fresh_id(self) -> str:
        # new_id copies the ids it is given: asking it row after row would be quadratic.
        while (candidate := new_id("tp")) in self.taken:
            pass
        return candidate

    def _complete_new(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """Defaults of a new touchpoint, and what it lacks."""
        problems = []
        if not data.get("name"):
            problems.append(("name", "is required for a new touchpoint"))
        if "stage_id" not in data:
            problems.append(("stage", f"is required for a new touchpoint (stages: "
                                      f"{', '.join(self.stages.names) or 'none'})"))
        if "lane_id" not in data:
            if self.default_lane is None:
                problems.append(("lane", "the project has no lanes"))
            else:
                data["lane_id"] = self.default_lane
        return problems

    def _set(self, key: str, cell: Cell, data: dict[str, Any]) -> None:
        """Put the value of one cell into the row's data (CellError when it does not fit)."""
        empty = is_empty(cell)
        if key in ("description", "owner", "notes"):
            data[key] = "" if cell is None else as_text(cell)
        elif key.startswith(SCORE):
            scores = dict(data.get("scores", {}))
            criterion = key[len(SCORE):]
            if empty:
                scores.pop(criterion, None)
            else:
                try:
                    score: int | None = parse_int(cell)
                except CellError:
                    score = None
                if score is None or not SCORE_MIN <= score <= SCORE_MAX:
                    raise CellError(f"must be a whole number from {SCORE_MIN} to {SCORE_MAX}, "
                                    f"got {shown(cell)}")
                scores[criterion] = score
            data["scores"] = scores
        elif key in ("personas", "tags", "kpis", "deadline"):
            if empty:
                data[_MODEL_FIELD.get(key, key)] = _CLEARED[_MODEL_FIELD.get(key, key)]
            elif key == "personas":
                found = [self.personas.find(item) for item in split_list(cell)]
                data["persona_ids"] = list(dict.fromkeys(found))
            elif key == "tags":
                data["tags"] = split_list(cell)
            elif key == "kpis":
                data["kpis"] = parse_kpis(cell)
            else:
                data["deadline"] = parse_date(cell)
        elif empty:
            return  # unchanged, or the default of a new touchpoint
        elif key == "name":
            data["name"] = as_text(cell)
        elif key in ("stage", "lane"):
            lookup = self.stages if key == "stage" else self.lanes
            data[_MODEL_FIELD[key]] = lookup.find(as_text(cell))
        elif key == "channel":
            data["channel"] = _enum(Channel, cell, _CHANNEL_ALIASES)
        elif key == "status":
            data["status"] = _enum(Status, cell)
        elif key in ("performance", "emotion"):
            data[key] = parse_int(cell)
        elif key in ("budget", "spent"):
            data[key] = parse_money(cell)
        elif key in ("x", "y"):
            data[key] = parse_float(cell)
        elif key == "currency":
            currency = as_text(cell).strip().upper()
            if currency != self.project.business.currency:
                raise CellError(f"the project's amounts are in {self.project.business.currency}"
                                f", got {shown(cell)} (amounts are not converted)")


def _field_of(path: str) -> str:
    """``stage_id`` -> ``stage``, ``scores.reach`` -> ``score:reach``, ``kpis[0].name`` ->
    ``kpis``."""
    root = re.split(r"[.\[]", path, maxsplit=1)[0]
    if root == "scores" and "." in path:
        return SCORE + path.split(".", 1)[1]
    return _FIELD_OF_MODEL.get(root, root)


def _place(project: Project, rows: list[RowResult], unplaced: list[int]) -> None:
    """Put new touchpoints without a position on the first free slots of their cells, in
    table order, around the cards the project will hold after the import."""
    if not unplaced:
        return
    updated = {r.touchpoint.id: r.touchpoint for r in rows
               if r.touchpoint is not None and r.is_update}
    waiting = set(unplaced)
    others = [r.touchpoint for i, r in enumerate(rows)
              if r.touchpoint is not None and not r.is_update and i not in waiting]
    cards = [*(updated.get(t.id, t) for t in project.touchpoints), *others]
    slots = FreeSlots(project.stages, cards, project.notes)
    names = {item.id: item.name for item in [*project.stages, *project.lanes]}
    for i in unplaced:
        result = rows[i]
        tp = result.touchpoint
        if tp is None:
            continue
        cell = (tp.stage_id, tp.lane_id)
        x, y = slots.take(cell)
        try:
            placed = Touchpoint.model_validate({**tp.model_dump(), "x": x, "y": y})
        except ValidationError:  # past the edge of the map (coordinates are bounded)
            where = f"{names.get(cell[0], cell[0])} / {names.get(cell[1], cell[1])}"
            error = RowError(result.row_number, "x", "position",
                             f"no free place left in the cell {where}; give x and y, or put "
                             f"it in another stage or lane")
            rows[i] = RowResult(result.row_number, None, False, [error], False)
            continue
        rows[i] = RowResult(result.row_number, placed, False, [], True)


def plan_import(project: Project, table: Table,
                mapping: Mapping[str, str | None] | None = None) -> ImportPlan:
    """The preview of importing ``table`` into ``project`` (nothing is changed).

    ``mapping`` (header -> field key or None) replaces the automatic one when given; raises
    MappingError when it cannot be used.
    """
    used = dict(auto_mapping(project, table.headers) if mapping is None else mapping)
    columns = check_mapping(project, table.headers, used)
    planner = _Planner(project, table.headers, columns)
    results: list[RowResult] = []
    unplaced: list[int] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        result, needs_place = planner.plan_row(number, cells)
        if needs_place:
            unplaced.append(len(results))
        results.append(result)
    _place(project, results, unplaced)
    ignored = [h for h in table.headers if used.get(h) is None]
    return ImportPlan(used, results, ignored)


def apply_plan(project: Project, plan: ImportPlan) -> Project:
    """A new, validated project with the plan's good rows applied (rows with errors are
    skipped). Updates stay in place; new touchpoints are appended in table order.

    Raises ValueError when the project lost a touchpoint the plan updates (plan again).
    """
    updates = {r.touchpoint.id: r.touchpoint for r in plan.rows
               if r.touchpoint is not None and r.is_update}
    missing = set(updates) - {t.id for t in project.touchpoints}
    if missing:
        raise ValueError(f"the project changed since the import was planned: touchpoint "
                         f"{sorted(missing)[0]!r} is gone; plan the import again")
    touchpoints = [updates.get(t.id, t) for t in project.touchpoints]
    touchpoints += [r.touchpoint for r in plan.rows if r.touchpoint is not None
                    and not r.is_update]
    data = project.model_dump()
    data["touchpoints"] = [t.model_dump() for t in touchpoints]
    return Project.model_validate(data)


__all__ = ["FIELD_LABELS", "ImportPlan", "MappingError", "RowError", "RowResult", "Table",
           "TableError", "apply_plan", "auto_mapping", "check_mapping", "field_choices",
           "plan_import", "read_table"]
