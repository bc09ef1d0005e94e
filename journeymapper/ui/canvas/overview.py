"""The cached overview: far from the map the view shows pictures of it instead of its items.

Below ``OVERVIEW_ZOOM`` cards are plain boxes, yet a frame still walks thousands of items
(30 us each in Qt and Python). So the view paints from tiles: pictures of the scene made by
``QGraphicsScene.render`` at a few fixed scales (1/4, 1/8, 1/16...), each used for zooms between
half its scale and its scale, so zooming within a level and scrolling only copy pixels. A tile
is rendered the first time it is on screen; when the scene changes (the ``changed`` signal) only
the changed rectangles of the tiles are rendered again; tiles that are not used are dropped
first when there are more than ``MAX_TILES``. Nearer than that the view draws the items and the
tiles are dropped (``Overview.leave``): listening to ``changed`` costs every edit there.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsScene

OVERVIEW_ZOOM = 0.25
# A smaller map paints its items faster than tiles of it are rendered (12 cards: 2 ms against
# 10 ms for the first tiles, the whole of a new window's first frame).
MIN_CARDS = 300
TILE = 256
MAX_TILES = 320  # 256 x 256 x 4 bytes each: 80 MB at most
MAX_DIRTY = 24  # changed rectangles kept per tile before it is simply rendered again

Key = tuple[int, int, int]  # level, column, row


def level_for(zoom: float, cards: int) -> int | None:
    """The level k (tiles at scale 2^-k) to show at ``zoom`` on a map of ``cards`` cards and
    notes; None when close enough to paint items (or zoomed so far out that nothing
    meaningful is left), or when the map is small enough to paint its items at any zoom."""
    if zoom > OVERVIEW_ZOOM or zoom <= 0 or cards < MIN_CARDS:
        return None
    # The largest level scale 2^-k at or above the zoom: at most twice the screen's pixels.
    return max(2, math.floor(-math.log2(zoom) + 1e-9))


class _Tile:
    __slots__ = ("dirty", "image")

    def __init__(self, image: QImage) -> None:
        self.image = image
        self.dirty: list[QRectF] = []


class Overview(QObject):
    """Tiles of one scene at the overview scales, kept current as the scene changes."""

    def __init__(self, scene: QGraphicsScene, render_hints: QPainter.RenderHint,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.hints = render_hints
        self._tiles: OrderedDict[Key, _Tile] = OrderedDict()
        self._origin = QPointF()
        self._connected = False

    # ----- keeping current -----------------------------------------------------------------
    def _connect(self) -> None:
        if not self._connected:
            self._connected = True
            self.scene.changed.connect(self._on_changed)
            self.scene.sceneRectChanged.connect(self.clear)

    def leave(self) -> None:
        """The view draws the items themselves again: stop following the scene and drop the
        tiles. While anyone listens to ``changed``, Qt repaints the whole old box of every
        item whose geometry changes; for links that cross the map that is most of the view
        on each step of a drag."""
        if self._connected:
            self._connected = False
            self.scene.changed.disconnect(self._on_changed)
            self.scene.sceneRectChanged.disconnect(self.clear)
        self.clear()

    def clear(self) -> None:
        """Drop every tile (they are rendered again when needed)."""
        self._tiles.clear()

    def _on_changed(self, rects: list[QRectF]) -> None:
        if not self._tiles:
            return
        levels = {key[0] for key in self._tiles}
        for rect in rects:
            if rect.isEmpty():
                continue
            for level in levels:
                for key in self._keys(level, rect):
                    tile = self._tiles.get(key)
                    if tile is None:
                        continue
                    if len(tile.dirty) >= MAX_DIRTY:
                        del self._tiles[key]
                    else:
                        tile.dirty.append(self._tile_rect(key).intersected(rect))

    # ----- geometry ------------------------------------------------------------------------
    def _tile_rect(self, key: Key) -> QRectF:
        size = TILE * 2.0 ** key[0]
        return QRectF(self._origin.x() + key[1] * size, self._origin.y() + key[2] * size, size,
                      size)

    def _keys(self, level: int, area: QRectF) -> list[Key]:
        size = TILE * 2.0 ** level
        x0 = math.floor((area.left() - self._origin.x()) / size)
        x1 = math.floor((area.right() - self._origin.x()) / size)
        y0 = math.floor((area.top() - self._origin.y()) / size)
        y1 = math.floor((area.bottom() - self._origin.y()) / size)
        return [(level, i, j) for j in range(y0, y1 + 1) for i in range(x0, x1 + 1)]

    # ----- rendering -----------------------------------------------------------------------
    def _render(self, image: QImage, level: int, origin: QPointF, pixels: QRect) -> None:
        """Render ``pixels`` of an image whose pixel (0, 0) is the scene point ``origin``."""
        scale = 2.0 ** -level
        source = QRectF(origin.x() + pixels.x() / scale, origin.y() + pixels.y() / scale,
                        pixels.width() / scale, pixels.height() / scale)
        painter = QPainter(image)
        painter.setRenderHints(self.hints)
        painter.setClipRect(pixels)
        self.scene.render(painter, QRectF(pixels), source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()

    def _render_tiles(self, keys: list[Key]) -> None:
        """Render missing tiles of one level with one pass over the scene (a long link
        crossing many tiles is drawn once, not once per tile), then cut the picture up."""
        level = keys[0][0]
        columns = [k[1] for k in keys]
        rows = [k[2] for k in keys]
        first = (level, min(columns), min(rows))
        width = (max(columns) - first[1] + 1) * TILE
        height = (max(rows) - first[2] + 1) * TILE
        picture = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        self._render(picture, level, self._tile_rect(first).topLeft(),
                     QRect(0, 0, width, height))
        for key in keys:
            cut = picture.copy((key[1] - first[1]) * TILE, (key[2] - first[2]) * TILE, TILE,
                               TILE)
            self._tiles[key] = _Tile(cut)
            self._tiles.move_to_end(key)

    def _tile(self, key: Key) -> QImage:
        """A tile, its changed parts rendered again first."""
        tile = self._tiles[key]
        self._tiles.move_to_end(key)
        dirty, tile.dirty = tile.dirty, []
        rect = self._tile_rect(key)
        scale = 2.0 ** -key[0]
        for area in dirty:  # whole pixels, so the scale stays exact
            left = max(0, math.floor((area.left() - rect.left()) * scale) - 1)
            top = max(0, math.floor((area.top() - rect.top()) * scale) - 1)
            right = min(TILE, math.ceil((area.right() - rect.left()) * scale) + 1)
            bottom = min(TILE, math.ceil((area.bottom() - rect.top()) * scale) + 1)
            if right > left and bottom > top:
                self._render(tile.image, key[0], rect.topLeft(),
                             QRect(left, top, right - left, bottom - top))
        return tile.image

    def paint(self, painter: QPainter, level: int, transform: QTransform,
              exposed: QRegion) -> None:
        """Paint the exposed part of the viewport (``transform``: scene to viewport)."""
        self._connect()
        origin = self.scene.sceneRect().topLeft()
        if origin != self._origin:
            self._origin = origin
            self.clear()
        box = exposed.boundingRect()
        painter.fillRect(box, self.scene.backgroundBrush())
        inverse, _ok = transform.inverted()
        area = inverse.mapRect(QRectF(box)).intersected(self.scene.sceneRect())
        if area.isEmpty():
            return
        keys = self._keys(level, area)
        missing = [key for key in keys if key not in self._tiles]
        if missing:
            self._render_tiles(missing)
        while len(self._tiles) > max(MAX_TILES, len(keys)):
            self._tiles.popitem(last=False)
        painter.save()
        painter.setClipRegion(exposed)
        painter.setTransform(transform)
        smooth = not math.isclose(transform.m11(), 2.0 ** -level)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        for key in keys:
            painter.drawImage(self._tile_rect(key), self._tile(key))
        painter.restore()
