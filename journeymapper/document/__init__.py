"""The document: Project + QUndoStack + change signals, and the undo commands."""

from journeymapper.document.document import Document, EditError, Target
from journeymapper.document.kinds import Kind, items_of

__all__ = ["Document", "EditError", "Kind", "Target", "items_of"]
