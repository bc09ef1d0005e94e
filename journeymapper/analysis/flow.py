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
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeymapper.analysis.graph import JourneyGraph


def split_shares(shares: Sequence[float | None]) -> tuple[float, ...]:
    """Probabilities of one touchpoint's outgoing links, given their stored shares."""
    given = 0.0
    missing = 0
    for share in shares:
        if share is None:
            missing += 1
        else:
            given += share
    scale = 1.0 / given if given > 1.0 else 1.0
    rest = (1.0 - given) / missing if missing and given < 1.0 else 0.0
    return tuple(rest if share is None else share * scale for share in shares)


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


def most_likely_path(graph: JourneyGraph, starts: Collection[int],
                     targets: Collection[int]) -> LikelyPath | None:
    """The most probable path from one of ``starts`` to the first of ``targets`` it reaches.

    The most probable path maximises the product of the link probabilities, which is the
    shortest path when each link costs ``-log(p)`` (Dijkstra). Ties go to the path with fewer
    steps, then to touchpoints earlier in the project. A path ends at the first purchase
    touchpoint it meets. None when no purchase touchpoint can be reached.
    """
    if not starts or not targets:
        return None
    goal = set(targets)
    # Written out rather than networkx's Dijkstra: it stops at the first target settled, breaks
    # ties deterministically and runs on the compact graph (no DiGraph to build).
    best: dict[int, tuple[float, int]] = {}
    came_from: dict[int, tuple[int, int]] = {}
    heap: list[tuple[float, int, int]] = []
    for node in starts:
        best[node] = (0.0, 0)
        heap.append((0.0, 0, node))
    heapq.heapify(heap)
    settled: set[int] = set()
    while heap:
        cost, hops, node = heapq.heappop(heap)
        if node in settled:
            continue
        settled.add(node)
        if node in goal:
            return _path_to(graph, node, came_from, len(starts))
        for k, (nxt, p) in enumerate(zip(graph.targets[node], graph.p[node], strict=True)):
            if p <= 0.0 or nxt in settled:
                continue
            candidate = (cost - math.log(p), hops + 1)
            if nxt not in best or candidate < best[nxt]:
                best[nxt] = candidate
                came_from[nxt] = (node, k)
                heapq.heappush(heap, (candidate[0], candidate[1], nxt))
    return None


def _path_to(graph: JourneyGraph, end: int, came_from: dict[int, tuple[int, int]],
             start_count: int) -> LikelyPath:
    nodes = [end]
    links: list[str] = []
    probability = 1.0 / start_count
    while nodes[-1] in came_from:
        prev, k = came_from[nodes[-1]]
        links.append(graph.link_ids[prev][k])
        probability *= graph.p[prev][k]
        nodes.append(prev)
    nodes.reverse()
    links.reverse()
    return LikelyPath(tuple(graph.ids[n] for n in nodes), tuple(links), probability)
