"""Loops of the journey: strongly connected components, cycles, and loops with no way out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymapper.analysis.graph import JourneyGraph

MAX_CYCLES = 20


def strongly_connected(targets: Sequence[Sequence[int]]) -> list[list[int]]:
    """Strongly connected components of a graph given as successor lists.

    Components come in reverse topological order: every link between two components goes
    from a later one in the list to an earlier one (a property of Tarjan's algorithm that the
    funnel relies on).
    """
    # Tarjan's algorithm, iterative so that a long chain of touchpoints cannot hit the
    # recursion limit; on lists it is several times faster than networkx's on a DiGraph.
    n = len(targets)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(targets[root]))]
        while work:
            v, successors = work[-1]
            for w in successors:
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(targets[w])))
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[v] < low[parent]:
                        low[parent] = low[v]
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = False
                        comp.append(w)
                        if w == v:
                            break
                    found.append(comp)
    return found


def cycles(graph: JourneyGraph, components: Sequence[Sequence[int]],
           limit: int = MAX_CYCLES) -> tuple[list[list[int]], bool]:
    """Up to ``limit`` loops of the journey (as node lists), and whether there are more.

    Only components with more than one touchpoint can hold a loop (a link never points to its
    own source), so networkx's ``simple_cycles`` only sees those: on a loop-free journey it is
    not called at all. Each loop starts at its touchpoint first in the project; loops are
    listed shortest first.
    """
    import networkx as nx

    looped = {n for comp in components if len(comp) > 1 for n in comp}
    if not looped:
        return [], False
    sub = nx.DiGraph()
    sub.add_nodes_from(sorted(looped))
    sub.add_edges_from((a, b) for a in sorted(looped) for b in graph.targets[a] if b in looped)
    found = list(itertools.islice(nx.simple_cycles(sub), limit + 1))
    result = []
    for loop in found[:limit]:
        first = loop.index(min(loop))
        result.append(loop[first:] + loop[:first])
    result.sort(key=lambda loop: (len(loop), loop))
    return result, len(found) > limit


def is_closed(graph: JourneyGraph, loop: Sequence[int]) -> bool:
    """True when customers on the loop can neither stop nor leave it: they go round forever."""
    members = set(loop)
    for node in loop:
        if any(nxt not in members for nxt in graph.targets[node]):
            return False
        if graph.stopping(node) > 1e-9:
            return False
    return True
