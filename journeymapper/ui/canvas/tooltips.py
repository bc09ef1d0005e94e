"""Tooltips on the map's cards: a touchpoint's key facts without opening the inspector.

The text is made when the tooltip is asked for (an event filter on the viewport), so building
a large map costs nothing extra.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from journeymapper.export.formatting import channel_label
from journeymapper.model import Note, Project, Touchpoint
from journeymapper.theme import status_label
from journeymapper.ui.canvas.items.card import CardItem
from journeymapper.ui.canvas.items.note import NoteItem
from journeymapper.ui.canvas.view import MapView

NOTE_CHARS = 300


def touchpoint_tooltip(project: Project, tp: Touchpoint, today: dt.date) -> str:
    """Name, channel, owner, deadline, importance, status (and votes) as rich text."""
    rows = [("Channel", channel_label(tp.channel)),
            ("Owner", tp.owner or "\u2014"),
            ("Deadline", _deadline(tp, today)),
            ("Importance", f"{project.importance(tp):.0f} / 100"),
            ("Status", status_label(tp.status))]
    if tp.votes:
        rows.append(("Votes", str(tp.votes)))
    cells = "".join(f"<tr><td>{html.escape(k)}:&nbsp;</td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows)
    return f"<b>{html.escape(tp.name)}</b><table>{cells}</table>"


def note_tooltip(note: Note) -> str:
    """A sticky note's text (shortened) as rich text."""
    text = note.text if len(note.text) <= NOTE_CHARS else note.text[:NOTE_CHARS - 1] + "\u2026"
    return html.escape(text).replace("\n", "<br>")


def _deadline(tp: Touchpoint, today: dt.date) -> str:
    if tp.deadline is None:
        return "\u2014"
    return tp.deadline.isoformat() + (" (overdue)" if tp.is_overdue(today) else "")


class CardToolTips(QObject):
    """Shows the tooltip of the card under the mouse on the map."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def text_at(self, viewport_pos: object) -> str:
        """The tooltip for a viewport position ("" over no card)."""
        item = self.view.card_at(self.view.mapToScene(viewport_pos))  # type: ignore[arg-type]
        doc = self.view.document
        if isinstance(item, CardItem):
            tp = doc.find(item.kind, item.item_id)
            return touchpoint_tooltip(doc.project, tp, self.view.map_scene.today) if tp else ""
        if isinstance(item, NoteItem):
            note = doc.find(item.kind, item.item_id)
            return note_tooltip(note) if note else ""
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return False
