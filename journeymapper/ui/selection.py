"""The shared selection: which items the user picked, synced between canvas and panels."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from journeymapper.document import Document, Kind

Ref = tuple[Kind, str]


class Selection(QObject):
    """Ordered set of selected (kind, id) items of one document."""

    changed = Signal()
    """The selected items changed (emitted only on a real change)."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[Ref, None] = {}  # an ordered set
        self._forgotten = False
        document.item_removed.connect(self._forget)
        document.undo_stack.indexChanged.connect(self._settle)
        document.project_replaced.connect(self.clear)

    def items(self) -> list[Ref]:
        """Selected items in the order they were picked."""
        return list(self._items)

    def ids(self, kind: Kind) -> list[str]:
        """Ids of the selected items of one kind."""
        return [i for k, i in self._items if k is kind]

    def set_items(self, items: Iterable[Ref]) -> None:
        """Replace the selection."""
        new = dict.fromkeys((Kind(k), i) for k, i in items)
        if list(new) != list(self._items):
            self._items = new
            self._forgotten = False
            self.changed.emit()

    def clear(self) -> None:
        """Select nothing."""
        self.set_items(())

    def _forget(self, kind: str, item_id: str) -> None:
        # Told once the undo step is done: deleting 500 selected cards is 500 removals, and
        # the panels would show each smaller selection in turn.
        if self._items.pop((Kind(kind), item_id), False) is None:
            self._forgotten = True

    def _settle(self) -> None:
        if self._forgotten:
            self._forgotten = False
            self.changed.emit()
