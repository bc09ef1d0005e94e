"""Document = Project + QUndoStack + file path + precise change signals.

Views and panels never mutate the project: user edits go through the methods here, which
validate and push undo commands; the commands call the low-level ``insert_item``,
``take_item``, ``set_fields`` and ``move_item``, which are the only code that mutates the model
and the only code that emits change signals.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, TypeAdapter, ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journeymapper import io
from journeymapper.document.commands import InsertItem, MoveItem, SetFields
from journeymapper.document.kinds import Kind, items_of
from journeymapper.document.references import check_references, removal_plan
from journeymapper.io.errors import describe_validation_error
from journeymapper.model import Project, new_id, new_project

Target = Kind | Literal["project", "business"]
Flow = tuple[str, str, str | None]
"""A link's source id, target id and persona id."""


@functools.cache
def field_adapter(cls: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator of one field alone, with the field's constraints (fast per keystroke)."""
    info = cls.model_fields[name]
    if not info.metadata:
        return TypeAdapter(info.annotation)
    return TypeAdapter(Annotated[info.annotation, *info.metadata])  # type: ignore[valid-type]


class EditError(ValueError):
    """A user edit that the model refuses; the message says which field and why."""


class Document(QObject):
    """One open journey map: the project, its undo history and where it lives on disk."""

    item_added = Signal(str, str)
    """(kind, id): an item was inserted."""
    item_removed = Signal(str, str)
    """(kind, id): an item was removed."""
    item_changed = Signal(str, str, list)
    """(kind or "project"/"business", id, field names): fields really changed value."""
    items_reordered = Signal(str)
    """(kind): the order of that list changed (stages and lanes move columns and rows)."""
    project_replaced = Signal()
    """The whole project was swapped (open, revert, reload): rebuild every view."""
    modified_changed = Signal(bool)
    """The unsaved-changes flag flipped."""
    path_changed = Signal(str)
    """The file the document is saved to changed ("" for none)."""

    def __init__(self, project: Project | None = None, path: Path | str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project if project is not None else new_project()
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self._restored = False
        self._index: dict[Kind, dict[str, Any]] = {}
        # The links of each (source, target, persona): two links may not join the same
        # touchpoints for the same persona, and testing every link of a big map for each link
        # pasted was a quarter of pasting 50 cards.
        self._flows: dict[Flow, set[str]] = {}
        self._rebuild_index()
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ----- files -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, parent: QObject | None = None) -> Document:
        """Load a project file; raises ``io.ProjectFileError`` when it is not a project."""
        return cls(io.load(path), path, parent)

    def save(self, path: Path | str | None = None) -> None:
        """Save atomically (to ``path`` or the current file); OSError leaves it modified."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("the document has no file yet; give a path")
        io.save(self.project, target)
        if target != self.path:
            self.path = target
            self.path_changed.emit(str(target))
        was_modified = self.is_modified
        self._restored = False
        self.undo_stack.setClean()
        if was_modified and not self.is_modified:
            self.modified_changed.emit(False)

    def replace_project(self, project: Project, path: Path | str | None = None, *,
                        modified: bool = False) -> None:
        """Swap in another project (new, open, reload, recovery); the undo history starts over.

        ``modified`` marks restored work as unsaved even though nothing is on the undo stack.
        """
        self.undo_stack.clear()
        self.project = project
        new_path = Path(path) if path else None
        if new_path != self.path:
            self.path = new_path
            self.path_changed.emit(str(new_path or ""))
        self._rebuild_index()
        self._restored = modified
        self.project_replaced.emit()
        self.modified_changed.emit(self.is_modified)

    @property
    def is_modified(self) -> bool:
        """True when there are changes not saved to the file."""
        return self._restored or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        """File name for titles, or the project title when never saved."""
        return self.path.name if self.path else self.project.title

    # ----- lookups -----------------------------------------------------------------------
    def get(self, kind: Kind, item_id: str) -> Any:
        """The item of this kind with this id (KeyError when there is none)."""
        return self._index[kind][item_id]

    def find(self, kind: Kind, item_id: str) -> Any | None:
        """The item, or None."""
        return self._index[kind].get(item_id)

    def links_joining(self, flow: Flow) -> set[str]:
        """Ids of the links with this (source id, target id, persona id)."""
        return set(self._flows.get(flow, ()))

    def index_of(self, kind: Kind, item_id: str) -> int:
        """Position of the item in its list."""
        item = self.get(kind, item_id)
        items = items_of(self.project, kind)
        if items[-1] is item:  # the item just added, as the views ask on item_added
            return len(items) - 1
        return next(i for i, x in enumerate(items) if x is item)

    def fresh_id(self, kind: Kind) -> str:
        """An id for a new item that no item of the project has."""
        # Asked of the index rather than of a set of every id: a paste into a map of 10,000
        # cards asks once per card.
        while any((candidate := new_id(kind.prefix)) in ids for ids in self._index.values()):
            pass
        return candidate

    # ----- user edits (undoable) ---------------------------------------------------------
    def add(self, item: BaseModel, kind: Kind, index: int | None = None,
            text: str = "") -> str:
        """Add a validated item (its references must exist); one undo step."""
        item = self._validate_new(kind, item)
        self.undo_stack.push(InsertItem(self, kind, item, index, text))
        return str(item.id)  # type: ignore[attr-defined]

    def create(self, kind: Kind, index: int | None = None, **fields: Any) -> str:
        """Build an item of this kind from fields (a fresh id unless given) and add it."""
        fields.setdefault("id", self.fresh_id(kind))
        try:
            item = kind.model.model_validate(fields)
        except ValidationError as exc:
            raise EditError("; ".join(describe_validation_error(exc))) from None
        return self.add(item, kind, index)

    def edit(self, target: Target, item_id: str = "", *, merge: bool | str = False,
             **values: Any) -> bool:
        """Change fields of one item; False when nothing would change. One undo step.

        ``merge=True`` merges with the previous edit of the same fields; a string merges only
        with edits passing the same string (one editing session of a panel field).
        """
        values = self._validated(target, item_id, values)
        if not values:
            return False
        self.undo_stack.push(SetFields(self, target, item_id, values, merge=merge))
        return True

    def edit_many(self, kind: Kind, ids: Iterable[str], **values: Any) -> int:
        """Set the same fields on several items at once, as one undo step."""
        planned = [(i, v) for i in ids if (v := self._validated(kind, i, dict(values)))]
        if not planned:
            return 0
        names = ", ".join(k.replace("_", " ") for k in values)
        self.push_all(f"Edit {names} of {len(planned)} {kind.label}s",
                      [SetFields(self, kind, i, v) for i, v in planned])
        return len(planned)

    def edit_each(self, kind: Kind, changes: Mapping[str, Mapping[str, Any]],
                  text: str) -> int:
        """Set different fields on several items (``{id: {field: value}}``) as one undo step
        named ``text``; every value is validated first, so nothing changes if one is refused.
        Returns how many items really change."""
        planned = [(i, v) for i, values in changes.items()
                   if (v := self._validated(kind, i, dict(values)))]
        self.push_all(text, [SetFields(self, kind, i, v) for i, v in planned])
        return len(planned)

    def move_cards(self, moves: Mapping[tuple[Kind, str], tuple[str, str, float, float]]) -> int:
        """Move touchpoints/notes to (stage id, lane id, x, y) in their cell; one undo step."""
        changes: list[tuple[Kind, str, dict[str, Any]]] = []
        for (kind, item_id), (stage_id, lane_id, x, y) in moves.items():
            values = self._validated(kind, item_id, {"stage_id": stage_id, "lane_id": lane_id,
                                                     "x": x, "y": y})
            if values:
                changes.append((kind, item_id, values))
        if not changes:
            return 0
        label = "card" if len(changes) == 1 else f"{len(changes)} cards"
        self.push_all(f"Move {label}", [SetFields(self, k, i, v) for k, i, v in changes])
        return len(changes)

    def remove(self, items: Iterable[tuple[Kind, str]]) -> int:
        """Delete items with everything that depends on them, as one undo step."""
        text, commands = removal_plan(self, list(items))
        self.push_all(text, commands)
        return len(commands)

    def push_all(self, text: str, commands: list[QUndoCommand]) -> None:
        """Push commands as one undo step named ``text`` (nothing when the list is empty)."""
        if len(commands) == 1:
            commands[0].setText(text)
            self.undo_stack.push(commands[0])
        elif commands:
            self.undo_stack.beginMacro(text)
            for command in commands:
                self.undo_stack.push(command)
            self.undo_stack.endMacro()

    def reorder(self, kind: Kind, item_id: str, index: int) -> bool:
        """Move an item to another position of its list (e.g. a stage to another column)."""
        count = len(items_of(self.project, kind))
        index = max(0, min(index, count - 1))
        if index == self.index_of(kind, item_id):
            return False
        self.undo_stack.push(MoveItem(self, kind, item_id, index))
        return True

    # ----- low level: only commands call these ---------------------------------------------
    def insert_item(self, kind: Kind, item: Any, index: int | None) -> int:
        """Insert without undo; returns the index used. Emits ``item_added``."""
        items = items_of(self.project, kind)
        index = len(items) if index is None or index > len(items) else index
        items.insert(index, item)
        self._index[kind][item.id] = item
        if kind is Kind.LINK:
            self._flows.setdefault(_flow(item), set()).add(item.id)
        self.item_added.emit(kind.value, item.id)
        return index

    def take_item(self, kind: Kind, item_id: str) -> int:
        """Remove without undo; returns the index it had. Emits ``item_removed``."""
        index = self.index_of(kind, item_id)
        if kind is Kind.LINK:
            self._flows[_flow(self.get(kind, item_id))].discard(item_id)
        del items_of(self.project, kind)[index]
        del self._index[kind][item_id]
        self.item_removed.emit(kind.value, item_id)
        return index

    def set_fields(self, target: Target, item_id: str, values: Mapping[str, Any]) -> None:
        """Assign already-validated values; emits ``item_changed`` for what really changed."""
        obj = self._object(target, item_id)
        changed = [k for k, v in values.items() if getattr(obj, k) != v]
        link = target == Kind.LINK
        if link:
            self._flows[_flow(obj)].discard(item_id)
        for key in changed:
            setattr(obj, key, copy.deepcopy(values[key]))
        if link:
            self._flows.setdefault(_flow(obj), set()).add(item_id)
        if changed:
            self.item_changed.emit(str(target), item_id, changed)

    def field_values(self, target: Target, item_id: str, keys: Iterable[str]) -> dict[str, Any]:
        """Copies of the current values of some fields (what undo restores)."""
        obj = self._object(target, item_id)
        return {k: copy.deepcopy(getattr(obj, k)) for k in keys}

    def move_item(self, kind: Kind, item_id: str, index: int) -> None:
        """Reorder without undo. Emits ``items_reordered``."""
        items = items_of(self.project, kind)
        item = items.pop(self.index_of(kind, item_id))
        items.insert(index, item)
        self.items_reordered.emit(kind.value)

    def content_replaced(self) -> None:
        """Low level, for commands that swap whole lists at once (switching the map version):
        index again and emit ``project_replaced`` so every view rebuilds. Undo history stays."""
        self._rebuild_index()
        self.project_replaced.emit()

    # ----- internals -----------------------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean or self._restored)

    def _object(self, target: Target, item_id: str) -> Any:
        if target == "project":
            return self.project
        if target == "business":
            return self.project.business
        return self.get(Kind(target), item_id)

    def _rebuild_index(self) -> None:
        self._index = {k: {x.id: x for x in items_of(self.project, k)} for k in Kind}
        self._flows = {}
        for link in self.project.links:
            self._flows.setdefault(_flow(link), set()).add(link.id)

    def _validate_new(self, kind: Kind, item: BaseModel) -> BaseModel:
        item_id = item.id  # type: ignore[attr-defined]
        if any(item_id in ids for ids in self._index.values()):
            raise EditError(f"id {item_id!r} is already used in this map")
        problem = check_references(self, kind, item.model_dump())
        if problem:
            raise EditError(problem)
        return item

    def _validated(self, target: Target, item_id: str, values: dict[str, Any]) -> dict[str, Any]:
        """Values coerced and checked by the model; only those that differ are kept."""
        obj = self._object(target, item_id)
        cls = type(obj)
        unknown = set(values) - set(cls.model_fields) - {"id"}
        if "id" in values or unknown:
            raise EditError(f"cannot edit {', '.join(sorted(unknown)) or 'id'}")
        result: dict[str, Any] = {}
        for name, value in values.items():
            try:
                checked = field_adapter(cls, name).validate_python(value)
            except ValidationError as exc:
                reasons = describe_validation_error(exc)
                raise EditError("; ".join(
                    r.replace("(top level)", name, 1) if r.startswith("(top level)")
                    else f"{name}.{r}" for r in reasons)) from None
            if checked != getattr(obj, name):
                result[name] = checked
        if target not in ("project", "business") and result:
            problem = check_references(self, Kind(target), {**dict(obj), **result})
            if problem:
                raise EditError(problem)
        return result


def _flow(link: Any) -> Flow:
    return (link.source_id, link.target_id, link.persona_id)
