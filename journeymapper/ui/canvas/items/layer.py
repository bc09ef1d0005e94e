"""A layer: one item over the whole map that draws many things of one kind in one call."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem


class MapLayer(QGraphicsItem):
    """Covers the map but holds no shape, so clicks, hovers and rubber bands find the items
    under it, never the layer. ``paint`` gets the exposed area (extended style option)."""

    def __init__(self, z_value: float) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(z_value)

    def set_rect(self, rect: QRectF) -> None:
        """Cover this part of the map (the scene's rectangle)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()
