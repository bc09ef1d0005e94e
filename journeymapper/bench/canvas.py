"""Canvas measurements, in-process: open to first paint, frames while panning and zooming,
and the latency of dragging cards. Needs a QApplication (offscreen without a display).

A frame is a full repaint of a 1600 x 1000 viewport (the worst case of a pan: Qt usually
scrolls the old pixels and paints only the uncovered strip). Latency is from sending a mouse
event to the viewport until the view has painted what changed, everything on the way included
(gesture, scene updates, index, paint).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.bench.timing import Result, Stopwatch, median_ms, medians
from journeymapper.gc_pause import collect_garbage
from journeymapper.io import load, save

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from journeymapper.ui.canvas import MapScene, MapView

VIEW_SIZE = (1600, 1000)
TODAY = dt.date(2026, 11, 23)
PAINT_TIMEOUT_S = 120.0
FRAME_GOAL_MS = 16.0
_app: QApplication | None = None


def application() -> QApplication:
    """The QApplication (made offscreen when there is no display), with the map's fonts."""
    global _app
    from PySide6.QtWidgets import QApplication

    from journeymapper.ui.canvas.style import load_fonts

    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["journeymapper-bench"])
    _app = app  # type: ignore[assignment]
    load_fonts()
    return app  # type: ignore[return-value]


class PaintWatch:
    """Counts paint events of a widget (the view's viewport)."""

    def __init__(self, widget: QWidget) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            count = 0

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == paint:
                    self.count += 1
                return False

        self.widget = widget
        self.filter = Filter()
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        """Paint events seen so far."""
        return self.filter.count

    def wait(self, since: int) -> bool:
        """Process events until a paint after ``since`` has been handled (False on timeout)."""
        app = application()
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        while self.filter.count <= since:
            app.processEvents()
            if time.perf_counter() > deadline:
                return False
        return True

    def close(self) -> None:
        """Stop watching."""
        self.widget.removeEventFilter(self.filter)


def captions_placed(scene: MapScene) -> tuple[float, float]:
    """Run the event loop until every link caption is placed (a big map places them over
    several turns, after it has painted); the (wall, CPU) ms that took."""
    app = application()
    board = scene.link_layer.captions.board
    stopwatch = Stopwatch()
    while board.waiting():
        app.processEvents()
    return stopwatch.read()


@contextmanager
def opened(path: Path) -> Iterator[tuple[MapScene, MapView, tuple[float, float],
                                         tuple[float, float]]]:
    """Load a file and show its map fitted in a view; yields scene, view, the (wall, CPU)
    milliseconds from reading the file to the first painted frame, and those from then until
    every caption was placed. Everything is torn down afterwards."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from journeymapper.document import Document
    from journeymapper.ui.canvas import MapScene, MapView

    app = application()
    watch_time = Stopwatch()
    doc = Document(load(path), path)
    scene = MapScene(doc, today=TODAY)
    view = MapView(scene)
    view.resize(*VIEW_SIZE)
    watch = PaintWatch(view.viewport())
    view.show()
    view.fit_to_window()
    painted = watch.wait(0)
    elapsed = watch_time.read()
    if not painted:
        raise RuntimeError("the view never painted")
    captions = captions_placed(scene)  # before anything else is timed
    try:
        yield scene, view, elapsed, captions
    finally:
        watch.close()
        view.close()
        view.setScene(None)
        view.deleteLater()
        scene.deleteLater()
        doc.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        # The scene's reference cycles stay frozen otherwise, and each run would start with
        # the maps of all the runs before it still in memory.
        collect_garbage()


@contextmanager
def project_file(size: int, links: str = "journey") -> Iterator[Path]:
    """A saved synthetic project of ``size`` touchpoints."""
    with tempfile.TemporaryDirectory(prefix="journeymapper-bench-") as folder:
        path = Path(folder) / f"synthetic-{size}.json"
        save(synthetic_project(size, links=links), path, backup=False)
        yield path


def measure_open(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """Open a file of N touchpoints to the first painted map, against json.loads of it; and
    the placing of its captions that follows."""
    application()
    with project_file(size, links) as path:
        samples, placing = [], []
        for i in range(repeat + 1):
            with opened(path) as (_scene, _view, elapsed, captions):
                if i:
                    samples.append(elapsed)
                    placing.append(captions)
        raw = path.read_bytes()
        floor = median_ms(lambda: json.loads(raw), repeat)
    timing, captions = medians(samples), medians(placing)
    return [Result("open to first paint (load + scene + view)", size, timing.wall_ms, floor,
                   goal_ms=1500 if size <= 10_000 else None, cpu_ms=timing.cpu_ms),
            Result("open: captions placed after the first paint", size, captions.wall_ms,
                   cpu_ms=captions.cpu_ms)]


def _frame(view: MapView) -> tuple[float, float]:
    """One full repaint of the viewport: (wall, CPU) ms."""
    watch = Stopwatch()
    view.viewport().repaint()
    return watch.read()


def _positions(view: MapView, count: int) -> list[tuple[int, int]]:
    """Scroll positions spread over the map (a diagonal, then the corners)."""
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    spots = [(i / max(count - 1, 1), ((i * 7) % count) / max(count - 1, 1))
             for i in range(count)]
    return [(round(h.minimum() + fx * (h.maximum() - h.minimum())),
             round(v.minimum() + fy * (v.maximum() - v.minimum()))) for fx, fy in spots]


def _frames_at(view: MapView, zoom: float | None, repeat: int,
               positions: int = 6) -> tuple[tuple[float, float], float]:
    """Median frame at a zoom (None: fit all) over several scroll positions, and the median
    floor: QPainter alone drawing the same cards as rectangles (with names when readable)."""
    if zoom is None:
        view.fit_to_window()
        spots = [(view.horizontalScrollBar().value(), view.verticalScrollBar().value())]
    else:
        view.set_zoom(zoom)
        view.zoom_preview.end()  # repaints of the map itself, not of the zoom's preview
        spots = _positions(view, positions)
    frames: list[tuple[float, float]] = []
    floors: list[float] = []
    for i in range(repeat + 1):
        for x, y in spots:
            view.horizontalScrollBar().setValue(x)
            view.verticalScrollBar().setValue(y)
            application().processEvents()
            frame = _frame(view)
            floor = _painter_floor(view)
            if i:  # the first round warms caches (text layout, the overview picture)
                frames.append(frame)
                floors.append(floor)
    timing = medians(frames)
    return (timing.wall_ms, timing.cpu_ms), statistics.median(floors)


def _painter_floor(view: MapView) -> float:
    """QPainter drawing the visible cards as rectangles into a viewport-sized image."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from journeymapper.ui.canvas.style import font

    scene = view.map_scene
    layout = scene.map_layout()
    names = {tp.id: tp.name for tp in scene.document.project.touchpoints}
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    left, top, right, bottom = visible.left(), visible.top(), visible.right(), visible.bottom()
    size = view.viewport().size()
    start = time.perf_counter()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#e9ebee"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(view.viewportTransform())
    painter.setFont(font(16, bold=True))
    readable = view.zoom() >= 0.3
    painter.setBrush(QColor("#ffffff"))
    for tp_id, r in layout.cards.items():
        if r.x > right or r.x + r.w < left or r.y > bottom or r.y + r.h < top:
            continue
        painter.drawRect(QRectF(r.x, r.y, r.w, r.h))
        if readable:
            painter.drawText(QRectF(r.x + 8, r.y + 8, r.w - 16, 24), names[tp_id])
    painter.end()
    return (time.perf_counter() - start) * 1000


def _steps(view: MapView, zoom: float, repeat: int, step: Callable[[int], bool],
           steps: int = 6) -> tuple[float, float] | None:
    """Median (wall, CPU) ms from a pan or zoom step to its painted frame, at ``zoom`` in the
    middle of the map; the steps go back and forth. ``step(n)`` says whether it changed the
    view; None when no step could (the whole map is in view: nothing to pan)."""
    view.set_zoom(zoom)
    view.zoom_preview.end()  # each measured step starts from the map itself
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    h.setValue((h.minimum() + h.maximum()) // 2)
    v.setValue((v.minimum() + v.maximum()) // 2)
    application().processEvents()
    watch = PaintWatch(view.viewport())
    samples = []
    for i in range(repeat + 1):
        for n in range(steps):
            seen = watch.count
            stopwatch = Stopwatch()
            if not step(n):
                continue
            watch.wait(seen)
            if i:
                samples.append(stopwatch.read())
    watch.close()
    view.zoom_preview.end()  # the next measurement starts from the sharp map
    application().processEvents()
    if not samples:
        return None
    timing = medians(samples)
    return timing.wall_ms, timing.cpu_ms


def _sharp_after_zoom(view: MapView, zoom: float, repeat: int, steps: int = 6
                      ) -> tuple[float, float] | None:
    """Median (wall, CPU) ms of the sharp frame that follows a zoom step once the zoom rests
    (a step x1.25 in or back, then the scaled preview ends and the map is drawn again)."""
    from journeymapper.ui.canvas.view import ZOOM_STEP

    view.set_zoom(zoom)
    view.zoom_preview.end()
    application().processEvents()
    watch = PaintWatch(view.viewport())
    samples = []
    for i in range(repeat + 1):
        for n in range(steps):
            seen = watch.count
            view.set_zoom(zoom * ZOOM_STEP if n % 2 == 0 else zoom)
            watch.wait(seen)  # the scaled preview (or the overview's pictures)
            if not view.zoom_preview.active():
                continue
            seen = watch.count
            stopwatch = Stopwatch()
            view.zoom_preview.end()
            watch.wait(seen)
            if i:
                samples.append(stopwatch.read())
    watch.close()
    if not samples:
        return None
    timing = medians(samples)
    return timing.wall_ms, timing.cpu_ms


def _pan_step(view: MapView, n: int) -> bool:
    """Scroll a tenth of the view down and back up (sideways when it cannot)."""
    bar, page = view.verticalScrollBar(), view.viewport().height()
    if bar.maximum() - bar.minimum() < page // 10:
        bar, page = view.horizontalScrollBar(), view.viewport().width()
    before = bar.value()
    bar.setValue(before + (1 if n % 2 == 0 else -1) * page // 10)
    return bar.value() != before


def _zoom_step(view: MapView, zoom: float, n: int) -> bool:
    """Zoom one step in from ``zoom`` and back."""
    from journeymapper.ui.canvas.view import ZOOM_STEP

    before = view.zoom()
    view.set_zoom(zoom * ZOOM_STEP if n % 2 == 0 else zoom)
    return view.zoom() != before


def measure_frames(size: int, repeat: int, links: str = "journey") -> list[Result]:
    """Frames while panning and zooming: repaints at fit all, 25% and 100% (caches warm after
    the first round), then steps as a user makes them: a zoom step (x1.25, to and fro, so
    pictures kept of the last zoom do not help; the view shows its last sharp frame scaled),
    a pan step (a tenth of the view; Qt moves the pixels it has and paints the strip that
    comes into view), and the sharp frame drawn when a zoom rests."""
    application()
    goal = FRAME_GOAL_MS if size <= 10_000 else None
    results = []
    with project_file(size, links) as path, opened(path) as (_scene, view, _elapsed, _captions):
        for label, zoom in (("fit all", None), ("25%", 0.25), ("100%", 1.0)):
            (wall, cpu), floor = _frames_at(view, zoom, repeat)
            results.append(Result(f"frame, repaint at {label}", size, wall, floor,
                                  goal_ms=goal, cpu_ms=cpu))
        for label, zoom in (("25%", 0.25), ("100%", 1.0)):
            for what, step in (("zoom", partial(_zoom_step, view, zoom)),
                               ("pan", partial(_pan_step, view))):
                timing = _steps(view, zoom, repeat, step)
                if timing is not None:  # else all of the map is in view: nothing to pan
                    results.append(Result(f"frame, {what} step at {label}", size, timing[0],
                                          goal_ms=goal, cpu_ms=timing[1]))
            sharp = _sharp_after_zoom(view, zoom, repeat)
            if sharp is not None:
                results.append(Result(f"frame, sharp frame once a zoom at {label} rests", size,
                                      sharp[0], cpu_ms=sharp[1]))
    return results


def _send(view: MapView, kind: Any, pos: Any, button: Any, buttons: Any) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def _drag(view: MapView, watch: PaintWatch, card_id: str, steps: int,
          direction: int) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """Press on a card, move it ``steps`` times and drop it; the latency of each move (to the
    repaint) and of the drop."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    scene = view.map_scene
    card = scene.cards[card_id]
    start = view.mapFromScene(card.sceneBoundingRect().center())
    _send(view, QMouseEvent.Type.MouseButtonPress, start, left, left)
    # Past the drag distance: the gesture starts.
    pos = start + QPoint(direction * (QApplication.startDragDistance() + 2), 0)
    _send(view, QMouseEvent.Type.MouseMove, pos, none, left)
    watch.wait(watch.count - 1)
    application().processEvents()
    moves = []
    for _ in range(steps):
        pos = pos + QPoint(direction * 4, 1 if direction > 0 else -1)
        seen = watch.count
        stopwatch = Stopwatch()
        _send(view, QMouseEvent.Type.MouseMove, pos, none, left)
        watch.wait(seen)
        moves.append(stopwatch.read())
    seen = watch.count
    stopwatch = Stopwatch()
    _send(view, QMouseEvent.Type.MouseButtonRelease, pos, left, none)
    watch.wait(seen)
    drop = stopwatch.read()
    application().processEvents()
    return moves, drop


def measure_drag(size: int, repeat: int, links: str = "journey",
                 selection: int = 500) -> list[Result]:
    """Latency of dragging one card, and a selection of ``selection`` cards, at 100% zoom."""
    from journeymapper.document import Kind

    application()
    results = []
    with project_file(size, links) as path, opened(path) as (scene, view, _elapsed, _captions):
        view.reset_zoom()
        ids = [tp.id for tp in scene.document.project.touchpoints]
        card_id = ids[len(ids) // 2]
        group = min(selection, len(ids))
        for count in (1, group):
            if count == 1:
                picked = [card_id]
            else:
                middle = ids.index(card_id)
                first = max(0, min(middle - count // 2, len(ids) - count))
                picked = ids[first:first + count]
            scene.select([(Kind.TOUCHPOINT, i) for i in picked])
            view.centerOn(scene.cards[card_id])
            application().processEvents()
            watch = PaintWatch(view.viewport())
            moves: list[tuple[float, float]] = []
            drops: list[tuple[float, float]] = []
            placing: list[tuple[float, float]] = []
            for i in range(repeat + 1):
                step_moves, drop = _drag(view, watch, card_id, 10, 1 if i % 2 == 0 else -1)
                settled = captions_placed(scene)  # the next drag starts on a settled map
                if i:
                    moves.extend(step_moves)
                    drops.append(drop)
                    placing.append(settled)
            watch.close()
            what = "1 card" if count == 1 else f"{count} selected cards"
            move, drop, settled = medians(moves), medians(drops), medians(placing)
            results.append(Result(f"drag {what}: move to repaint", size, move.wall_ms,
                                  goal_ms=FRAME_GOAL_MS, cpu_ms=move.cpu_ms))
            results.append(Result(f"drag {what}: drop to repaint", size, drop.wall_ms,
                                  goal_ms=FRAME_GOAL_MS if count == 1 else None,
                                  cpu_ms=drop.cpu_ms))
            results.append(Result(f"drag {what}: captions placed after the drop", size,
                                  settled.wall_ms, cpu_ms=settled.cpu_ms))
    return results
