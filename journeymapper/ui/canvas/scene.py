"""The map scene: mirrors the document by id -> item maps and updates only what changed.

The scene connects to the document's change signals. Content changes update one item;
changes that move things (positions, stage widths, lane heights, order) mark the layout dirty,
and the scene lays out again once per user intent, when the undo stack's index moves.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene
from shiboken6 import isValid

from journeymapper.document import Document, Kind
from journeymapper.gc_pause import building
from journeymapper.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    LiveLayout,
    MapLayout,
    Rect,
    emotion_curves,
)
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.content import (
    CardContent,
    card_content,
    header_content,
    lane_content,
    link_content,
    note_content,
)
from journeymapper.ui.canvas.dragged_cards import DraggedCards
from journeymapper.ui.canvas.dragged_links import DraggedLinks
from journeymapper.ui.canvas.items.card import Box, CardItem
from journeymapper.ui.canvas.items.card_boxes import CardBoxLayer
from journeymapper.ui.canvas.items.emotion_curve import EmotionCurveItem
from journeymapper.ui.canvas.items.lane import LaneItem
from journeymapper.ui.canvas.items.link import LinkItem
from journeymapper.ui.canvas.items.link_layer import LinkLayer
from journeymapper.ui.canvas.items.note import NoteItem
from journeymapper.ui.canvas.items.overlays import FocusFrameItem
from journeymapper.ui.canvas.items.stage_header import StageHeaderItem
from journeymapper.ui.selection import Ref, Selection

MARGIN = 60.0
GEOMETRY_FIELDS = {"stage_id", "lane_id", "x", "y", "width", "height"}
CURVE_FIELDS = {"emotion", "persona_ids", "stage_id"}
ALL_CURVE = "#3d4450"
SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
# Deeper BSP trees cost seconds to build when long links cross thousands of leaves.
MAX_BSP_DEPTH = 10
REPAINT_WHOLE_AT = 500
"""Running this many links at once repaints the scene whole rather than each link's box."""


def qrect(rect: Rect) -> QRectF:
    """A layout rectangle as a QRectF."""
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class MapScene(QGraphicsScene):
    """Stage headers, lanes, cards, notes, links and emotion curves of one document."""

    layout_changed = Signal()
    """Positions were recomputed from the model (views re-place focus frames and editors)."""
    persona_filter_changed = Signal(object)
    """(persona id or None): the highlighted persona changed (overlays on cards repaint)."""

    def __init__(self, document: Document, selection: Selection | None = None,
                 parent: QObject | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection if selection is not None else Selection(document, self)
        self.today = today or dt.date.today()
        self.headers: dict[str, StageHeaderItem] = {}
        self.lanes: dict[str, LaneItem] = {}
        self.cards: dict[str, CardItem] = {}
        self.notes: dict[str, NoteItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.curves: dict[str | None, EmotionCurveItem] = {}
        self._links_of: dict[str, set[str]] = defaultdict(set)
        self._selected_links: set[str] = set()
        self._layout = MapLayout()
        self._live = LiveLayout()
        self._geometry_dirty = False
        # Cards and notes added, moved or removed, and links added, since the last layout.
        self._moved: set[tuple[Kind, str]] = set()
        self._new_links: set[str] = set()
        self._adding: list[QGraphicsItem] | None = None
        self._card_cache = QGraphicsItem.CacheMode.NoCache
        self._curves_dirty = False
        self._persona_filter: str | None = None
        self._grid = False
        self._syncing = False
        self.setBackgroundBrush(style.CANVAS)
        self.focus_frame = FocusFrameItem()
        self.focus_frame.setVisible(False)
        self.addItem(self.focus_frame)
        self.link_layer = LinkLayer()
        self.addItem(self.link_layer)
        self.addItem(self.link_layer.captions)
        self.addItem(self.link_layer.captions.over)
        self._link_rank = 0  # the next link's rank: captions are placed in the map's order
        self.carrier = DraggedCards(self.link_layer)  # what a drag of cards moves
        self.addItem(self.carrier)
        self.card_boxes = CardBoxLayer(self.cards.values, self.carrier)
        self.card_boxes.setVisible(False)
        self.addItem(self.card_boxes)
        self._far = False
        document.item_added.connect(self._on_added)
        document.item_removed.connect(self._on_removed)
        document.item_changed.connect(self._on_changed)
        document.items_reordered.connect(self._on_reordered)
        document.project_replaced.connect(self.rebuild)
        document.undo_stack.indexChanged.connect(self.flush)
        self.selectionChanged.connect(self._qt_selection_changed)
        self.selection.changed.connect(self._apply_selection)
        self.rebuild()

    # ----- public ---------------------------------------------------------------------------
    def map_layout(self) -> MapLayout:
        """The current layout (laid out again first if the model moved things)."""
        self.flush()
        return self._layout

    def item_for(self, kind: Kind, item_id: str) -> QGraphicsItem | None:
        """The scene item showing a model item, if any."""
        table: dict[str, Any] = {Kind.STAGE: self.headers, Kind.LANE: self.lanes,
                                 Kind.TOUCHPOINT: self.cards, Kind.NOTE: self.notes,
                                 Kind.LINK: self.links}.get(kind, {})
        return table.get(item_id)

    def card_items(self) -> Iterator[CardItem | NoteItem]:
        """Every touchpoint card and note."""
        yield from self.cards.values()
        yield from self.notes.values()

    def model_rect(self, kind: Kind, item_id: str) -> QRectF:
        """Where the layout puts a card or note (map coordinates)."""
        table = self.map_layout().cards if kind is Kind.TOUCHPOINT else self._layout.notes
        return qrect(table[item_id])

    def selected_link_ids(self) -> set[str]:
        """The links in the selection (the link layer asks on every frame)."""
        return self._selected_links

    def dragged_links(self, card_ids: set[str]) -> DraggedLinks:
        """The links of these cards, to run to them as a drag moves them."""
        links = {ln for c in card_ids for ln in self.links_of(c) if ln.isVisible()}
        ends = {end for ln in links for end in (ln.source_id, ln.target_id)}
        starts = {}
        for card_id in ends:
            card = self.cards.get(card_id)
            if card is not None:
                pos = card.pos()
                starts[card_id] = Rect(pos.x(), pos.y(), CARD_WIDTH, CARD_HEIGHT)
        return DraggedLinks(links, starts, card_ids)

    def links_of(self, card_id: str) -> list[LinkItem]:
        """The link items attached to a touchpoint card."""
        return [self.links[i] for i in self._links_of.get(card_id, ()) if i in self.links]

    def update_links(self, card_ids: Iterable[str] | None = None,
                     link_ids: Iterable[str] = (), where: Mapping[str, Rect] | None = None
                     ) -> None:
        """Run link arrows to where their cards are now: those of ``card_ids`` (None: every
        link) and the links ``link_ids``. ``where`` may tell where the cards are (the layout,
        when every card was just put there)."""
        links = (set(self.links.values()) if card_ids is None else
                 {ln for c in card_ids for ln in self.links_of(c)})
        links.update(self.links[i] for i in link_ids if i in self.links)
        rects: dict[str, Rect | None] = {}

        def rect_of(card_id: str) -> Rect | None:
            if card_id not in rects:
                card = self.cards.get(card_id)
                if card is None:
                    rects[card_id] = None
                elif where is not None:
                    rects[card_id] = where.get(card_id)
                else:
                    pos, body = card.pos(), card.body()
                    rects[card_id] = Rect(pos.x() + body.x(), pos.y() + body.y(), body.width(),
                                          body.height())
            return rects[card_id]

        layer = self.link_layer
        whole = len(links) >= REPAINT_WHOLE_AT and not layer.repaint_whole
        if whole:
            layer.repaint_whole = True
        try:
            with layer.captions.board.batch():
                for link in links:
                    source, target = rect_of(link.source_id), rect_of(link.target_id)
                    shown = source is not None and target is not None
                    if shown != link.isVisible():
                        link.refresh()  # where it was, or will be
                        link.setVisible(shown)
                    if source is not None and target is not None:
                        link.run(source, target)
                    else:
                        link.drop_caption()
        finally:
            if whole:
                layer.repaint_whole = False
                self.update()

    def persona_filter(self) -> str | None:
        """The persona whose journey is highlighted (None: everyone)."""
        return self._persona_filter

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Highlight one persona's journey and dim the rest (None shows everything)."""
        if persona_id is not None and self.document.find(Kind.PERSONA, persona_id) is None:
            persona_id = None
        self._persona_filter = persona_id
        for tp_id in self.cards:
            self._apply_filter(tp_id)
        for note in self.notes.values():
            note.set_dimmed(persona_id is not None)
        for link_id in self.links:
            self._apply_link_filter(link_id)
        for pid, curve in self.curves.items():
            curve.set_dimmed(persona_id is not None and pid != persona_id)
        self.persona_filter_changed.emit(persona_id)

    def set_cards_cached(self, on: bool) -> None:
        """Let cards repaint from a picture of themselves while the zoom stays (pans,
        neighbours' updates, exposes: ten times cheaper than drawing texts and shapes again).
        Views turn it off while they show the overview, where the pictures would only cost."""
        mode = CACHED if on else QGraphicsItem.CacheMode.NoCache
        if mode != self._card_cache:
            self._card_cache = mode
            for card in self.cards.values():
                card.setCacheMode(mode)

    def set_far(self, on: bool) -> None:
        """Draw every card as a box from one layer (the view shows the overview's pictures,
        where cards are boxes anyway), or let each card draw itself again."""
        if on != self._far:
            self._far = on
            boxes = self.card_boxes if on else None
            for card in self.cards.values():
                card.setFlag(NO_CONTENTS, on)
                card.boxes = boxes
            self.card_boxes.setVisible(on)

    def grid_visible(self) -> bool:
        """True while the snapping grid is shown."""
        return self._grid

    def set_grid_visible(self, on: bool) -> None:
        """Show or hide the snapping grid in the cells."""
        self._grid = on
        for lane in self.lanes.values():
            lane.set_grid_visible(on)

    # ----- building ---------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Throw away every item and build the map again (a new project was opened)."""
        with building():
            self._rebuild()

    def _rebuild(self) -> None:
        with self._sync():
            for table in (self.headers, self.lanes, self.cards, self.notes, self.links,
                          self.curves):
                for item in table.values():
                    self.removeItem(item)
                table.clear()
        self._links_of.clear()
        self.link_layer.grid.clear()
        self.link_layer.release_still()  # a picture of the old map's links
        self.link_layer.captions.clear()
        self._link_rank = 0
        if self._persona_filter and self.document.find(Kind.PERSONA, self._persona_filter) is None:
            self._persona_filter = None
        p = self.document.project
        # Items are placed before they join the scene: nothing to re-index or repaint twice.
        adding: list[QGraphicsItem] = []
        self._adding = adding
        try:
            for kind, items in ((Kind.STAGE, p.stages), (Kind.LANE, p.lanes),
                                (Kind.TOUCHPOINT, p.touchpoints), (Kind.NOTE, p.notes),
                                (Kind.LINK, p.links)):
                for item in items:
                    self._create(kind, item)
        finally:
            self._adding = None
        self._moved.clear()
        self._new_links = set(self.links)
        self._geometry_dirty = True
        self._curves_dirty = True
        self.flush()
        for new in adding:
            self.addItem(new)
        count = len(adding)
        self.setBspTreeDepth(0 if count < 2**MAX_BSP_DEPTH else MAX_BSP_DEPTH)
        self._apply_selection()

    def flush(self) -> None:
        """Lay out again and redraw the curves if the model moved anything since last time."""
        if self._geometry_dirty or self._moved or self._new_links:
            self._relayout()
        if self._curves_dirty:
            self._update_curves()

    def settle(self) -> None:
        """Place every link caption still waiting to be placed (before a picture of the map
        is taken: a big map places them over several turns of the event loop)."""
        self.flush()
        self.link_layer.captions.settle()

    def relayout_now(self, items: Iterable[QGraphicsItem] | None = None) -> None:
        """Put every item where the model says (after a cancelled or refused drag); when the
        gesture tells which ``items`` it moved, only those are checked."""
        if items is None:
            self._geometry_dirty = True
            self.flush()
            return
        self.flush()
        layout = self._layout
        moved = [item for item in items
                 if isinstance(item, CardItem | NoteItem) and self._place(item, layout)]
        self.update_links([i.item_id for i in moved if isinstance(i, CardItem)])

    def _create(self, kind: Kind, item: Any) -> None:
        """Make the scene item of a model item (stage, lane, touchpoint, note or link)."""
        doc, item_id = self.document, item.id
        new: QGraphicsItem
        if kind is Kind.STAGE:
            new = self.headers[item_id] = StageHeaderItem(item_id, header_content(item))
        elif kind is Kind.LANE:
            new = self.lanes[item_id] = LaneItem(item_id, lane_content(item))
            new.set_grid_visible(self._grid)
        elif kind is Kind.TOUCHPOINT:
            # What the card shows is worked out when it is first painted.
            new = self.cards[item_id] = CardItem(item_id, partial(self._card_content, item_id),
                                                 partial(self._card_box, item_id))
            if self._card_cache != QGraphicsItem.CacheMode.NoCache:
                new.setCacheMode(self._card_cache)
            if self._far:
                new.setFlag(NO_CONTENTS, True)
                new.boxes = self.card_boxes
        elif kind is Kind.NOTE:
            new = self.notes[item_id] = NoteItem(item_id, note_content(item))
            new.set_dimmed(self._persona_filter is not None)
        elif kind is Kind.LINK:
            new = self.links[item_id] = LinkItem(item_id, item.source_id, item.target_id,
                                                 link_content(doc.project, item))
            new.layer = self.link_layer
            new.rank = self._link_rank
            self._link_rank += 1
            self._links_of[item.source_id].add(item_id)
            self._links_of[item.target_id].add(item_id)
        else:
            return
        if self._adding is not None:
            self._adding.append(new)
        else:
            self.addItem(new)
        if self._persona_filter is None:  # new items are not dimmed
            return
        if kind is Kind.TOUCHPOINT:
            self._apply_filter(item_id)
        elif kind is Kind.LINK:
            self._apply_link_filter(item_id)

    def _card_box(self, tp_id: str) -> Box:
        tp = self.document.get(Kind.TOUCHPOINT, tp_id)
        return (tp.channel, self.document.project.kpi_colouring.color_for(tp.kpis))

    def _card_content(self, tp_id: str) -> CardContent:
        return card_content(self.document.project, self.document.get(Kind.TOUCHPOINT, tp_id),
                            self.today)

    def _place(self, item: CardItem | NoteItem, layout: MapLayout) -> bool:
        """Move a card or note where the layout puts it; True when it moved."""
        table = layout.cards if isinstance(item, CardItem) else layout.notes
        r = table.get(item.item_id)
        if r is None or (item.x() == r.x and item.y() == r.y):
            return False
        item.setPos(r.x, r.y)
        return True

    def _relayout(self) -> None:
        # Cards and links first, then the captions they reach, placed once.
        with self.link_layer.captions.board.batch():
            self._relayout_items()

    def _relayout_items(self) -> None:
        full, self._geometry_dirty = self._geometry_dirty, False
        moved, self._moved = self._moved, set()
        new_links, self._new_links = self._new_links, set()
        p = self.document.project
        changed: set[str] | None = None
        if full:
            layout = self._live.full(p)
        else:
            doc = self.document
            layout, changed = self._live.update(
                p, {i: doc.find(k, i) for k, i in moved if k is Kind.TOUCHPOINT},
                {i: doc.find(k, i) for k, i in moved if k is Kind.NOTE})
        self._layout = layout
        board = self.link_layer.captions.board
        if changed is None:
            board.set_cards(layout.cards, every=True)
        else:
            for card_id in changed:  # notes among them are not the board's: it ignores them
                board.set_card(card_id, layout.cards.get(card_id))
        if changed is not None:
            # Only some cards moved and no stage or lane changed size.
            placed = [item for i in changed
                      if (item := self.cards.get(i) or self.notes.get(i)) is not None
                      and self._place(item, layout)]
            self.update_links([i.item_id for i in placed if isinstance(i, CardItem)], new_links)
            self.layout_changed.emit()
            return
        column_lines = tuple(layout.columns[s.id].right for s in p.stages)
        for i, lane in enumerate(p.lanes):
            item = self.lanes[lane.id]
            r = layout.rows[lane.id]
            item.set_rect(r.x, r.y, r.w, r.h)
            item.set_band(i)
            item.set_columns(column_lines)
        for stage in p.stages:
            r = layout.headers[stage.id]
            self.headers[stage.id].set_rect(r.x, r.y, r.w, r.h)
        placed = [card for card in self.cards.values() if self._place(card, layout)]
        for note in self.notes.values():
            self._place(note, layout)
        # Every card is where the layout says now.
        if len(new_links) == len(self.links):  # a new map: run every link once
            self.update_links(None, (), layout.cards)
        else:
            self.update_links([c.item_id for c in placed], new_links, layout.cards)
        self._curves_dirty = True
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN,
                                 layout.height + 2 * MARGIN))
        self.link_layer.set_rect(self.sceneRect())
        self.link_layer.captions.set_rect(self.sceneRect())
        self.card_boxes.set_rect(self.sceneRect())
        self._update_curves()
        self.layout_changed.emit()

    def _update_curves(self) -> None:
        self._curves_dirty = False
        p = self.document.project
        wanted: dict[str | None, str] = ({per.id: per.color for per in p.personas}
                                         or {None: ALL_CURVE})
        for pid in [k for k in self.curves if k not in wanted]:
            self.removeItem(self.curves.pop(pid))
        points = emotion_curves(p, self._layout, wanted)
        for pid, color in wanted.items():
            curve = self.curves.get(pid)
            if curve is None:
                curve = self.curves[pid] = EmotionCurveItem(pid, color)
                self.addItem(curve)
            curve.set_color(color)
            curve.set_points(points[pid])
            curve.set_dimmed(self._persona_filter is not None and pid != self._persona_filter)

    def _mark_geometry(self) -> None:
        self._geometry_dirty = True

    def _mark_curves(self) -> None:
        self._curves_dirty = True

    # ----- document signals -----------------------------------------------------------------
    def _on_added(self, kind_name: str, item_id: str) -> None:
        kind = Kind(kind_name)
        self._create(kind, self.document.get(kind, item_id))
        if kind is Kind.PERSONA:
            self._refresh_personas()
        elif kind is Kind.CRITERION:
            self._refresh_cards()
        if kind in (Kind.TOUCHPOINT, Kind.NOTE):
            self._moved.add((kind, item_id))
        elif kind is Kind.LINK:
            self._new_links.add(item_id)
        elif kind in (Kind.STAGE, Kind.LANE):
            self._mark_geometry()
        if kind in (Kind.TOUCHPOINT, Kind.PERSONA, Kind.STAGE, Kind.LANE):
            self._mark_curves()

    def _on_removed(self, kind_name: str, item_id: str) -> None:
        kind = Kind(kind_name)
        item = self.item_for(kind, item_id)
        if item is not None:
            table: dict[str, Any] = {Kind.STAGE: self.headers, Kind.LANE: self.lanes,
                                     Kind.TOUCHPOINT: self.cards, Kind.NOTE: self.notes,
                                     Kind.LINK: self.links}[kind]
            del table[item_id]
            if isinstance(item, CardItem):
                item.repaint()  # far from the map Qt would not repaint where it was
            with self._sync():  # the selection forgets removed items by itself
                self.removeItem(item)
        if kind is Kind.LINK and isinstance(item, LinkItem):
            self._links_of[item.source_id].discard(item_id)
            self._links_of[item.target_id].discard(item_id)
            self.link_layer.grid.place(item, None)
            item.drop_caption()
        if kind is Kind.PERSONA:
            if self._persona_filter == item_id:
                self.set_persona_filter(None)
            self._refresh_personas()
        elif kind is Kind.CRITERION:
            self._refresh_cards()
        if kind in (Kind.TOUCHPOINT, Kind.NOTE):
            self._moved.add((kind, item_id))
        elif kind in (Kind.STAGE, Kind.LANE):
            self._mark_geometry()
        if kind in (Kind.TOUCHPOINT, Kind.PERSONA, Kind.STAGE, Kind.LANE):
            self._mark_curves()

    def _on_changed(self, target: str, item_id: str, fields: list[str]) -> None:
        if target in ("project", "business"):
            return
        kind, changed = Kind(target), set(fields)
        doc = self.document
        if kind is Kind.TOUCHPOINT:
            tp = doc.get(kind, item_id)
            self.cards[item_id].set_content(card_content(doc.project, tp, self.today))
            if "persona_ids" in changed:
                self._apply_filter(item_id)
        elif kind is Kind.NOTE:
            self.notes[item_id].set_content(note_content(doc.get(kind, item_id)))
        elif kind is Kind.STAGE:
            self.headers[item_id].set_content(header_content(doc.get(kind, item_id)))
        elif kind is Kind.LANE:
            self.lanes[item_id].set_content(lane_content(doc.get(kind, item_id)))
            if "kind" in changed:
                self._mark_curves()
        elif kind is Kind.LINK:
            link = doc.get(kind, item_id)
            self.links[item_id].set_content(link_content(doc.project, link))
            self._apply_link_filter(item_id)
        elif kind is Kind.PERSONA:
            self._refresh_personas()
        elif kind is Kind.CRITERION:
            self._refresh_cards()
        if changed & GEOMETRY_FIELDS:
            if kind in (Kind.TOUCHPOINT, Kind.NOTE):
                self._moved.add((kind, item_id))
            elif kind in (Kind.STAGE, Kind.LANE):
                self._mark_geometry()
        if kind is Kind.TOUCHPOINT and changed & CURVE_FIELDS:
            self._mark_curves()

    def _on_reordered(self, kind_name: str) -> None:
        if Kind(kind_name) in (Kind.STAGE, Kind.LANE):
            self._mark_geometry()
        elif Kind(kind_name) is Kind.PERSONA:
            self._mark_curves()

    def _refresh_cards(self) -> None:
        # Worked out again when each card is next painted (most are off screen).
        for tp_id, card in self.cards.items():
            card.set_content_source(partial(self._card_content, tp_id))

    def _refresh_personas(self) -> None:
        self._refresh_cards()
        for link in self.document.project.links:
            self.links[link.id].set_content(link_content(self.document.project, link))
        self._mark_curves()

    def _apply_filter(self, tp_id: str) -> None:
        tp = self.document.find(Kind.TOUCHPOINT, tp_id)
        if tp is not None:
            self.cards[tp_id].set_dimmed(not tp.serves(self._persona_filter))
            for link in self.links_of(tp_id):
                self._apply_link_filter(link.item_id)

    def _apply_link_filter(self, link_id: str) -> None:
        link, pid = self.document.find(Kind.LINK, link_id), self._persona_filter
        item = self.links.get(link_id)
        if link is None or item is None:
            return
        ends = [self.cards.get(link.source_id), self.cards.get(link.target_id)]
        item.set_dimmed(pid is not None and (
            link.persona_id not in (None, pid) or any(e is None or e.is_dimmed() for e in ends)))

    # ----- selection sync ---------------------------------------------------------------------
    @contextmanager
    def _sync(self) -> Iterator[None]:
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = False

    def _qt_selection_changed(self) -> None:
        if self._syncing:
            return
        picked = [(it.kind, it.item_id) for it in self.selectedItems() if hasattr(it, "kind")]
        kept = set(picked)
        current = self.selection.items()
        ordered = [r for r in current if r in kept] + [r for r in picked if r not in current]
        with self._sync():
            self.selection.set_items(ordered)
        self._repaint_cards(set(current) ^ kept)
        self._highlight(set(ordered))

    def _apply_selection(self) -> None:
        if self._syncing:
            return
        refs = set(self.selection.items())
        toggled: set[Ref] = set()
        with self._sync():
            for item in self.selectedItems():
                ref = (getattr(item, "kind", None), getattr(item, "item_id", None))
                if ref not in refs:
                    item.setSelected(False)
                    toggled.add(ref)  # type: ignore[arg-type]
            for kind, item_id in refs:
                item = self.item_for(kind, item_id)
                if item is not None and item.flags() & SELECTABLE and not item.isSelected():
                    item.setSelected(True)
                    toggled.add((kind, item_id))
        self._repaint_cards(toggled)
        self._highlight(refs)

    def _repaint_cards(self, refs: Iterable[Ref]) -> None:
        """Far from the map the box layer draws the cards, and Qt's own repaint of a card
        whose selection changed is dropped (it has no contents then): ask the layer."""
        if self._far:
            for kind, item_id in refs:
                card = self.cards.get(item_id) if kind is Kind.TOUCHPOINT else None
                if card is not None and isValid(card):  # not while the scene is cleared
                    card.repaint()

    def _highlight(self, refs: set[Ref]) -> None:
        links = {item_id for kind, item_id in refs if kind is Kind.LINK}
        for link_id in links ^ self._selected_links:
            if (link := self.links.get(link_id)) is not None:
                link.refresh()  # the layer draws links; they do not repaint themselves
        self._selected_links = links
        for table in (self.headers, self.lanes):
            for item in table.values():
                item.set_highlighted((item.kind, item.item_id) in refs)

    def select(self, refs: list[Ref]) -> None:
        """Select these items (canvas and panels follow)."""
        self.selection.set_items(refs)
