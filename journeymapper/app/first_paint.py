"""A probe for ``journeymapper bench``: report the first painted frame of the map, then quit.

When ``JOURNEYMAPPER_BENCH_FIRST_PAINT`` is set (to anything), ``journeymapper.app.main.run``
calls :func:`install`. Once the map view has painted its first frame (the window is on screen
with its map), the app prints one line ``first-paint-ms <milliseconds>`` to stdout and exits at
once with status 0 (``os._exit``: the window is not closed, nothing is saved on the way out and
the lock file beside an opened map stays behind, so the benchmark opens a copy and gives the
app a settings folder of its own).

The milliseconds count from ``JOURNEYMAPPER_BENCH_T0``, a ``time.perf_counter()`` reading taken
by the parent just before it started this process (one system-wide monotonic clock on Linux,
macOS and Windows), or, without it, from when the probe was installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "JOURNEYMAPPER_BENCH_FIRST_PAINT"
START_ENV = "JOURNEYMAPPER_BENCH_T0"


def start_time() -> float:
    """The ``perf_counter`` moment to count from: the parent's, or now."""
    now = time.perf_counter()
    try:
        start = float(os.environ.get(START_ENV, ""))
    except ValueError:
        return now
    return start if 0 < start <= now else now


class _FirstPaint(QObject):
    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            # The frame is on screen once the paint that is starting now has been flushed.
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        elapsed = (time.perf_counter() - self.start) * 1000
        sys.stdout.write(f"first-paint-ms {elapsed:.2f}\n")
        sys.stdout.flush()
        os._exit(0)


def install(widget: QWidget) -> None:
    """Watch ``widget`` (the map's viewport); its first paint prints the time and exits."""
    probe = _FirstPaint(start_time())
    probe.setParent(widget)
    widget.installEventFilter(probe)
