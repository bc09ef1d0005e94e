"""Tooltips on the map: a touchpoint's key facts without opening the inspector, and a link's
whole caption (a crowded map has no room to show some of them).

The text is made when the tooltip is asked for (an event filter on the viewport), so building
a large map costs nothing extra.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from journeymapper.document import Kind
from journeymapper.export.formatting import channel_label
from journeymapper.layout import Rect
from journeymapper.model import Link, Note, Project, Touchpoint
from journeymapper.theme import status_label
from journeymapper.ui.canvas.items.caption_layer import LOD_CAPTION
from journeymapper.ui.canvas.items.card import CardItem
from journeymapper.ui.canvas.items.link import LinkItem
from journeymapper.ui.canvas.items.note import NoteItem
from journeymapper.ui.canvas.view import MapView

NOTE_CHARS = 300
Find = Callable[[Kind, str], Any]


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


def link_tooltip(link: Link, find: Find) -> str:
    """Where a link runs, for whom, its share and its label, as rich text (``find`` looks
    items up by kind and id, as ``Document.find`` does)."""
    source, target = find(Kind.TOUCHPOINT, link.source_id), find(Kind.TOUCHPOINT, link.target_id)
    persona = find(Kind.PERSONA, link.persona_id) if link.persona_id else None
    rows = [("Share", f"{link.share:.0%}" if link.share is not None else ""),
            ("Label", " ".join(link.label.split())), ("Persona", persona.name if persona else "")]
    cells = "".join(f"<tr><td>{html.escape(k)}:&nbsp;</td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows if v)
    route = " \u2192 ".join(html.escape(tp.name if tp else "?") for tp in (source, target))
    return f"<b>{route}</b>" + (f"<table>{cells}</table>" if cells else "")


def note_tooltip(note: Note) -> str:
    """A sticky note's text (shortened) as rich text."""
    text = note.text if len(note.text) <= NOTE_CHARS else note.text[:NOTE_CHARS - 1] + "\u2026"
    return html.escape(text).replace("\n", "<br>")


def _deadline(tp: Touchpoint, today: dt.date) -> str:
    if tp.deadline is None:
        return "\u2014"
    return tp.deadline.isoformat() + (" (overdue)" if tp.is_overdue(today) else "")


class CardToolTips(QObject):
    """Shows the tooltip of the card, caption or link under the mouse on the map."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def text_at(self, viewport_pos: object) -> str:
        """The tooltip for a viewport position ("" over no card, caption or link)."""
        pos = self.view.mapToScene(viewport_pos)  # type: ignore[arg-type]
        doc = self.view.document
        item = self._caption_at(pos.x(), pos.y()) or self.view.card_at(pos)
        if item is None:
            hit = self.view.hit(pos)
            item = hit[1] if hit is not None and hit[0] == "link" else None
        if isinstance(item, CardItem):
            tp = doc.find(item.kind, item.item_id)
            return touchpoint_tooltip(doc.project, tp, self.view.map_scene.today) if tp else ""
        if isinstance(item, NoteItem):
            note = doc.find(item.kind, item.item_id)
            return note_tooltip(note) if note else ""
        if isinstance(item, LinkItem):
            link = doc.find(Kind.LINK, item.item_id)
            return link_tooltip(link, doc.find) if link else ""
        return ""

    def _caption_at(self, x: float, y: float) -> LinkItem | None:
        """The link whose caption is drawn at a map point, if it is drawn over the cards
        there (captions under cards lose to them)."""
        layer = self.view.map_scene.link_layer.captions
        if self.view.zoom() < LOD_CAPTION:
            return None
        found = [(place.over, link.rank, link)
                 for link, place in layer.board.near(Rect(x, y, 0, 0))
                 if link.isVisible() and place.box.contains(x, y)]
        if not found:
            return None
        over, _rank, link = max(found, key=lambda entry: entry[:2])
        return link if over or self.view.card_at(QPointF(x, y)) is None else None

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
