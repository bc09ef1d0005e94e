"""Pause Python's cycle collector while a large map is built.

Opening a map of thousands of touchpoints makes hundreds of thousands of objects (models,
scene items, their texts) in one go. The collector would walk all of them again and again
while they are made (a third of the time to open 10,000 touchpoints), although none of them
is garbage. Paused, then frozen, they are left out of its later rounds too, so no pause of a
few hundred milliseconds hits the user in the middle of a drag.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building() -> Iterator[None]:
    """No collection while the block runs; what exists after it is kept out of later ones."""
    enabled = gc.isenabled()
    # What an earlier block froze may be garbage by now (a map that was closed).
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
