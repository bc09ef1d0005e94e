"""A probe for ``journeymapper bench``: report the first painted frame of the map, then quit.

When ``JOURNEYMAPPER_BENCH_FIRST_PAINT`` is set, ``journeymapper.app.main.run`` calls
:func:`install`. Once the map view has painted its first frame (the window is on screen with
its map), the app prints one line ``first-paint-ms <milliseconds>`` to stdout and exits at once
with status 0, without closing the window (no settings, autosave or recent files are written).

The milliseconds count from the moment given in the variable's value, a ``time.perf_counter()``
reading taken by the parent just before it started this process (one system-wide monotonic
clock on Linux, macOS and Windows); with any other value (``1``) they count from when the
probe was installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "JOURNEYMAPPER_BENCH_FIRST_PAINT"


def start_time(value: str) -> float:
    """The ``perf_counter`` moment to count from: the variable's value, or now."""
    try:
        start = float(value)
    except ValueError:
        return time.perf_counter()
    return start if 0 < start <= time.perf_counter() else time.perf_counter()


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
    probe = _FirstPaint(start_time(os.environ.get(ENV, "")))
    probe.setParent(widget)
    widget.installEventFilter(probe)
