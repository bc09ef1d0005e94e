"""The collector paused while maps are read and built, and what it still collects."""

from __future__ import annotations

import gc
import subprocess
import sys

from journeymapper.gc_pause import building


def test_building_pauses_the_collector_and_restores_it():
    assert gc.isenabled()
    with building():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    gc.disable()
    try:
        with building():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


# In a fresh interpreter: collecting everything the test run has frozen so far would also
# free Qt objects of earlier tests in whatever order, which PySide does not survive.
COLLECTING = """
import gc, weakref
from journeymapper.gc_pause import building, collect_garbage

class Node:
    pass

with building():
    kept = [[i] for i in range(100)]
    cycle = Node()
    cycle.me = cycle
    gone = weakref.ref(cycle)
    del cycle
assert gone() is not None  # frozen: no collection sees it
gc.collect()
assert gone() is not None
assert collect_garbage() >= 1
assert gone() is None
# The living stay frozen: out of the generations the collector walks.
assert not any(obj is kept for obj in gc.get_objects())
print("ok")
"""


def test_collecting_garbage_frees_frozen_cycles_and_keeps_the_rest_frozen():
    done = subprocess.run([sys.executable, "-c", COLLECTING], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
