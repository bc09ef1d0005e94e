"""Undo commands: each holds the undo logic of one user intent and calls the document only.

Several commands of one intent (a removal and its cascade, a multi-card move) are pushed inside
one ``QUndoStack`` macro, so Qt undoes them as one step and in reverse order. Commands are never
given a Qt parent from Python: PySide6 would then delete them twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from journeymapper.document.kinds import Kind

if TYPE_CHECKING:
    from journeymapper.document.document import Document, Target

# Merge ids: QUndoStack only merges consecutive commands with the same id().
EDIT_MERGE_ID = 1001


class InsertItem(QUndoCommand):
    """Insert one item at an index (end when None); undo removes it again."""

    def __init__(self, doc: Document, kind: Kind, item: Any, index: int | None = None,
                 text: str = "") -> None:
        super().__init__(text or f"Add {kind.label} '{_name(item)}'")
        self.doc, self.kind, self.item, self.index = doc, kind, item, index

    def redo(self) -> None:
        self.index = self.doc.insert_item(self.kind, self.item, self.index)

    def undo(self) -> None:
        self.doc.take_item(self.kind, self.item.id)


class TakeItem(QUndoCommand):
    """Remove one item, remembering its index; undo puts it back there."""

    def __init__(self, doc: Document, kind: Kind, item_id: str) -> None:
        item = doc.get(kind, item_id)
        super().__init__(f"Delete {kind.label} '{_name(item)}'")
        self.doc, self.kind, self.item, self.index = doc, kind, item, -1

    def redo(self) -> None:
        self.index = self.doc.take_item(self.kind, self.item.id)

    def undo(self) -> None:
        self.doc.insert_item(self.kind, self.item, self.index)


class SetFields(QUndoCommand):
    """Set validated field values on one item; repeated edits of the same fields merge.

    ``merge`` may be a string naming an editing session (a panel's "this field, from first
    keystroke to editingFinished"): such edits merge only with edits of the same session, so
    editing the same field again later is a new undo step.
    """

    def __init__(self, doc: Document, target: Target, item_id: str, values: dict[str, Any],
                 text: str = "", merge: bool | str = False) -> None:
        super().__init__(text or _edit_text(doc, target, item_id, values))
        self.doc, self.target, self.item_id = doc, target, item_id
        self.new = dict(values)
        self.old = doc.field_values(target, item_id, values.keys())
        self.merge = merge

    def redo(self) -> None:
        self.doc.set_fields(self.target, self.item_id, self.new)

    def undo(self) -> None:
        self.doc.set_fields(self.target, self.item_id, self.old)

    def id(self) -> int:
        return EDIT_MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFields) and other.merge and self.merge
                and other.merge == self.merge
                and other.target == self.target and other.item_id == self.item_id
                and other.new.keys() == self.new.keys()):
            return False
        self.new = dict(other.new)
        return True


class MoveItem(QUndoCommand):
    """Move an item to another index of its list (reorder stages, lanes...)."""

    def __init__(self, doc: Document, kind: Kind, item_id: str, index: int) -> None:
        item = doc.get(kind, item_id)
        super().__init__(f"Reorder {kind.label} '{_name(item)}'")
        self.doc, self.kind, self.item_id = doc, kind, item_id
        self.old, self.new = doc.index_of(kind, item_id), index

    def redo(self) -> None:
        self.doc.move_item(self.kind, self.item_id, self.new)

    def undo(self) -> None:
        self.doc.move_item(self.kind, self.item_id, self.old)


def _name(item: Any) -> str:
    text = str(getattr(item, "name", None) or getattr(item, "text", None) or item.id)
    return text if len(text) <= 40 else text[:39] + "…"


def _edit_text(doc: Document, target: Target, item_id: str, values: dict[str, Any]) -> str:
    fields = ", ".join(k.replace("_", " ") for k in values)
    if target in ("project", "business"):
        return f"Edit project {fields}"
    return f"Edit {fields} of '{_name(doc.get(Kind(target), item_id))}'"
