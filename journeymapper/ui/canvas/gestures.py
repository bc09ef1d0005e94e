"""Mouse gestures on the map. Each collects a drag and pushes one document edit on release.

A gesture moves scene items only as a preview; the model changes once, through the document,
when the mouse is released (one undo step). Cancelling (Escape) or a refused edit puts the
items back where the layout says they are.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF

from journeymapper.document import EditError, Kind
from journeymapper.layout import GRID, PADDING, relative_position, snap
from journeymapper.model.stage import Lane, Stage
from journeymapper.ui.canvas.dragged_cards import DRAG_OPACITY, DRAG_Z
from journeymapper.ui.canvas.items.card import CardItem
from journeymapper.ui.canvas.items.lane import LaneItem
from journeymapper.ui.canvas.items.note import NoteItem
from journeymapper.ui.canvas.items.overlays import GuideItem
from journeymapper.ui.canvas.items.stage_header import StageHeaderItem

if TYPE_CHECKING:
    from journeymapper.ui.canvas.view import MapView



class Gesture:
    """A drag in progress."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.scene = view.map_scene
        self.doc = view.map_scene.document

    def move(self, pos: QPointF) -> None:
        """The mouse moved to ``pos`` (map coordinates)."""

    def finish(self, pos: QPointF) -> None:
        """The button was released at ``pos``: push the edit."""

    def cancel(self) -> None:
        """Escape: put everything back."""
        self.scene.relayout_now()

    def abandon(self) -> None:
        """The map was replaced under the drag (its items are gone): leave nothing behind."""


SIGHT = 50.0  # map units around the view in which links follow a drag at once


class MoveCards(Gesture):
    """Drag cards and notes; dropped into another cell they change stage and lane."""

    def __init__(self, view: MapView, items: list[CardItem | NoteItem], press: QPointF) -> None:
        super().__init__(view)
        self.items = items
        self.press = press
        self.card_ids = {i.item_id for i in items if isinstance(i, CardItem)}
        self.links = self.scene.dragged_links(self.card_ids)
        self.carrier = self.scene.carrier
        # The links between two dragged cards go with them, the ones to a card that stays
        # follow every move, and the others are drawn from a picture until the drop.
        self.scene.link_layer.hold_still(self.links.following(), self.links.carried)
        self.carrier.pick_up(items, self.links.carried)
        self._delta = QPointF()

    def move(self, pos: QPointF) -> None:
        delta = pos - self.press
        if self.view.snap_enabled():
            delta = QPointF(snap(delta.x()), snap(delta.y()))
        self._delta = delta
        self.carrier.setPos(delta)
        # Links out of sight follow when the cards are dropped (_catch_up).
        view = self.view
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        self.links.follow(delta.x(), delta.y(), seen.adjusted(-SIGHT, -SIGHT, SIGHT, SIGHT))

    def _put_down(self, delta: QPointF) -> None:
        self.carrier.put_down(delta)
        self.scene.link_layer.release_still_after_frame()

    def _catch_up(self) -> None:
        """Run the links left out of sight during the drag to where their cards are now, and
        file all of the drag's links in the scene's index again."""
        stale, self.links.stale = self.links.stale, set()
        with self.scene.link_layer.captions.board.batch():  # their captions placed once
            self.scene.update_links(card_ids=(), link_ids=stale)
            self.links.settle()

    def finish(self, pos: QPointF) -> None:
        self.move(pos)
        self._put_down(self._delta)
        layout = self.scene.map_layout()
        moves: dict[tuple[Kind, str], tuple[str, str, float, float]] = {}
        for item in self.items:
            body = item.body().translated(item.pos())
            cell = layout.cell_at(body.center().x(), body.center().y())
            if cell is None:
                continue
            rect = layout.cells[cell]
            x, y = relative_position(layout, cell, body.x(), body.y())
            if self.view.snap_enabled():
                x, y = snap(x), snap(y)
            x = min(x, max(0.0, _floor_grid(rect.w - body.width() - PADDING)))
            y = min(y, max(0.0, _floor_grid(rect.h - body.height() - PADDING)))
            moves[(item.kind, item.item_id)] = (cell[0], cell[1], x, y)
        # The captions the drop moves are placed once, when every link has settled.
        with self.scene.link_layer.captions.board.batch():
            try:
                self.doc.move_cards(moves)
            except EditError as exc:
                self.view.report(str(exc))
            self.scene.relayout_now(self.items)
            self._catch_up()

    def cancel(self) -> None:
        # Down where they are shown: the relayout then takes the cards, and their links, back.
        self._put_down(self._delta)
        super().cancel()
        self._catch_up()

    def abandon(self) -> None:
        self.carrier.put_down(QPointF())
        self.scene.link_layer.release_still()  # its links are gone with the old map


def _floor_grid(value: float) -> float:
    return math.floor(value / GRID) * GRID


class DrawLink(Gesture):
    """Drag from a card's handle to another card to link them."""

    def __init__(self, view: MapView, source: CardItem) -> None:
        super().__init__(view)
        self.source = source
        self.guide = GuideItem(dashed=False)
        self.start = source.mapToScene(source.handle_center())
        self.guide.set_line(QLineF(self.start, self.start))
        self.scene.addItem(self.guide)

    def move(self, pos: QPointF) -> None:
        self.guide.set_line(QLineF(self.start, pos))

    def finish(self, pos: QPointF) -> None:
        self.scene.removeItem(self.guide)
        target = self.view.card_at(pos)
        if isinstance(target, CardItem) and target is not self.source:
            try:
                self.doc.create(Kind.LINK, source_id=self.source.item_id,
                                target_id=target.item_id)
            except EditError as exc:
                self.view.report(str(exc))

    def cancel(self) -> None:
        self.scene.removeItem(self.guide)

    def abandon(self) -> None:
        self.scene.removeItem(self.guide)


class Reorder(Gesture):
    """Drag a stage header sideways (or a lane label up and down) to another position."""

    def __init__(self, view: MapView, item: StageHeaderItem | LaneItem, press: QPointF) -> None:
        super().__init__(view)
        self.item = item
        self.press = press
        self.start = item.pos()
        self.horizontal = isinstance(item, StageHeaderItem)
        self.guide = GuideItem()
        self.scene.addItem(self.guide)
        item.setZValue(DRAG_Z)
        item.setOpacity(DRAG_OPACITY)

    def _target_index(self, pos: QPointF) -> tuple[int, float]:
        """Index in the list without the dragged item, and where the guide goes."""
        layout = self.scene.map_layout()
        p = self.doc.project
        if self.horizontal:
            rects = [layout.columns[s.id] for s in p.stages if s.id != self.item.item_id]
            index = sum(1 for r in rects if r.center[0] < pos.x())
            edge = rects[index - 1].right if index > 0 else (rects[0].x if rects else 0.0)
        else:
            rects = [layout.rows[ln.id] for ln in p.lanes if ln.id != self.item.item_id]
            index = sum(1 for r in rects if r.center[1] < pos.y())
            edge = rects[index - 1].bottom if index > 0 else (rects[0].y if rects else 0.0)
        return index, edge

    def move(self, pos: QPointF) -> None:
        delta = pos - self.press
        layout = self.scene.map_layout()
        _, edge = self._target_index(pos)
        if self.horizontal:
            self.item.setPos(self.start.x() + delta.x(), self.start.y())
            self.guide.set_line(QLineF(edge, 0, edge, layout.height))
        else:
            self.item.setPos(self.start.x(), self.start.y() + delta.y())
            self.guide.set_line(QLineF(0, edge, layout.width, edge))

    def _clean_up(self) -> None:
        self.scene.removeItem(self.guide)
        self.item.setZValue(self.item.z_value)
        self.item.setOpacity(1.0)

    def finish(self, pos: QPointF) -> None:
        self._clean_up()
        index, _ = self._target_index(pos)
        kind = Kind.STAGE if self.horizontal else Kind.LANE
        self.doc.reorder(kind, self.item.item_id, index)
        self.scene.relayout_now()

    def cancel(self) -> None:
        self._clean_up()
        super().cancel()

    def abandon(self) -> None:
        self._clean_up()


class Resize(Gesture):
    """Drag a stage header's right edge (width) or a lane label's bottom edge (height)."""

    def __init__(self, view: MapView, item: StageHeaderItem | LaneItem, press: QPointF) -> None:
        super().__init__(view)
        self.item = item
        self.press = press
        self.horizontal = isinstance(item, StageHeaderItem)
        self.guide = GuideItem()
        self.scene.addItem(self.guide)
        layout = self.scene.map_layout()
        self.rect = (layout.headers if self.horizontal else layout.rows)[item.item_id]
        self.size = self.rect.w if self.horizontal else self.rect.h

    def move(self, pos: QPointF) -> None:
        layout = self.scene.map_layout()
        rect = self.rect
        if self.horizontal:
            self.size = self._clamp(rect.w + pos.x() - self.press.x(),
                                    Stage.model_fields["width"].metadata)
            edge = rect.x + self.size
            self.guide.set_line(QLineF(edge, 0, edge, layout.height))
        else:
            self.size = self._clamp(rect.h + pos.y() - self.press.y(),
                                    Lane.model_fields["height"].metadata)
            edge = rect.y + self.size
            self.guide.set_line(QLineF(0, edge, layout.width, edge))

    def _clamp(self, value: float, metadata: list[object]) -> float:
        low = next((float(m.ge) for m in metadata if hasattr(m, "ge")), 0.0)
        high = next((float(m.le) for m in metadata if hasattr(m, "le")), 1e9)
        value = snap(value) if self.view.snap_enabled() else round(value)
        return min(high, max(low, value))

    def finish(self, pos: QPointF) -> None:
        self.move(pos)
        self.scene.removeItem(self.guide)
        kind = Kind.STAGE if self.horizontal else Kind.LANE
        field = "width" if self.horizontal else "height"
        try:
            self.doc.edit(kind, self.item.item_id, **{field: self.size})
        except EditError as exc:
            self.view.report(str(exc))

    def cancel(self) -> None:
        self.scene.removeItem(self.guide)

    def abandon(self) -> None:
        self.scene.removeItem(self.guide)
