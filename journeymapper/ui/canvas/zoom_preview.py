"""While the user zooms, the view shows its last sharp frame scaled, and draws the map again
once the zoom rests.

Drawing every card and link at a new scale costs tens of milliseconds on a large map; a wheel
sends a step every few. Scaling a picture of the frame costs a few, so each step shows at once
(as map viewers do), and the sharp frame follows when no step came for ``SETTLE_MS``. A click,
a key or an edit ends the preview at once, so nothing is ever done on a stale picture.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsView

SETTLE_MS = 150


class ZoomPreview(QObject):
    """The scaled picture a view paints between zoom steps."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self._picture: QPixmap | None = None
        self._taken_at = QTransform()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.end)

    def active(self) -> bool:
        """True while the view shows the scaled picture."""
        return self._picture is not None

    def begin(self) -> None:
        """Call before the view's scale changes: keeps (or goes on using) the current frame,
        and waits for the zoom to rest again."""
        view = self._view
        if self._picture is None:
            if not view.isVisible() or view.viewport().size().isEmpty():
                return
            # The frame on screen, drawn again from the items' caches at the current scale.
            self._picture = view.viewport().grab()
            self._taken_at = QTransform(view.viewportTransform())
        self._timer.start()

    def end(self) -> None:
        """Back to drawing the map itself (now, if the picture is on screen)."""
        self._timer.stop()
        if self._picture is not None:
            self._picture = None
            self._view.viewport().update()

    def paint(self, painter: QPainter, exposed: QRect) -> bool:
        """Paint the scaled picture over ``exposed``; False when there is none to paint."""
        if self._picture is None:
            return False
        view = self._view
        painter.fillRect(exposed, view.backgroundBrush() if view.scene() is None
                         else view.scene().backgroundBrush())
        inverse, ok = self._taken_at.inverted()
        if not ok:
            return False
        # Old viewport -> map -> new viewport.
        painter.setTransform(inverse * view.viewportTransform())
        painter.drawPixmap(0, 0, self._picture)
        return True
