"""How customers move along links: link probabilities and the most likely path to purchase.

The probability model, per touchpoint:

- a link with a share sends that share of the touchpoint's customers along it;
- links without a share split what the shared links leave over, equally;
- what no link takes stops at the touchpoint (it is where those customers' journeys end);
- shares that add up to more than 1 are scaled down to add up to exactly 1 (the file allows
  any share per link, so the analysis has to cope), and links without a share then get 0.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Collection

    import networkx as nx


def assign_probabilities(graph: nx.DiGraph) -> dict[str, float]:
    """Set ``p`` on every link of the graph; return the share that stops at each touchpoint."""
    stops: dict[str, float] = {}
    for node, out in graph.adj.items():
        shared = 0.0
        unshared = 0
        for attrs in out.values():
            if attrs["share"] is None:
                unshared += 1
            else:
                shared += attrs["share"]
        scale = 1.0 / shared if shared > 1.0 else 1.0
        rest = (1.0 - shared) / unshared if unshared and shared < 1.0 else 0.0
        total = 0.0
        for attrs in out.values():
            p = rest if attrs["share"] is None else attrs["share"] * scale
            attrs["p"] = p
            total += p
        # Float sums can overshoot 1 by an ulp; a negative stop share would mean nothing.
        stops[node] = max(0.0, 1.0 - total)
    return stops


@dataclass(frozen=True)
class LikelyPath:
    """The path a customer most likely takes from an entry to a purchase touchpoint.

    ``probability`` is the chance that a customer starting the journey (spread equally over
    the entries) follows exactly this path.
    """

    touchpoint_ids: tuple[str, ...]
    link_ids: tuple[str, ...]
    probability: float

    def to_json(self) -> dict[str, Any]:
        """``{"touchpoint_ids": [...], "link_ids": [...], "probability": float}``."""
        return {"touchpoint_ids": list(self.touchpoint_ids), "link_ids": list(self.link_ids),
                "probability": round(self.probability, 9)}


def most_likely_path(graph: nx.DiGraph, starts: Collection[str],
                     targets: Collection[str]) -> LikelyPath | None:
    """The most probable path from one of ``starts`` to the first of ``targets`` it reaches.

    Needs ``assign_probabilities`` first. The most probable path maximises the product of the
    link probabilities, which is the shortest path when each link costs ``-log(p)``. Ties go to
    the path with fewer steps, then to touchpoints earlier in the project. A path ends at the
    first purchase touchpoint it meets. None when no purchase touchpoint can be reached.
    """
    if not starts or not targets:
        return None
    goal = set(targets)
    order = graph.nodes(data="order")
    # A hand-written Dijkstra (rather than networkx's) stops at the first target settled and
    # breaks ties deterministically; networkx would build a path list for every node.
    best: dict[str, tuple[float, int]] = {}
    came_from: dict[str, str] = {}
    heap: list[tuple[float, int, int, str]] = []
    for node in starts:
        best[node] = (0.0, 0)
        heapq.heappush(heap, (0.0, 0, order[node], node))
    settled: set[str] = set()
    succ = graph.succ
    while heap:
        cost, hops, _, node = heapq.heappop(heap)
        if node in settled:
            continue
        settled.add(node)
        if node in goal:
            return _path_to(graph, node, came_from, len(starts))
        for nxt, attrs in succ[node].items():
            p = attrs["p"]
            if p <= 0.0 or nxt in settled:
                continue
            candidate = (cost - math.log(p), hops + 1)
            if nxt not in best or candidate < best[nxt]:
                best[nxt] = candidate
                came_from[nxt] = node
                heapq.heappush(heap, (candidate[0], candidate[1], order[nxt], nxt))
    return None


def _path_to(graph: nx.DiGraph, end: str, came_from: dict[str, str],
             start_count: int) -> LikelyPath:
    nodes = [end]
    while nodes[-1] in came_from:
        nodes.append(came_from[nodes[-1]])
    nodes.reverse()
    probability = 1.0 / start_count
    links = []
    for a, b in zip(nodes, nodes[1:], strict=False):
        attrs = graph.edges[a, b]
        probability *= attrs["p"]
        links.append(attrs["link_id"])
    return LikelyPath(tuple(nodes), tuple(links), probability)
