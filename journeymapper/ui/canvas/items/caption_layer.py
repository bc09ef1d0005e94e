"""The caption layer: one item over the map that draws the links' captions in view.

Where each caption goes is its board's to say (``journeymapper.captions``: clear of cards and
of each other where the map leaves room, by the same rules as the PDF export); the links keep
the board told where they run, the scene where the cards are. Each caption is drawn from a
picture made once per text, colour and scale. Captions lie over the links and under the
cards, so that a caption a little short of room loses a corner, not a card its title; the few
with no room at all along their lines are drawn over the cards by a second layer.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from journeymapper.captions import PAD_X, PAD_Y, CaptionBoard, CaptionPlace, CaptionPlacer
from journeymapper.layout import Rect
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.items.layer import MapLayer
from journeymapper.ui.canvas.items.link import LinkItem
from journeymapper.ui.canvas.items.text import TextBlock

# Below this level of detail a caption is too small to read (its text under 4.5 pixels).
LOD_CAPTION = 0.35
DIMMED_OPACITY = 0.2  # of links and their captions while another persona is highlighted
Z_VALUE = 27.0  # over links (25) and the compared map (26), under notes (28) and cards (30)
OVER_Z = 31.0  # captions with no room beside the cards: over them, under a drag (80)
CAPTION_PIXELS = 13
# Seconds of placing captions per turn of the event loop: a map of 10,000 links takes most of
# a second to place them all, and the map must paint and answer the mouse meanwhile.
BUDGET = 0.008


@functools.cache
def caption_font_placer() -> CaptionPlacer:
    """Captions measured in the canvas's caption font (after the fonts are loaded)."""
    metrics = QFontMetricsF(style.font(CAPTION_PIXELS, bold=True))
    return CaptionPlacer(metrics.horizontalAdvance, metrics.lineSpacing())


class CaptionLayer(MapLayer):
    """Draws the captions of the links in the exposed area."""

    def __init__(self) -> None:
        super().__init__(Z_VALUE)
        self.board = self._new_board()
        self.previewing: set[LinkItem] = set()
        """Links whose captions follow a drag (see ``LinkItem.caption_place``)."""
        self.hidden: frozenset[LinkItem] = frozenset()
        """Links whose captions another item draws for now (a drag's carrier)."""
        self._pictures = CaptionPictures()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self.over = OverCards(self)
        """Draws the captions that go over the cards (the scene adds it)."""

    def set_rect(self, rect: QRectF) -> None:
        super().set_rect(rect)
        self.over.set_rect(rect)

    def _new_board(self) -> CaptionBoard[LinkItem]:
        board: CaptionBoard[LinkItem] = CaptionBoard(caption_font_placer(), self._moved)
        board.budget = BUDGET
        board.later = self._later
        return board

    @staticmethod
    def _moved(links: Iterable[LinkItem]) -> None:
        for link in links:
            if isValid(link):  # a scene torn down while its captions were being placed
                link.caption_moved()

    def repaint(self, boxes: list[Rect]) -> None:
        """Repaint these caption boxes in the views that show captions. Straight to the
        views, not through the scene: the far views' overview (which never shows captions)
        would draw its tiles again for each, and placing a big map's captions moves
        thousands of them."""
        scene = self.scene()
        if scene is None or not boxes:
            return
        for view in scene.views():
            transform = view.viewportTransform()
            if transform.m11() < LOD_CAPTION or not view.isVisible():
                continue
            viewport = view.viewport()
            seen = view.mapToScene(viewport.rect()).boundingRect()
            for box in boxes:
                area = QRectF(box.x - 2, box.y - 2, box.w + 4, box.h + 4)
                if area.intersects(seen):
                    viewport.update(transform.mapRect(area).toAlignedRect())

    def _later(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _work(self) -> None:
        if isValid(self):  # not torn down with its scene meanwhile
            self.board.work()

    def settle(self) -> None:
        """Place every caption still waiting now (a picture of the map is taken)."""
        self._timer.stop()
        budget, self.board.budget = self.board.budget, None
        try:
            self.board.work()
        finally:
            self.board.budget = budget

    def clear(self) -> None:
        """Forget every card and link (a new map is built)."""
        self._timer.stop()
        self.board = self._new_board()
        self.previewing.clear()
        self.hidden = frozenset()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.draw(painter, option, widget, over=False, pictures=self._pictures)

    def draw(self, painter: QPainter, option: QStyleOptionGraphicsItem,
             widget: QWidget | None, *, over: bool, pictures: CaptionPictures) -> None:
        """Draw the captions in the exposed area that go under the cards, or ``over``."""
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_CAPTION:
            return
        exposed = option.exposedRect
        area = Rect(exposed.x(), exposed.y(), exposed.width(), exposed.height())
        skip = self.previewing | self.hidden
        shown = [(link, place) for link, place in self.board.near(area)
                 if place.over == over and link not in skip and link.isVisible()]
        for link in self.previewing:
            place = link.caption_place()
            if (place is not None and place.over == over and place.box.intersects(area)
                    and link.isVisible()):
                shown.append((link, place))
        shown.sort(key=lambda found: found[0].isSelected())  # a selected link's on top
        draw_captions(painter, shown, pictures if widget is not None else None)


class OverCards(MapLayer):
    """Draws the captions that found no room beside the cards, over them (the captions of
    its caption layer's board)."""

    def __init__(self, captions: CaptionLayer) -> None:
        super().__init__(OVER_Z)
        self._captions = captions
        self._pictures = CaptionPictures()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._captions.draw(painter, option, widget, over=True, pictures=self._pictures)


def draw_captions(painter: QPainter, shown: list[tuple[LinkItem, CaptionPlace]],
                  pictures: CaptionPictures | None) -> None:
    """Draw these captions: copied from ``pictures``, or drawn as text when there are none
    (a picture or an SVG of the map: texts stay texts). The painter's opacity (a drag's
    fade) applies to them all."""
    if not shown:
        return
    before = opacity = painter.opacity()
    transform = painter.worldTransform()
    if pictures is None or not pictures.usable(painter):
        for link, place in shown:
            painter.setOpacity(opacity * (DIMMED_OPACITY if link.is_dimmed() else 1.0))
            _paint_caption(painter, _text(place.lines), _color(link), place.box)
    else:
        pictures.start(painter)
        painter.setWorldTransform(QTransform())
        for link, place in shown:
            pixmap = pictures.picture(place, _color(link))
            box = place.box
            corner = transform.map(QPointF(box.x, box.y))
            painter.setOpacity(opacity * (DIMMED_OPACITY if link.is_dimmed() else 1.0))
            painter.drawPixmap(QPointF(round(corner.x()) - 1, round(corner.y()) - 1), pixmap)
        painter.setWorldTransform(transform)
    painter.setOpacity(before)


def _color(link: LinkItem) -> QColor:
    return style.SELECTED if link.isSelected() else link.color()


@functools.lru_cache(maxsize=4096)
def _text(lines: tuple[str, ...]) -> TextBlock:
    return TextBlock.of_lines(lines, style.font(CAPTION_PIXELS, bold=True))


class CaptionPictures:
    """Captions drawn once per text, colour and scale, then copied: a map shows the same few
    shares ("30%") on hundreds of links. Only the current scale is kept."""

    def __init__(self) -> None:
        self._scale = 0.0
        self._ratio = 1.0
        self._pictures: dict[tuple[tuple[str, ...], float, float, int], QPixmap] = {}

    @staticmethod
    def usable(painter: QPainter) -> bool:
        """True when ``painter`` draws the map unrotated and unsheared, as pictures can."""
        t = painter.worldTransform()
        return not t.isRotating() and t.m11() > 0 and t.m22() == t.m11()

    def start(self, painter: QPainter) -> None:
        """Drawing at ``painter``'s scale: forget pictures made at another."""
        scale = painter.worldTransform().m11()
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        if (scale, ratio) != (self._scale, self._ratio):
            self._scale, self._ratio, self._pictures = scale, ratio, {}

    def picture(self, place: CaptionPlace, color: QColor) -> QPixmap:
        """The caption's picture, with a pixel of margin around its box."""
        box = place.box
        key = (place.lines, box.w, box.h, color.rgba())
        pixmap = self._pictures.get(key)
        if pixmap is None:
            scale, ratio = self._scale, self._ratio
            pw, ph = math.ceil(box.w * scale) + 2, math.ceil(box.h * scale) + 2
            pixmap = QPixmap(math.ceil(pw * ratio), math.ceil(ph * ratio))
            pixmap.setDevicePixelRatio(ratio)  # sharp on high-density screens
            pixmap.fill(Qt.GlobalColor.transparent)
            inner = QPainter(pixmap)
            inner.setRenderHints(QPainter.RenderHint.Antialiasing
                                 | QPainter.RenderHint.TextAntialiasing)
            inner.translate(1, 1)
            inner.scale(scale, scale)
            _paint_caption(inner, _text(place.lines), color, Rect(0, 0, box.w, box.h))
            inner.end()
            self._pictures[key] = pixmap
        return pixmap


def _paint_caption(painter: QPainter, text: TextBlock, color: QColor, box: Rect) -> None:
    """A caption's rounded box and its lines."""
    painter.setBrush(style.PAPER)
    painter.setPen(QPen(color, 1.2))
    painter.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), 5, 5)
    painter.setPen(style.INK)
    text.draw(painter, box.x + PAD_X, box.y + PAD_Y)
