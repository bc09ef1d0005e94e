"""Critical touchpoints: the ones most customer paths pass through (betweenness centrality).

Betweenness costs one breadth-first search per source touchpoint, so on big maps only a fixed
sample of sources is searched (``seed=0``, so two runs on the same map agree): at most
``MAX_SAMPLES``, and no more than a work budget of ``WORK_BUDGET`` node and link visits allows
(about a tenth of a second). When even ``MIN_SAMPLES`` sources would exceed the budget, which
happens above roughly 12,000 touchpoints plus links, the step is skipped and the result's
method says "skipped": a handful of sources would name hubs by chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeymapper.analysis.graph import JourneyGraph

MAX_SAMPLES = 200
MIN_SAMPLES = 32
WORK_BUDGET = 400_000
TOP = 5


class Method(StrEnum):
    """How the centrality was computed."""

    EXACT = "exact"
    SAMPLED = "sampled"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class CriticalTouchpoint:
    """A touchpoint and its betweenness (0..1: the share of shortest paths through it)."""

    touchpoint_id: str
    score: float


@dataclass(frozen=True)
class Centrality:
    """The most critical touchpoints and how they were found."""

    method: Method
    samples: int
    critical: tuple[CriticalTouchpoint, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"method", "samples", "critical": [{"touchpoint_id", "score"}]}``."""
        return {
            "method": self.method.value,
            "samples": self.samples,
            "critical": [{"touchpoint_id": c.touchpoint_id, "score": round(c.score, 6)}
                         for c in self.critical],
        }


def sample_size(nodes: int, links: int) -> int:
    """How many source touchpoints betweenness may search on a graph of this size (0 = skip)."""
    k = min(nodes, MAX_SAMPLES, WORK_BUDGET // max(1, nodes + links))
    if k >= nodes:
        return nodes
    return k if k >= MIN_SAMPLES else 0


def critical_touchpoints(graph: JourneyGraph, top: int = TOP) -> Centrality:
    """The ``top`` touchpoints with the highest betweenness (only those above zero)."""
    import networkx as nx

    n, m = len(graph.ids), graph.link_count
    if m == 0:
        return Centrality(Method.EXACT, n, ())
    k = sample_size(n, m)
    if k == 0:
        return Centrality(Method.SKIPPED, 0, ())
    # Integer nodes keep the sample (drawn from the node list) independent of the ids.
    digraph = nx.DiGraph()
    digraph.add_nodes_from(range(n))
    digraph.add_edges_from((a, b) for a, outs in enumerate(graph.targets) for b in outs)
    if k == n:
        scores = nx.betweenness_centrality(digraph)
        method = Method.EXACT
    else:
        scores = nx.betweenness_centrality(digraph, k=k, seed=0)
        method = Method.SAMPLED
    ranked = sorted((node for node, score in scores.items() if score > 0),
                    key=lambda node: (-scores[node], node))
    return Centrality(method, k, tuple(CriticalTouchpoint(graph.ids[node], scores[node])
                                       for node in ranked[:top]))
