"""Pause Python's cycle collector while a large map is read or built.

Opening a map of thousands of touchpoints makes hundreds of thousands of objects (models,
scene items, their texts) in one go. The collector would walk all of them again and again
while they are made (a third of the time to open 10,000 touchpoints), although none of them
is garbage. Paused, then frozen, they are left out of its later rounds too, so no pause of a
few hundred milliseconds hits the user in the middle of a drag.

Only the two blocks below freeze objects, so they know whether long-lived objects are being
kept frozen without asking ``gc.get_freeze_count()``, which counts every frozen object (tens
of milliseconds per call in the app, and it made every parse of a test run slower than the
last).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_holding = False  # building() froze the objects of a map, and keeps them frozen


@contextmanager
def building() -> Iterator[None]:
    """No collection while the block runs; what exists after it is kept out of later ones."""
    global _holding
    enabled = gc.isenabled()
    # What an earlier block froze may be garbage by now (a map that was closed).
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _holding = True
        if enabled:
            gc.enable()


@contextmanager
def parsing() -> Iterator[None]:
    """No collection while a file is parsed; afterwards what it made is filed with the
    long-lived objects and collection is switched back on (if it was on).

    Parsing makes no reference cycles, and reference counting still frees everything else at
    once. Switching collection back on alone would only move the work to the first
    allocations after the parse (the young generation then holds every new object), so the
    new objects are filed as they are, which only splices lists: ``gc.freeze()`` then
    ``gc.unfreeze()`` moves them to the oldest generation; while a map's objects are kept
    frozen (``building``) they are frozen with them instead, and none of those is unfrozen.
    A caller that switched collection off keeps it off and decides itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            if not _holding:
                gc.unfreeze()
            gc.enable()


def collect_garbage() -> int:
    """Collect every unreachable object, the frozen ones too, and keep the rest as it was.

    A scene torn down with its view (a closed window, each run of the benchmark) leaves
    reference cycles behind (items hold their scene's methods); once frozen, no collection
    would ever see them. A full collection takes about a quarter of a second at 10,000
    touchpoints: for teardowns, never on the way to a frame. Returns how many were found."""
    gc.unfreeze()
    try:
        return gc.collect()
    finally:
        if _holding:
            gc.freeze()
