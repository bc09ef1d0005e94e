"""The funnel: the expected share of customers reaching each touchpoint and each stage.

The model:

1. One unit of customers (1.0) starts, spread equally over the journey's entries.
2. At each touchpoint, customers go on along its links with the probabilities of
   ``flow.assign_probabilities``; the rest stop there.
3. A customer is counted once per touchpoint and once per stage. Loops would count them again,
   so links are split into *forward* links and *returns*. The touchpoints are put in a line:
   first by the topological order of the graph's condensation (its strongly connected
   components, i.e. its loops, each collapsed to one point; earlier stages first where the
   order is free), then inside a loop by stage and by place in the project. A link to a later
   touchpoint in that line is forward; a link to an earlier one is a *return*: those
   customers go back to a step already counted and are counted as ``returned``, not again.
   On a journey without loops every link is forward.

Sum rules that always hold (and are tested):

- ``reached[t] == started[t] + sum of link_flow over forward links into t``;
- ``left[t] == sum of link_flow over every link out of t`` (forward and returns);
- ``stopped[t] == reached[t] - left[t]`` and is never negative;
- ``sum(stopped) + returned == sum(started) == 1`` (0 for an empty journey).

A stage's share is the chance that a customer visits at least one of its touchpoints, so it
stays within 0..1 even when a stage holds many touchpoints in a row. It need not fall from one
stage to the next: customers may enter the journey in any stage.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    import networkx as nx


@dataclass(frozen=True)
class Funnel:
    """Expected shares of customers, per stage, per touchpoint and per link."""

    stages: dict[str, float]
    started: dict[str, float]
    reached: dict[str, float]
    left: dict[str, float]
    stopped: dict[str, float]
    link_flow: dict[str, float]
    returns: frozenset[str]
    returned: float

    def to_json(self) -> dict[str, Any]:
        """Stage shares in stage order, per-touchpoint and per-link flows, returns."""
        return {
            "stages": [{"stage_id": sid, "share": _r(share)} for sid, share in self.stages.items()],
            "touchpoints": [
                {"touchpoint_id": tid, "started": _r(self.started.get(tid, 0.0)),
                 "reached": _r(reached), "left": _r(self.left[tid]),
                 "stopped": _r(self.stopped[tid])}
                for tid, reached in self.reached.items()],
            "links": [{"link_id": lid, "flow": _r(flow), "returns": lid in self.returns}
                      for lid, flow in self.link_flow.items()],
            "returned": _r(self.returned),
        }


def _r(value: float) -> float:
    return round(value, 9)


def journey_line(graph: nx.DiGraph, components: Iterable[set[str]] | None = None) -> list[str]:
    """The touchpoints in the line that decides forward links from returns (see module doc).

    ``components`` are the graph's strongly connected components, if already known.
    """
    import networkx as nx

    if components is None:
        components = nx.strongly_connected_components(graph)
    nodes = graph.nodes
    comps = [sorted(c, key=lambda n: (nodes[n]["stage"], nodes[n]["order"]))
             for c in components]
    comp_of = {n: i for i, comp in enumerate(comps) for n in comp}
    later: list[set[int]] = [set() for _ in comps]
    waiting = [0] * len(comps)
    for u, v in graph.edges:
        cu, cv = comp_of[u], comp_of[v]
        if cu != cv and cv not in later[cu]:
            later[cu].add(cv)
            waiting[cv] += 1
    # Kahn's algorithm; among the components free to go next, the earliest stage goes first,
    # which keeps the line close to the map's left-to-right reading order.
    def key(i: int) -> tuple[int, int, int]:
        head = nodes[comps[i][0]]
        return head["stage"], head["order"], i

    ready = [key(i) for i in range(len(comps)) if waiting[i] == 0]
    heapq.heapify(ready)
    line: list[str] = []
    while ready:
        i = heapq.heappop(ready)[2]
        line.extend(comps[i])
        for j in later[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(ready, key(j))
    return line


def funnel(graph: nx.DiGraph, starts: Sequence[str], stage_ids: Sequence[str],
           components: Iterable[set[str]] | None = None) -> Funnel:
    """Propagate customers from ``starts`` along the links (``p`` must be assigned).

    ``stage_ids`` are all the project's stages in order; a stage the journey never touches
    gets 0. ``components`` are the strongly connected components, if already known.
    """
    line = journey_line(graph, components)
    index = {n: i for i, n in enumerate(line)}
    start_share = 1.0 / len(starts) if starts else 0.0
    started = {n: start_share for n in starts}
    stage_of = [graph.nodes[n]["stage"] for n in line]
    # Forward links per position as (target position, probability): the inner loops below
    # run once per stage, so they work on plain lists rather than on the graph.
    forward: list[list[tuple[int, float]]] = [[] for _ in line]
    reached = [0.0] * len(line)
    for n in starts:
        reached[index[n]] = start_share
    left = [0.0] * len(line)
    link_flow: dict[str, float] = {}
    returns: set[str] = set()
    returned = 0.0
    succ = graph.succ
    for i, node in enumerate(line):
        here = reached[i]
        for nxt, attrs in succ[node].items():
            j, p = index[nxt], attrs["p"]
            flow = here * p
            link_flow[attrs["link_id"]] = flow
            left[i] += flow
            if j > i:
                forward[i].append((j, p))
                reached[j] += flow
            else:
                returns.add(attrs["link_id"])
                returned += flow
    stage_share = {sid: 0.0 for sid in stage_ids}
    for position in sorted(set(stage_of)):
        stage_share[stage_ids[position]] = min(1.0, _first_visits(
            [started.get(n, 0.0) for n in line], stage_of, forward, position))
    in_project_order = [(n, index[n]) for n in graph]
    return Funnel(
        stages=stage_share,
        started=started,
        reached={n: reached[i] for n, i in in_project_order},
        left={n: left[i] for n, i in in_project_order},
        stopped={n: max(0.0, reached[i] - left[i]) for n, i in in_project_order},
        link_flow=link_flow,
        returns=frozenset(returns),
        returned=returned,
    )


def _first_visits(mass: list[float], stage_of: list[int],
                  forward: list[list[tuple[int, float]]], stage: int) -> float:
    # Customers are absorbed (counted) the first time they enter the stage and propagate no
    # further, so nobody is counted twice however many of its touchpoints they pass.
    total = 0.0
    for i, here in enumerate(mass):
        if not here:
            continue
        if stage_of[i] == stage:
            total += here
            continue
        for j, p in forward[i]:
            mass[j] += here * p
    return total
