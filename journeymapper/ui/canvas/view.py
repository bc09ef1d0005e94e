"""The map view: zoom, pan, mouse gestures, keyboard focus, in-place editing and drops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsView,
    QRubberBand,
    QStyle,
    QStyleHintReturnMask,
    QStyleOptionRubberBand,
    QWidget,
)

from journeymapper.document import EditError, Kind
from journeymapper.export.formatting import channel_label
from journeymapper.layout import LANE_LABEL_WIDTH
from journeymapper.model import Channel
from journeymapper.ui.canvas import intents
from journeymapper.ui.canvas.editor import InlineEditor
from journeymapper.ui.canvas.gestures import DrawLink, Gesture, MoveCards, Reorder, Resize
from journeymapper.ui.canvas.items.card import CardItem
from journeymapper.ui.canvas.items.lane import LaneItem
from journeymapper.ui.canvas.items.link import LinkItem
from journeymapper.ui.canvas.items.note import NoteItem
from journeymapper.ui.canvas.items.stage_header import EDGE_GRIP, StageHeaderItem
from journeymapper.ui.canvas.keyboard import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Focus,
    first_focus,
    focus_rect,
    step,
    tab,
    valid_focus,
)
from journeymapper.ui.canvas.overview import Overview, level_for
from journeymapper.ui.canvas.palette import Entry, create_at, entry_from_mime
from journeymapper.ui.canvas.scene import MapScene, qrect
from journeymapper.ui.canvas.view_edits import ViewEdits
from journeymapper.ui.canvas.zoom_preview import ZoomPreview
from journeymapper.ui.selection import Ref

MIN_ZOOM, MAX_ZOOM = 0.05, 5.0
ZOOM_STEP = 1.25
PIXMAP_CACHE_KB = 64 * 1024
ARROWS = {Qt.Key.Key_Left: LEFT, Qt.Key.Key_Right: RIGHT, Qt.Key.Key_Up: UP,
          Qt.Key.Key_Down: DOWN}
Hit = tuple[str, QGraphicsItem]


class MapView(ViewEdits, QGraphicsView):
    """Shows a MapScene and turns mouse and keys into document edits."""

    zoom_changed = Signal(float)
    """The zoom factor changed (1.0 is 100%)."""
    error_reported = Signal(str)
    """An edit was refused; the text says why (the window shows it in the status bar)."""
    focus_changed = Signal()
    """The keyboard focus moved to another cell or card."""

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.document = scene.document
        self.setObjectName("map-view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self._snap = False
        self._focus: Focus | None = first_focus(self.document.project)
        self._gesture: Gesture | None = None
        self._pending: tuple[str, QGraphicsItem, QPointF, QPoint] | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self.editor: InlineEditor | None = None
        self.overview = Overview(scene, self.renderHints(), self)
        self.zoom_preview = ZoomPreview(self)
        self.document.undo_stack.indexChanged.connect(self.zoom_preview.end)
        # Cards keep pictures of themselves (MapScene.set_cards_cached): room for big screens.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        scene.layout_changed.connect(self._on_layout_changed)
        self.document.project_replaced.connect(self._on_project_replaced)
        self._place_focus_frame()

    # ----- state -------------------------------------------------------------------------------
    def snap_enabled(self) -> bool:
        """True when drops and drags snap to the grid."""
        return self._snap

    def set_snap_enabled(self, on: bool) -> None:
        """Snap to the grid (and show it)."""
        self._snap = on
        self.map_scene.set_grid_visible(on)

    def report(self, message: str) -> None:
        """Tell the user an edit was refused."""
        self.error_reported.emit(message)

    def selected_refs(self, kinds: tuple[Kind, ...] | None = None) -> list[Ref]:
        """The selection, optionally only items of some kinds."""
        refs = self.map_scene.selection.items()
        return [r for r in refs if kinds is None or r[0] in kinds]

    # ----- keyboard focus ----------------------------------------------------------------------
    def current_focus(self) -> Focus | None:
        """The focused cell or card."""
        return self._focus

    def set_focus(self, focus: Focus | None, *, select: bool = True, extend: bool = False) -> None:
        """Move the keyboard focus; a focused card becomes the selection (or joins it)."""
        self._focus = valid_focus(self.document.project, self.map_scene.map_layout(), focus,
                                  self.document.find)
        self._place_focus_frame()
        if self._focus is not None and select:
            card = self._focus.card
            if extend:
                if card is not None:
                    self.map_scene.select([*self.selected_refs(), card])
            else:
                self.map_scene.select([card] if card else [])
            self.ensureVisible(self.map_scene.focus_frame.frame(), 40, 40)
        self.focus_changed.emit()

    def _place_focus_frame(self) -> None:
        frame = self.map_scene.focus_frame
        if self._focus is None:
            frame.setVisible(False)
            return
        frame.set_frame(qrect(focus_rect(self.map_scene.map_layout(), self._focus)))
        frame.setVisible(True)

    def _on_layout_changed(self) -> None:
        self._focus = valid_focus(self.document.project, self.map_scene.map_layout(),
                                  self._focus, self.document.find)
        self._place_focus_frame()
        if self.editor is not None:
            self.editor.place()

    def _on_project_replaced(self) -> None:
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.abandon()
        self._pending = None
        if self.editor is not None:
            self.editor.finish(False)
        self._focus = first_focus(self.document.project)
        self._place_focus_frame()

    def _card_focus(self, item: CardItem | NoteItem) -> Focus:
        obj = self.document.get(item.kind, item.item_id)
        return Focus(obj.stage_id, obj.lane_id, (item.kind, item.item_id))

    # ----- zoom --------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The zoom factor (1.0 is 100%)."""
        return self.transform().m11()

    def set_zoom(self, factor: float, *, under_mouse: bool = False,
                 preview: bool = True) -> None:
        """Zoom to ``factor`` (clamped), around the view's centre or the mouse. Until the
        zoom rests the view shows its last frame scaled (``preview=False``: the map itself,
        for moves that also pan, like the presentation's glides)."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if abs(factor - self.zoom()) < 1e-9:
            return
        anchor = (QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                  else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setTransformationAnchor(anchor)
        if preview:
            self.zoom_preview.begin()
        else:
            self.zoom_preview.end()
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._zoomed()

    def zoom_in(self) -> None:
        """One step closer."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        """100%."""
        self.set_zoom(1.0)

    def fit_to_window(self) -> None:
        """Show the whole map."""
        self.zoom_preview.end()
        layout = self.map_scene.map_layout()
        self.fitInView(QRectF(-10, -10, layout.width + 20, layout.height + 20),
                       Qt.AspectRatioMode.KeepAspectRatio)
        if not MIN_ZOOM <= self.zoom() <= MAX_ZOOM:
            self.set_zoom(self.zoom())
        self._zoomed()

    def _zoomed(self) -> None:
        if self.editor is not None:
            self.editor.place()
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom() * 1.0015 ** event.angleDelta().y(), under_mouse=True)
            event.accept()
        else:
            super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.editor is not None:
            self.editor.place()

    # ----- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint(event)
        self.map_scene.link_layer.frame_done()

    def _paint(self, event: QPaintEvent) -> None:
        if self.zoom_preview.active():
            painter = QPainter(self.viewport())
            shown = self.zoom_preview.paint(painter, event.rect())
            painter.end()
            if shown:
                return
        # Far from the map, pictures of it (see overview.py) instead of thousands of items.
        scene = self.map_scene
        level = level_for(self.zoom(), len(scene.cards) + len(scene.notes))
        scene.set_cards_cached(level is None)
        scene.set_far(level is not None)
        if level is None:
            self.overview.leave()
            super().paintEvent(event)
            return
        # After a change of scale (a map opened to fit) the scene reports no change at all
        # (``changed`` stays silent) until QGraphicsView's own paintEvent has run, and the
        # tiles would never catch up with an edit. Run it for one pixel, which they cover.
        super().paintEvent(QPaintEvent(QRect(0, 0, 1, 1)))
        painter = QPainter(self.viewport())
        self.overview.paint(painter, level, self.viewportTransform(), event.region())
        band = self.rubberBandRect()
        if not band.isEmpty():  # what QGraphicsView draws over the items
            option = QStyleOptionRubberBand()
            option.initFrom(self.viewport())
            option.rect = band
            option.shape = QRubberBand.Shape.Rectangle
            style = self.viewport().style()
            mask = QStyleHintReturnMask()
            if style.styleHint(QStyle.StyleHint.SH_RubberBand_Mask, option, self.viewport(),
                               mask):
                painter.setClipRegion(mask.region, Qt.ClipOperation.IntersectClip)
            style.drawControl(QStyle.ControlElement.CE_RubberBand, option, painter,
                              self.viewport())
        painter.end()

    # ----- hit testing -------------------------------------------------------------------------
    def hit(self, pos: QPointF) -> Hit | None:
        """What a press at a map point would grab: ("handle" | "card" | "link" | "stage-edge" |
        "stage" | "lane-edge" | "lane", item), or None for an empty spot."""
        grip = EDGE_GRIP / max(self.zoom(), 1e-6)
        for item in self.map_scene.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                                         Qt.SortOrder.DescendingOrder, self.transform()):
            local = item.mapFromScene(pos)
            if isinstance(item, CardItem):
                if item.handle_hit(pos):
                    return ("handle", item)
                if item.body().contains(local):
                    return ("card", item)
            elif isinstance(item, NoteItem) and item.body().contains(local):
                return ("card", item)
            elif isinstance(item, LinkItem):
                return ("link", item)
            elif isinstance(item, StageHeaderItem):
                rect = item.boundingRect()
                if local.x() >= rect.width() - grip:
                    return ("stage-edge", item)
                before = self._neighbour_header(item, -1)
                if local.x() <= grip and before is not None:
                    return ("stage-edge", before)
                return ("stage", item)
            elif isinstance(item, LaneItem) and local.x() < LANE_LABEL_WIDTH:
                if local.y() >= item.boundingRect().height() - grip:
                    return ("lane-edge", item)
                above = self._neighbour_lane(item, -1)
                if local.y() <= grip and above is not None:
                    return ("lane-edge", above)
                return ("lane", item)
        return None

    def _neighbour_header(self, item: StageHeaderItem, offset: int) -> StageHeaderItem | None:
        ids = [s.id for s in self.document.project.stages]
        i = ids.index(item.item_id) + offset
        return self.map_scene.headers[ids[i]] if 0 <= i < len(ids) else None

    def _neighbour_lane(self, item: LaneItem, offset: int) -> LaneItem | None:
        ids = [ln.id for ln in self.document.project.lanes]
        i = ids.index(item.item_id) + offset
        return self.map_scene.lanes[ids[i]] if 0 <= i < len(ids) else None

    def card_at(self, pos: QPointF) -> CardItem | NoteItem | None:
        """The topmost card or note under a map point."""
        for item in self.map_scene.items(pos):
            if isinstance(item, CardItem | NoteItem) and item.body().contains(
                    item.mapFromScene(pos)):
                return item
        return None

    # ----- mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.zoom_preview.end()
        if self.editor is not None:
            self.editor.finish(True)
        view_pos = event.position().toPoint()
        pos = self.mapToScene(view_pos)
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = view_pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button != Qt.MouseButton.LeftButton or self._gesture is not None:
            super().mousePressEvent(event)
            return
        toggle = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                           | Qt.KeyboardModifier.ShiftModifier))
        hit = self.hit(pos)
        if hit is None:
            cell = self.map_scene.map_layout().cell_at(pos.x(), pos.y())
            if cell is not None:
                self.set_focus(Focus(*cell), select=False)
            super().mousePressEvent(event)
            return
        what, item = hit
        if what == "handle":
            self._gesture = DrawLink(self, item)
        elif what in ("card", "link"):
            if toggle:
                item.setSelected(not item.isSelected())
            else:
                if not item.isSelected():
                    self.map_scene.select([(item.kind, item.item_id)])
                self._pending = ("move", item, pos, view_pos) if what == "card" else None
            if what == "card":
                self.set_focus(self._card_focus(item), select=False)
        elif what in ("stage-edge", "lane-edge"):
            self._gesture = Resize(self, item, pos)
        else:
            self.map_scene.select([(item.kind, item.item_id)])
            self._pending = ("reorder", item, pos, view_pos)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        view_pos = event.position().toPoint()
        pos = self.mapToScene(view_pos)
        if self._pan_from is not None:
            delta = view_pos - self._pan_from
            self._pan_from = view_pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._pending is not None and self._gesture is None:
            what, item, press, press_view = self._pending
            if (view_pos - press_view).manhattanLength() >= QApplication.startDragDistance():
                self._pending = None
                if what == "move":
                    cards = [i for i in self.map_scene.selectedItems()
                             if isinstance(i, CardItem | NoteItem)]
                    self._gesture = MoveCards(self, cards or [item], press)
                else:
                    self._gesture = Reorder(self, item, press)
        if self._gesture is not None:
            self._gesture.move(pos)
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            self._update_cursor(pos)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self._update_cursor(self.mapToScene(event.position().toPoint()))
            return
        self._pending = None
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.finish(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        hit = self.hit(pos)
        if hit is not None and hit[0] in ("card", "stage", "lane"):
            item = hit[1]
            self.rename((item.kind, item.item_id))
        elif hit is None and (cell := self.map_scene.map_layout().cell_at(pos.x(), pos.y())):
            self.set_focus(Focus(*cell), select=False)
            self.begin_add("")
        event.accept()

    def _update_cursor(self, pos: QPointF) -> None:
        if self._space:
            shape = Qt.CursorShape.OpenHandCursor
        else:
            hit = self.hit(pos)
            shape = {"stage-edge": Qt.CursorShape.SizeHorCursor,
                     "lane-edge": Qt.CursorShape.SizeVerCursor,
                     "handle": Qt.CursorShape.CrossCursor,
                     "card": Qt.CursorShape.PointingHandCursor}.get(
                         hit[0] if hit else "", Qt.CursorShape.ArrowCursor)
        self.viewport().setCursor(shape)

    # ----- keyboard ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab moves between stages on the map rather than to the next widget.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.zoom_preview.end()
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if key == Qt.Key.Key_Escape:
            self.escape()
        elif key == Qt.Key.Key_Space and plain:
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in ARROWS and mods & Qt.KeyboardModifier.AltModifier:
            self.move_selected(ARROWS[key])
        elif key in ARROWS and self._focus is not None:
            extend = bool(mods & Qt.KeyboardModifier.ShiftModifier)
            new = step(self.document.project, self.map_scene.map_layout(), self._focus,
                       ARROWS[key])
            self.set_focus(new, extend=extend)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._focus is not None:
            backwards = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            self.set_focus(tab(self.document.project, self._focus, backwards))
        elif key == Qt.Key.Key_F2:
            self.rename()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self._focus is not None and self._focus.card is not None:
                self.rename(self._focus.card)
            else:
                self.begin_add("")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif not self._standard_key(event):
            text = event.text()
            if plain and text and text.isprintable() and not text.isspace():
                self.begin_add(text)
            else:
                super().keyPressEvent(event)

    def _standard_key(self, event: QKeyEvent) -> bool:
        """Edit and zoom keys, for a view used without the main window's menus."""
        table = ((QKeySequence.StandardKey.Copy, self.copy),
                 (QKeySequence.StandardKey.Cut, self.cut),
                 (QKeySequence.StandardKey.Paste, self.paste),
                 (QKeySequence.StandardKey.SelectAll, self.select_all),
                 (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                 (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                 (QKeySequence.StandardKey.Undo, self.document.undo_stack.undo),
                 (QKeySequence.StandardKey.Redo, self.document.undo_stack.redo))
        for sequence, action in table:
            if event.matches(sequence):
                action()
                return True
        combo = event.keyCombination().toCombined()
        extra = {QKeySequence("Ctrl+D")[0].toCombined(): self.duplicate,
                 QKeySequence("Ctrl+0")[0].toCombined(): self.fit_to_window,
                 QKeySequence("Ctrl+1")[0].toCombined(): self.reset_zoom,
                 QKeySequence("Ctrl+=")[0].toCombined(): self.zoom_in}
        if combo in extra:
            extra[combo]()
            return True
        return False

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        super().keyReleaseEvent(event)

    def escape(self) -> None:
        """Cancel a drag; otherwise step the focus out of a card and clear the selection."""
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.cancel()
            return
        if self._focus is not None and self._focus.card is not None:
            self.set_focus(Focus(self._focus.stage_id, self._focus.lane_id))
        else:
            self.map_scene.select([])

    # ----- drops from the palette ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if entry_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if entry_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        entry = entry_from_mime(event.mimeData())
        if entry is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        pos = self.mapToScene(event.position().toPoint())
        self.insert(entry, pos)

    def insert(self, entry: Entry, pos: QPointF | None = None) -> Ref | None:
        """Create what a palette entry stands for at a map point, or at the keyboard focus
        when ``pos`` is None (Insert menu, Enter in the palette); a new card, stage or lane
        is then renamed in place."""
        try:
            if pos is not None:
                ref = create_at(self.document, self.map_scene.map_layout(), entry, pos.x(),
                                pos.y(), self._snap)
            else:
                ref = self._insert_at_focus(entry)
        except EditError as exc:
            self.report(str(exc))
            return None
        if ref is None:
            self.report("Drop cards inside a cell of the map")
            return None
        self.setFocus()
        item = self.map_scene.item_for(*ref)
        if isinstance(item, CardItem | NoteItem):
            self.set_focus(self._card_focus(item))
        else:
            self.map_scene.select([ref])
        if ref[0] is not Kind.PERSONA:
            self.rename(ref)
        return ref

    def _insert_at_focus(self, entry: Entry) -> Ref | None:
        doc, focus = self.document, self._focus
        if entry.kind is Kind.PERSONA:
            return (Kind.PERSONA, intents.add_persona(doc))
        if focus is None:
            return None
        if entry.kind is Kind.STAGE:
            return (Kind.STAGE, intents.add_stage(doc, doc.index_of(Kind.STAGE,
                                                                    focus.stage_id) + 1))
        if entry.kind is Kind.LANE:
            return (Kind.LANE, intents.add_lane(doc, doc.index_of(Kind.LANE, focus.lane_id) + 1))
        if entry.kind is Kind.NOTE:
            return (Kind.NOTE, intents.add_note(doc, focus.cell))
        channel = entry.channel or Channel.OTHER
        return (Kind.TOUCHPOINT, intents.add_touchpoint(doc, focus.cell, channel_label(channel),
                                                        channel))
