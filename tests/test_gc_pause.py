"""The collector paused while maps are read and built, and what it still collects."""

from __future__ import annotations

import gc
import weakref

from journeymapper.gc_pause import building, collect_garbage


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


def test_collecting_garbage_frees_frozen_cycles_and_keeps_the_rest_frozen():
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
