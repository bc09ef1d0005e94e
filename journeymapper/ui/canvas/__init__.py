"""The map canvas: a QGraphicsScene mirroring the document, and a view that edits it."""

from journeymapper.ui.canvas.scene import MapScene
from journeymapper.ui.canvas.view import MapView

__all__ = ["MapScene", "MapView"]
