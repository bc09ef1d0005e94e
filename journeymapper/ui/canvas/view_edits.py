"""Edits the map view makes: rename in place, add by typing, clipboard, delete, nudge.

A mixin of MapView, kept apart so the view module stays about events and geometry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication

from journeymapper.document import Document, EditError, Kind
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, LANE_LABEL_WIDTH
from journeymapper.slots import free_slot
from journeymapper.ui.canvas import clipboard, intents
from journeymapper.ui.canvas.editor import InlineEditor
from journeymapper.ui.canvas.keyboard import Focus
from journeymapper.ui.selection import Ref

if TYPE_CHECKING:
    from journeymapper.ui.canvas.scene import MapScene

CARD_KINDS = (Kind.TOUCHPOINT, Kind.NOTE)
NUDGE = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


class ViewEdits:
    """Editing commands of the map view (mixed into MapView)."""

    document: Document
    map_scene: MapScene
    editor: InlineEditor | None
    _focus: Focus | None

    if TYPE_CHECKING:  # provided by MapView and QGraphicsView
        def report(self, message: str) -> None: ...
        def set_focus(self, focus: Focus | None, *, select: bool = True,
                      extend: bool = False) -> None: ...
        def selected_refs(self, kinds: tuple[Kind, ...] | None = None) -> list[Ref]: ...
        def ensureVisible(self, rect: QRectF, xmargin: int, ymargin: int) -> None: ...

    # ----- editing -----------------------------------------------------------------------------
    def _edit(self, rect: QRectF, text: str, commit: Callable[[str], object],
              **options: Any) -> None:
        if self.editor is not None:
            self.editor.finish(True)
        self.ensureVisible(rect, 30, 30)
        editor = InlineEditor(self, rect, text, self._guarded(commit), **options)
        editor.closed.connect(lambda: self._editor_closed(editor))
        self.editor = editor

    def _editor_closed(self, editor: InlineEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _guarded(self, commit: Callable[[str], object]) -> Callable[[str], None]:
        def run(text: str) -> None:
            try:
                commit(text)
            except EditError as exc:
                self.report(str(exc))
        return run

    def begin_add(self, text: str) -> None:
        """Start typing a new touchpoint's name in the focused cell (Enter adds it)."""
        if self._focus is None:
            return
        cell = self._focus.cell
        x, y = free_slot(self.document.project, *cell)
        cell_rect = self.map_scene.map_layout().cells[cell]
        rect = QRectF(cell_rect.x + x, cell_rect.y + y, CARD_WIDTH, CARD_HEIGHT)

        def commit(name: str) -> None:
            if name.strip():
                new = intents.add_touchpoint(self.document, cell, name)
                self.map_scene.select([(Kind.TOUCHPOINT, new)])
                self.set_focus(Focus(*cell), select=False)

        self._edit(rect, text, commit, select_all=False, placeholder="New touchpoint")

    def rename(self, ref: Ref | None = None) -> None:
        """Edit the name (or a note's text) of a card, stage or lane in place."""
        if ref is None:
            if self._focus is not None and self._focus.card is not None:
                ref = self._focus.card
            else:
                refs = self.selected_refs((Kind.TOUCHPOINT, Kind.NOTE, Kind.STAGE, Kind.LANE))
                ref = refs[0] if refs else None
        if ref is None:
            return
        kind, item_id = ref
        obj, item = self.document.get(kind, item_id), self.map_scene.item_for(kind, item_id)
        if item is None:
            return
        field = "text" if kind is Kind.NOTE else "name"
        rect = item.mapRectToScene(item.boundingRect())
        if kind is Kind.LANE:
            rect = QRectF(rect.x(), rect.y(), LANE_LABEL_WIDTH, rect.height())
        self._edit(rect, getattr(obj, field),
                   lambda text: self.document.edit(kind, item_id, **{field: text}),
                   font_px=22 if kind is Kind.STAGE else 16)

    # ----- edit commands -----------------------------------------------------------------------
    def copy(self) -> None:
        """Put the selected cards on the clipboard."""
        mime = clipboard.to_mime(self.document, self.selected_refs(CARD_KINDS))
        if mime is not None:
            QGuiApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        """Copy the selected cards, then delete them."""
        refs = self.selected_refs(CARD_KINDS)
        if refs:
            self.copy()
            self.document.remove(refs)

    def paste(self) -> None:
        """Add copies of the clipboard's cards to the focused cell, selected."""
        payload = clipboard.from_mime(QGuiApplication.clipboard().mimeData())
        if payload is None:
            return
        cell = self._focus.cell if self._focus is not None else None
        try:
            added = intents.paste_payload(self.document, payload, cell)
        except EditError as exc:
            self.report(str(exc))
            return
        self.map_scene.select(added)

    def duplicate(self) -> None:
        """Copies of the selected cards beside them, selected."""
        added = intents.duplicate(self.document, self.selected_refs(CARD_KINDS))
        if added:
            self.map_scene.select(added)

    def select_all(self) -> None:
        """Select every card and note."""
        self.map_scene.select([(i.kind, i.item_id) for i in self.map_scene.card_items()])

    def delete_selected(self) -> None:
        """Delete the selection (with what depends on it) as one undo step."""
        refs = self.selected_refs()
        if not refs:
            return
        try:
            self.document.remove(refs)
        except EditError as exc:
            self.report(str(exc))

    def move_selected(self, direction: str) -> None:
        """Alt+arrow: cards to the neighbouring cell; a stage or lane one place along."""
        d_stage, d_lane = NUDGE[direction]
        refs = self.selected_refs()
        if not refs and self._focus is not None and self._focus.card is not None:
            refs = [self._focus.card]
        cards = [r for r in refs if r[0] in CARD_KINDS]
        if cards:
            intents.move_to_neighbour(self.document, cards, d_stage, d_lane)
            return
        for kind, delta in ((Kind.STAGE, d_stage), (Kind.LANE, d_lane)):
            ids = [i for k, i in refs if k is kind]
            if ids and delta:
                index = self.document.index_of(kind, ids[0]) + delta
                if index >= 0:
                    self.document.reorder(kind, ids[0], index)
