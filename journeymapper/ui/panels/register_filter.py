"""Sorting and filtering of the register: text search, stage, channel, persona, owner, status,
overdue. Filters live here, not in the table model, so the model stays a plain mirror."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from journeymapper.document import Kind
from journeymapper.export.formatting import channel_label
from journeymapper.model import Channel, Status, Touchpoint
from journeymapper.ui.panels.register_model import TouchpointTableModel

NO_OWNER = ""
"""The owner filter value that keeps touchpoints nobody owns."""


@dataclass(frozen=True)
class Filters:
    """What the register shows; None (or empty text, False) means "any"."""

    text: str = ""
    stage_id: str | None = None
    channel: Channel | None = None
    persona_id: str | None = None
    owner: str | None = None
    status: Status | None = None
    overdue: bool = False

    def active(self) -> bool:
        """True when some filter is set."""
        return self != Filters()


class RegisterFilter(QSortFilterProxyModel):
    """Filters rows by touchpoint fields and sorts with the model's typed sort keys."""

    def __init__(self, source: TouchpointTableModel) -> None:
        super().__init__(source)
        self.table = source
        self.filters = Filters()
        self._active = False  # cached: asked once per row on every re-filter
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)

    def set_filters(self, **changes: Any) -> None:
        """Change some filters (e.g. ``stage_id="purchase"``, ``overdue=True``)."""
        unknown = set(changes) - {f.name for f in fields(Filters)}
        if unknown:
            raise TypeError(f"unknown filters: {', '.join(sorted(unknown))}")
        new = replace(self.filters, **changes)
        if new == self.filters:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: the non-deprecated way
            self.beginFilterChange()
            self.filters, self._active = new, new.active()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.filters, self._active = new, new.active()
            self.invalidateRowsFilter()

    def clear_filters(self) -> None:
        """Show every touchpoint."""
        self.set_filters(**{f.name: getattr(Filters(), f.name) for f in fields(Filters)})

    def touchpoints(self) -> list[Touchpoint]:
        """The touchpoints shown, in the map's order (no Qt index per row: fast for totals)."""
        every = self.table.document.project.touchpoints
        return [tp for tp in every if self.accepts(tp)] if self.filters.active() else list(every)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self._active or self.accepts(self.table.touchpoint(source_row))

    def accepts(self, tp: Touchpoint) -> bool:
        """Whether the filters keep this touchpoint."""
        f = self.filters
        if f.stage_id is not None and tp.stage_id != f.stage_id:
            return False
        if f.channel is not None and tp.channel != f.channel:
            return False
        if f.persona_id is not None and not tp.serves(f.persona_id):
            return False
        if f.owner is not None and tp.owner != f.owner:
            return False
        if f.status is not None and tp.status != f.status:
            return False
        if f.overdue and not tp.is_overdue(self.table.today()):
            return False
        return not f.text or self._matches(tp, f.text.casefold())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The table model sorts (fast, once per key); the proxy keeps its order and filters.
        self.table.sort(column, order)

    def _matches(self, tp: Touchpoint, needle: str) -> bool:
        stage = self.table.document.find(Kind.STAGE, tp.stage_id)
        haystack = " ".join((tp.name, tp.description, tp.owner, tp.notes, " ".join(tp.tags),
                             channel_label(tp.channel), stage.name if stage else ""))
        return all(word in haystack.casefold() for word in needle.split())

