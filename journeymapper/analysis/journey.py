"""One journey analysed: what the links say about the path of one persona, or of everyone."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from journeymapper.analysis.critical import Centrality, Method, critical_touchpoints
from journeymapper.analysis.flow import LikelyPath, most_likely_path
from journeymapper.analysis.funnel import Funnel, compute_funnel
from journeymapper.analysis.graph import (
    JourneyGraph,
    ProjectIndex,
    back_links,
    build_journey,
    dead_ends,
    entries,
    purchase_stage,
    stage_positions,
    unlinked,
    unreachable,
)
from journeymapper.analysis.loops import cycles, is_closed, strongly_connected
from journeymapper.model import Project


@dataclass(frozen=True)
class Journey:
    """The structure of one persona's journey (``persona_id`` None: all customers).

    ``late_entries`` are the entries after the purchase stage: customers cannot start there,
    so a link that leads to them is missing. Every list holds touchpoint ids in project order,
    except ``back_links`` (link ids) and ``cycles`` (each a loop of touchpoint ids, starting at
    the one first in the project; ``closed_cycles`` are those customers cannot leave).
    ``graph`` is the journey graph itself (``graph.to_networkx()`` for a networkx DiGraph).

    The loops and the funnel are worked out when first read: on a big map they are most of
    the cost of a journey, and a screen showing one persona should not pay for every
    persona's (``analyze`` only reads the loops of the main journey).
    """

    persona_id: str | None
    touchpoint_count: int
    link_count: int
    entries: tuple[str, ...]
    late_entries: tuple[str, ...]
    unlinked: tuple[str, ...]
    unreachable: tuple[str, ...]
    dead_ends: tuple[str, ...]
    back_links: tuple[str, ...]
    centrality: Centrality
    likely_path: LikelyPath | None
    graph: JourneyGraph = field(repr=False, compare=False)
    stage_ids: tuple[str, ...] = field(repr=False, compare=False)

    @cached_property
    def components(self) -> list[list[int]]:
        """Strongly connected components of the graph, in reverse topological order."""
        return strongly_connected(self.graph.targets)

    @cached_property
    def _loops(self) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], bool]:
        found, truncated = cycles(self.graph, self.components)
        ids = self.graph.ids
        named = tuple(tuple(ids[i] for i in loop) for loop in found)
        closed = tuple(name for name, loop in zip(named, found, strict=True)
                       if is_closed(self.graph, loop))
        return named, closed, truncated

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """Up to ``loops.MAX_CYCLES`` loops, shortest first."""
        return self._loops[0]

    @property
    def closed_cycles(self) -> tuple[tuple[str, ...], ...]:
        """The loops customers can neither stop on nor leave."""
        return self._loops[1]

    @property
    def cycles_truncated(self) -> bool:
        """True when there are more loops than listed."""
        return self._loops[2]

    @cached_property
    def funnel(self) -> Funnel:
        """Expected shares of customers per stage, touchpoint and link (see ``funnel``)."""
        wanted = set(self.entries)
        starts = [i for i, tid in enumerate(self.graph.ids) if tid in wanted]
        return compute_funnel(self.graph, starts, self.stage_ids, self.components)

    def to_json(self) -> dict[str, Any]:
        """The journey as JSON-able data (the graph itself is left out)."""
        return {
            "persona_id": self.persona_id,
            "touchpoint_count": self.touchpoint_count,
            "link_count": self.link_count,
            "entries": list(self.entries),
            "late_entries": list(self.late_entries),
            "unlinked": list(self.unlinked),
            "unreachable": list(self.unreachable),
            "dead_ends": list(self.dead_ends),
            "back_links": list(self.back_links),
            "cycles": [list(loop) for loop in self.cycles],
            "closed_cycles": [list(loop) for loop in self.closed_cycles],
            "cycles_truncated": self.cycles_truncated,
            "centrality": self.centrality.to_json(),
            "likely_path": self.likely_path.to_json() if self.likely_path else None,
            "funnel": self.funnel.to_json(),
        }


def analyze_journey(project: Project, persona_id: str | None = None, *,
                    with_centrality: bool = True, index: ProjectIndex | None = None) -> Journey:
    """Build and analyse the journey of one persona, or of all customers.

    Centrality is the one costly step on big maps; ``with_centrality=False`` leaves it out
    (its method then reads "skipped"). ``index`` saves work when analysing several journeys.
    """
    if index is None:
        index = ProjectIndex.of(project)
    graph = build_journey(project, persona_id, index)
    purchase = purchase_stage(project)
    purchase_position = stage_positions(project)[purchase.id] if purchase else None
    starts = entries(graph)
    targets = [i for i, s in enumerate(graph.stage) if s == purchase_position]
    ids = graph.ids

    def named(nodes: list[int]) -> tuple[str, ...]:
        return tuple(ids[i] for i in nodes)

    return Journey(
        persona_id=persona_id,
        touchpoint_count=len(ids),
        link_count=graph.link_count,
        entries=named(starts),
        late_entries=named([i for i in starts if purchase_position is not None
                            and graph.stage[i] > purchase_position]),
        unlinked=named(unlinked(graph)),
        unreachable=named(unreachable(graph, starts)),
        dead_ends=named(dead_ends(graph, purchase_position)),
        back_links=tuple(back_links(project, graph, index)),
        centrality=(critical_touchpoints(graph) if with_centrality
                    else Centrality(Method.SKIPPED, 0, ())),
        likely_path=most_likely_path(graph, starts, targets),
        graph=graph,
        stage_ids=tuple(s.id for s in project.stages),
    )
