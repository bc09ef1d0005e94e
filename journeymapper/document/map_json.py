"""The open map as compact JSON for a child process, kept up to date item by item.

The analysis dock sends the map to its child process each time the edits pause; dumping a
10,000-touchpoint map every time kept the window waiting 0.1-0.2 s. The touchpoints, links
and notes are kept here as the JSON of each item, dumped again only when the document says
the item changed; the rest of the map is small. The map's stored versions are left out: the
child analyses the map as it is.
"""

from __future__ import annotations

from typing import Any

from journeymapper.document.document import Document
from journeymapper.document.kinds import Kind, items_of

LONG_LISTS = (Kind.TOUCHPOINT, Kind.LINK, Kind.NOTE)


class MapJson:
    """The compact JSON of a document's map without its stored versions."""

    def __init__(self, document: Document) -> None:
        self.document = document
        # Per list, each item's id -> (the item dumped, its JSON).
        self._kept: dict[Kind, dict[str, tuple[Any, bytes]]] = {kind: {} for kind in LONG_LISTS}
        document.item_changed.connect(self._forget)
        document.item_removed.connect(self._forget)
        document.project_replaced.connect(self._forget_all)

    def compact(self) -> bytes:
        """The map as ``io.dumps(project, compact=True)`` would write it, its fields in
        another order, without ``versions``."""
        project = self.document.project
        head = project.model_dump_json(
            exclude={"versions", *(f"{kind.value}s" for kind in LONG_LISTS)}).encode("utf-8")
        parts = [head[:-1]]  # the closing brace comes after the long lists
        for kind in LONG_LISTS:
            kept = self._kept[kind]
            dumped = []
            for item in items_of(project, kind):
                held = kept.get(item.id)
                if held is None or held[0] is not item:
                    held = kept[item.id] = (item, item.model_dump_json().encode("utf-8"))
                dumped.append(held[1])
            parts.append(b',"%ss":[%s]' % (kind.value.encode(), b",".join(dumped)))
        return b"".join(parts) + b"}"

    def _forget(self, kind: str, item_id: str, *_fields: object) -> None:
        try:
            kept = self._kept.get(Kind(kind))
        except ValueError:  # "project" or "business": in the head, dumped every time
            return
        if kept is not None:
            kept.pop(item_id, None)

    def _forget_all(self) -> None:
        for kept in self._kept.values():
            kept.clear()
