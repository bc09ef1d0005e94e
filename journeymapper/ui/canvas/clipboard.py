"""Cards on the clipboard: JSON under our own mime type, and their names as plain text."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

from journeymapper.document import Document
from journeymapper.ui.canvas.intents import copy_payload
from journeymapper.ui.selection import Ref

MAP_MIME = "application/x-journeymapper+json"


def to_mime(doc: Document, refs: list[Ref]) -> QMimeData | None:
    """Mime data of the picked touchpoints and notes (None when there are none)."""
    payload = copy_payload(doc, refs)
    if not payload["touchpoints"] and not payload["notes"]:
        return None
    mime = QMimeData()
    mime.setData(MAP_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    names = [t["name"] for t in payload["touchpoints"]] + [n["text"] for n in payload["notes"]]
    mime.setText("\n".join(names))
    return mime


def from_mime(mime: QMimeData | None) -> dict[str, Any] | None:
    """The payload of copied cards, or None when the clipboard holds something else."""
    if mime is None or not mime.hasFormat(MAP_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(MAP_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None
