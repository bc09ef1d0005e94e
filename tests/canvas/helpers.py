"""Sample maps and mouse helpers for canvas tests (events go to the view's viewport)."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from journeymapper import io
from journeymapper.model import Channel, Link, Note, Persona, Project, Touchpoint, new_project
from journeymapper.ui.canvas import MapScene, MapView

NO_MODS = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def sample_project() -> Project:
    """Five stages, six lanes, two personas, cards in several cells, links and a note."""
    p = new_project("Sample")
    p.personas = [Persona(id="anna", name="Anna", color="#e45756"),
                  Persona(id="ben", name="Ben", color="#4c78a8")]
    s = [st.id for st in p.stages]
    ln = [lane.id for lane in p.lanes]
    spots = [(0, 0, 14, 14), (0, 0, 14, 128), (1, 0, 14, 14), (2, 0, 14, 14), (3, 0, 14, 14),
             (1, 1, 14, 14), (2, 3, 14, 14)]
    p.touchpoints = [
        Touchpoint(id=f"tp{i}", name=f"Card {i}", stage_id=s[a], lane_id=ln[b], x=x, y=y,
                   channel=list(Channel)[i], emotion=(i % 5) - 2,
                   persona_ids=["anna"] if i % 2 else [], scores={"reach": i % 6},
                   deadline=dt.date(2020, 1, 1) if i == 3 else None)
        for i, (a, b, x, y) in enumerate(spots)]
    p.links = [Link(id="l1", source_id="tp0", target_id="tp2"),
               Link(id="l2", source_id="tp2", target_id="tp3", persona_id="anna", share=0.5)]
    p.notes = [Note(id="n1", text="Queue at lunch", stage_id=s[2], lane_id=ln[3], x=14, y=130)]
    return p


def dump(doc: object) -> bytes:
    """The document's project as file bytes."""
    return io.dumps(doc.project)  # type: ignore[attr-defined]


def captions_placed(scene: MapScene, timeout_s: float = 20.0) -> None:
    """Run the event loop until every link caption is placed, as the user then sees them:
    the board places them for a few milliseconds per turn, so a slow turn (a loaded machine,
    a garbage collection) leaves some for the next."""
    board = scene.link_layer.captions.board
    ends = time.monotonic() + timeout_s
    while board.waiting():
        assert time.monotonic() < ends, f"{board.waiting()} captions still waiting"
        QApplication.processEvents()


def vp(view: MapView, x: float, y: float) -> QPoint:
    """Viewport position of a map point."""
    return view.mapFromScene(QPointF(x, y))


def send_mouse(view: MapView, kind: QMouseEvent.Type, pos: QPoint,
               button: Qt.MouseButton = LEFT, buttons: Qt.MouseButton = LEFT,
               mods: Qt.KeyboardModifier = NO_MODS) -> None:
    """One mouse event to the viewport."""
    viewport = view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button,
                        buttons, mods)
    QApplication.sendEvent(viewport, event)


def drag(view: MapView, start: QPoint, end: QPoint, mods: Qt.KeyboardModifier = NO_MODS,
         button: Qt.MouseButton = LEFT, steps: int = 5) -> None:
    """Press at ``start``, move in steps to ``end`` and release there."""
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start, button, button, mods)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        send_mouse(view, QMouseEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button, mods)
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, end, button,
               Qt.MouseButton.NoButton, mods)


def click(view: MapView, pos: QPoint, mods: Qt.KeyboardModifier = NO_MODS) -> None:
    """Press and release without moving."""
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, pos, LEFT, LEFT, mods)
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, pos, LEFT, Qt.MouseButton.NoButton,
               mods)


def double_click(view: MapView, pos: QPoint) -> None:
    """A double click as Qt delivers it: press, release, double-click, release."""
    click(view, pos)
    send_mouse(view, QMouseEvent.Type.MouseButtonDblClick, pos)
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, pos, LEFT, Qt.MouseButton.NoButton)


def color_near(image: QImage, x: int, y: int, wanted: QColor, reach: int = 3) -> bool:
    """True when a pixel within ``reach`` of (x, y) has about the ``wanted`` colour."""
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = image.pixelColor(x + dx, y + dy)
            if (abs(c.red() - wanted.red()) + abs(c.green() - wanted.green())
                    + abs(c.blue() - wanted.blue())) < 40:
                return True
    return False


class Repaints(QObject):
    """The regions a view's viewport repaints, in map coordinates."""

    def __init__(self, view: MapView) -> None:
        super().__init__()
        self.view = view
        self.rects: list[QRectF] = []
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects += [self.view.mapToScene(r).boundingRect() for r in event.region()]
        return False

    def close(self) -> None:
        """Stop watching."""
        self.view.viewport().removeEventFilter(self)
