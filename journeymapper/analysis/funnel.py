"""The funnel: the expected share of customers reaching each touchpoint and each stage.

The model:

1. One unit of customers (1.0) starts, spread equally over the journey's entries.
2. At each touchpoint, customers go on along its links with the probabilities of
   ``flow.split_shares``; the rest stop there.
3. A customer is counted once per touchpoint and once per stage. Loops would count them again,
   so links are split into *forward* links and *returns*. The touchpoints are put in a line:
   first by the topological order of the graph's condensation (its strongly connected
   components, i.e. its loops, each collapsed to one point), then inside a loop by stage and
   by place in the project. A link to a later touchpoint in that line is forward; a link to
   an earlier one is a *return*: those customers go back to a step already counted and are
   counted as ``returned``, not again. On a journey without loops every link is forward.

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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journeymapper.analysis.graph import JourneyGraph


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


def journey_line(graph: JourneyGraph, components: Sequence[Sequence[int]]) -> list[int]:
    """The nodes in the line that decides forward links from returns (see module doc).

    ``components`` must come in reverse topological order, as ``loops.strongly_connected``
    gives them. Any topological order of the components gives the same funnel: a link between
    two components is forward in all of them.
    """
    line: list[int] = []
    stage = graph.stage
    for comp in reversed(components):
        if len(comp) == 1:
            line.append(comp[0])
        else:
            line.extend(sorted(comp, key=lambda n: (stage[n], n)))
    return line


def compute_funnel(graph: JourneyGraph, starts: Sequence[int], stage_ids: Sequence[str],
                   components: Sequence[Sequence[int]]) -> Funnel:
    """Propagate customers from ``starts`` along the links of the journey.

    ``stage_ids`` are all the project's stages in order (a stage the journey never touches
    gets 0); ``components`` are the graph's strongly connected components in reverse
    topological order.
    """
    n = len(graph.ids)
    line = journey_line(graph, components)
    place = [0] * n
    for k, node in enumerate(line):
        place[node] = k
    stage = graph.stage
    start_share = 1.0 / len(starts) if starts else 0.0
    started = [0.0] * n
    for node in starts:
        started[node] = start_share
    reached = list(started)
    left = [0.0] * n
    forward: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    link_flow: dict[str, float] = {}
    returns: list[str] = []
    returned = 0.0
    # First entries into each stage, counted where a forward link crosses into it. That is
    # exact for a stage customers cannot come back to; stages a forward link can lead back to
    # are marked and counted by a full pass instead (see _first_visits).
    entering = [0.0] * len(stage_ids)
    revisited = [False] * len(stage_ids)
    for node in starts:
        entering[stage[node]] += start_share
    targets, link_ids, probabilities = graph.targets, graph.link_ids, graph.p
    for node in line:
        outs = targets[node]
        if not outs:
            continue
        here, at, here_stage, ahead = reached[node], place[node], stage[node], forward[node]
        out = 0.0
        for nxt, lid, p in zip(outs, link_ids[node], probabilities[node], strict=True):
            flow = here * p
            link_flow[lid] = flow
            out += flow
            if place[nxt] > at:
                ahead.append((nxt, p))
                reached[nxt] += flow
                there = stage[nxt]
                if there != here_stage:
                    entering[there] += flow
                    if there < here_stage:
                        for s in range(there, here_stage + 1):
                            revisited[s] = True
            else:
                returns.append(lid)
                returned += flow
        left[node] = out
    last = {stage[node]: k for k, node in enumerate(line)}
    shares = {}
    for s, sid in enumerate(stage_ids):
        if s not in last:
            share = 0.0
        elif revisited[s]:
            share = _first_visits(line[:last[s] + 1], started, stage, forward, s)
        else:
            share = entering[s]
        shares[sid] = min(1.0, share)
    ids = graph.ids
    stopped = [max(0.0, r - out) for r, out in zip(reached, left, strict=True)]
    return Funnel(
        stages=shares,
        started={ids[i]: started[i] for i in starts},
        reached=dict(zip(ids, reached, strict=True)),
        left=dict(zip(ids, left, strict=True)),
        stopped=dict(zip(ids, stopped, strict=True)),
        link_flow=link_flow,
        returns=frozenset(returns),
        returned=returned,
    )


def _first_visits(line: list[int], started: list[float], stage: Sequence[int],
                  forward: list[list[tuple[int, float]]], target: int) -> float:
    # Customers are absorbed (counted) the first time they enter the stage and propagate no
    # further, so nobody is counted twice however often they come back to it. The caller cuts
    # the line after the stage's last touchpoint: nothing past it can flow back into it.
    mass = list(started)
    total = 0.0
    for node in line:
        here = mass[node]
        if not here:
            continue
        if stage[node] == target:
            total += here
            continue
        for nxt, p in forward[node]:
            mass[nxt] += here * p
    return total
