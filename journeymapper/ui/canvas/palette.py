"""The palette: entries to drag onto the map (stage, lane, persona, note, a touchpoint per
channel), and what a drop of each creates."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from journeymapper.document import Document, Kind
from journeymapper.export.formatting import channel_label
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, NOTE_HEIGHT, NOTE_WIDTH, MapLayout, snap
from journeymapper.model import Channel
from journeymapper.ui.canvas import intents, style
from journeymapper.ui.selection import Ref

PALETTE_MIME = "application/x-journeymapper-palette"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the palette creates: a kind, and the channel of a touchpoint."""

    kind: Kind
    channel: Channel | None = None

    @property
    def label(self) -> str:
        """What the palette shows."""
        if self.kind is Kind.TOUCHPOINT and self.channel is not None:
            return f"{channel_label(self.channel)} touchpoint"
        return {Kind.STAGE: "Stage", Kind.LANE: "Lane", Kind.PERSONA: "Persona",
                Kind.NOTE: "Sticky note"}.get(self.kind, self.kind.label)

    def to_json(self) -> str:
        """The drag payload."""
        return json.dumps({"kind": self.kind.value,
                           "channel": self.channel.value if self.channel else None})

    @classmethod
    def from_json(cls, text: str) -> Entry | None:
        """The entry a drag carries, or None for anything else."""
        try:
            data = json.loads(text)
            channel = Channel(data["channel"]) if data.get("channel") else None
            return cls(Kind(data["kind"]), channel)
        except (ValueError, KeyError, TypeError):
            return None

    def mime_data(self) -> QMimeData:
        """Mime data of a drag of this entry."""
        mime = QMimeData()
        mime.setData(PALETTE_MIME, self.to_json().encode())
        mime.setText(self.label)
        return mime


ENTRIES: tuple[Entry, ...] = (
    Entry(Kind.STAGE), Entry(Kind.LANE), Entry(Kind.PERSONA), Entry(Kind.NOTE),
    *(Entry(Kind.TOUCHPOINT, c) for c in Channel),
)


def entry_from_mime(mime: QMimeData) -> Entry | None:
    """The palette entry in a drop, if it is one."""
    if not mime.hasFormat(PALETTE_MIME):
        return None
    return Entry.from_json(bytes(mime.data(PALETTE_MIME).data()).decode("utf-8", "replace"))


def create_at(doc: Document, layout: MapLayout, entry: Entry, x: float, y: float,
              snap_on: bool = False) -> Ref | None:
    """Create what the entry stands for, dropped at map point (x, y).

    A stage lands between the columns around x, a lane between the rows around y, a card or
    note centred on the point in the cell under it; a persona just gets created. Returns the
    new item, or None when the drop was outside the map's cells.
    """
    if entry.kind is Kind.STAGE:
        index = sum(1 for r in layout.columns.values() if r.center[0] < x)
        return (Kind.STAGE, intents.add_stage(doc, index))
    if entry.kind is Kind.LANE:
        index = sum(1 for r in layout.rows.values() if r.center[1] < y)
        return (Kind.LANE, intents.add_lane(doc, index))
    if entry.kind is Kind.PERSONA:
        return (Kind.PERSONA, intents.add_persona(doc))
    cell = layout.cell_at(x, y)
    if cell is None:
        return None
    rect = layout.cells[cell]
    w, h = (CARD_WIDTH, CARD_HEIGHT) if entry.kind is Kind.TOUCHPOINT else (NOTE_WIDTH,
                                                                           NOTE_HEIGHT)
    at_x, at_y = max(0.0, x - rect.x - w / 2), max(0.0, y - rect.y - h / 2)
    if snap_on:
        at_x, at_y = snap(at_x), snap(at_y)
    if entry.kind is Kind.NOTE:
        return (Kind.NOTE, intents.add_note(doc, cell, at=(at_x, at_y)))
    channel = entry.channel or Channel.OTHER
    return (Kind.TOUCHPOINT, intents.add_touchpoint(doc, cell, channel_label(channel),
                                                    channel, at=(at_x, at_y)))


def entry_icon(entry: Entry, size: int = 28) -> QIcon:
    """A swatch: the channel's colour and glyph, or a small drawing of the kind."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color, glyph = {
        Kind.STAGE: ("#4c78a8", "\u2016"), Kind.LANE: ("#8c96a3", "\u2550"),
        Kind.PERSONA: ("#e45756", "\u263a"), Kind.NOTE: ("#fff3a8", "\u270e"),
    }.get(entry.kind, ("#7f7f7f", ""))
    if entry.channel is not None:
        color, glyph = style.CHANNEL_COLORS[entry.channel], style.CHANNEL_GLYPHS[entry.channel]
    fill = QColor(color)
    painter.setBrush(fill)
    painter.setPen(fill.darker(130))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 5, 5)
    painter.setPen(style.ink_on(fill))
    painter.setFont(style.font(size // 2 + 2, bold=True))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


class PaletteList(QListWidget):
    """The draggable entries; Enter on one inserts it at the map's keyboard focus."""

    entry_activated = Signal(object)
    """(Entry): the user chose an entry with the keyboard or a double click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette-list")
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        for entry in ENTRIES:
            item = QListWidgetItem(entry_icon(entry), entry.label)
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(f"Drag onto the map to add a {entry.label.lower()}")
            self.addItem(item)
        self.itemActivated.connect(lambda item: self.entry_activated.emit(item.data(ENTRY_ROLE)))

    def entry(self, row: int) -> Entry:
        """The entry shown in a row."""
        return self.item(row).data(ENTRY_ROLE)  # type: ignore[no-any-return]

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        return items[0].data(ENTRY_ROLE).mime_data()  # type: ignore[no-any-return]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class PaletteDock(QDockWidget):
    """The palette as a dock of the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Palette", parent)
        self.setObjectName("palette-dock")
        self.list = PaletteList(self)
        self.setWidget(self.list)
