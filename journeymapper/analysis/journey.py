"""One journey analysed: what the links say about the path of one persona, or of everyone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeymapper.analysis.critical import Centrality, Method, critical_touchpoints
from journeymapper.analysis.flow import LikelyPath, assign_probabilities, most_likely_path
from journeymapper.analysis.funnel import Funnel, funnel
from journeymapper.analysis.graph import (
    back_links,
    cycles,
    dead_ends,
    entries,
    journey_graph,
    purchase_stage,
    stage_positions,
    unlinked,
    unreachable,
)
from journeymapper.model import Project

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Journey:
    """The structure of one persona's journey (``persona_id`` None: all customers).

    Every list holds touchpoint ids in project order, except ``back_links`` (link ids) and
    ``cycles`` (each a loop of touchpoint ids, starting at the one first in the project).
    ``graph`` is the networkx graph itself, with ``p`` (probability) on every link.
    """

    persona_id: str | None
    touchpoint_count: int
    link_count: int
    entries: tuple[str, ...]
    unlinked: tuple[str, ...]
    unreachable: tuple[str, ...]
    dead_ends: tuple[str, ...]
    back_links: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]
    cycles_truncated: bool
    centrality: Centrality
    likely_path: LikelyPath | None
    funnel: Funnel
    graph: nx.DiGraph = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The journey as JSON-able data (the graph itself is left out)."""
        return {
            "persona_id": self.persona_id,
            "touchpoint_count": self.touchpoint_count,
            "link_count": self.link_count,
            "entries": list(self.entries),
            "unlinked": list(self.unlinked),
            "unreachable": list(self.unreachable),
            "dead_ends": list(self.dead_ends),
            "back_links": list(self.back_links),
            "cycles": [list(loop) for loop in self.cycles],
            "cycles_truncated": self.cycles_truncated,
            "centrality": self.centrality.to_json(),
            "likely_path": self.likely_path.to_json() if self.likely_path else None,
            "funnel": self.funnel.to_json(),
        }


def analyze_journey(project: Project, persona_id: str | None = None, *,
                    with_centrality: bool = True) -> Journey:
    """Build and analyse the journey of one persona, or of all customers.

    Centrality is the one costly step on big maps; ``with_centrality=False`` leaves it out
    (its method then reads "skipped").
    """
    import networkx as nx

    graph = journey_graph(project, persona_id)
    assign_probabilities(graph)
    purchase = purchase_stage(project)
    positions = stage_positions(project)
    purchase_position = positions[purchase.id] if purchase else None
    starts = entries(graph)
    components = list(nx.strongly_connected_components(graph))
    loops, truncated = cycles(graph, components)
    targets = [n for n, stage in graph.nodes(data="stage") if stage == purchase_position]
    return Journey(
        persona_id=persona_id,
        touchpoint_count=graph.number_of_nodes(),
        link_count=graph.number_of_edges(),
        entries=tuple(starts),
        unlinked=tuple(unlinked(graph)),
        unreachable=tuple(unreachable(graph, starts)),
        dead_ends=tuple(dead_ends(graph, purchase_position)),
        back_links=tuple(back_links(project, graph)),
        cycles=tuple(tuple(loop) for loop in loops),
        cycles_truncated=truncated,
        centrality=(critical_touchpoints(graph) if with_centrality
                    else Centrality(Method.SKIPPED, 0, ())),
        likely_path=most_likely_path(graph, starts, targets),
        funnel=funnel(graph, starts, [s.id for s in project.stages], components),
        graph=graph,
    )
