"""Apply a touchpoint import through the document, as one undo step.

``apply_plan`` gives the project as it will be after the import; the document gets there by
commands (new touchpoints inserted, changed fields set), never by swapping the project behind
the undo stack, so one Undo takes the whole import back, byte for byte.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.document import Document, Kind
from journeymapper.document.commands import InsertItem, SetFields
from journeymapper.importers.touchpoints import ImportPlan, apply_plan
from journeymapper.model import Touchpoint


def import_commands(document: Document, plan: ImportPlan) -> list[QUndoCommand]:
    """The commands that turn the document's project into ``apply_plan``'s result.

    Raises ValueError when the project lost a touchpoint the plan updates (plan again).
    """
    after = apply_plan(document.project, plan)
    before = {tp.id: tp for tp in document.project.touchpoints}
    commands: list[QUndoCommand] = []
    for tp in after.touchpoints:
        old = before.get(tp.id)
        if old is None:
            # apply_plan appends new touchpoints in table order, and so does InsertItem.
            commands.append(InsertItem(document, Kind.TOUCHPOINT, tp))
            continue
        values = changed_fields(old, tp)
        if values:
            commands.append(SetFields(document, Kind.TOUCHPOINT, tp.id, values))
    return commands


def changed_fields(old: Touchpoint, new: Touchpoint) -> dict[str, object]:
    """The fields of ``new`` whose value differs from ``old`` (already validated)."""
    return {name: getattr(new, name) for name in Touchpoint.model_fields
            if name != "id" and getattr(old, name) != getattr(new, name)}


def import_text(count: int) -> str:
    """The undo entry: ``Import 12 touchpoints``."""
    return f"Import {count} touchpoint{'s' if count != 1 else ''}"


def apply_import(document: Document, plan: ImportPlan) -> int:
    """Import the plan's good rows as one undo step; returns how many touchpoints it added or
    changed (0: nothing to do, nothing pushed)."""
    commands = import_commands(document, plan)
    document.push_all(import_text(len(commands)), commands)
    return len(commands)
