"""The journey graph: touchpoints as nodes, links as directed edges, for one persona or all.

``JourneyGraph`` is a compact form of the graph: node ``i`` is ``ids[i]``, nodes are in
project order, and each node's outgoing links are parallel lists. Every analysis runs on it;
``to_networkx()`` (or ``journey_graph``) gives the same graph as a ``networkx.DiGraph`` for
networkx's algorithms and for anyone who wants to explore it. The compact form exists for
speed: the analysis builds one graph per persona, and filling a networkx graph of 10,000
touchpoints costs more than the whole analysis of it on lists.

networkx is imported inside the functions that need it: importing it costs cold start time
the app only pays when someone actually explores a graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeymapper.analysis.flow import split_shares
from journeymapper.model import Link, Project, Stage

if TYPE_CHECKING:
    import networkx as nx


def stage_positions(project: Project) -> dict[str, int]:
    """Stage id -> position of the stage in the journey (0 = first)."""
    return {stage.id: i for i, stage in enumerate(project.stages)}


def purchase_stage(project: Project) -> Stage | None:
    """The stage where customers buy.

    It is the stage whose id or name is "purchase" (any case); when there is none, the middle
    stage stands in for it (index ``len(stages) // 2``, so the later of the two middle stages
    when the count is even). None when the project has no stages.
    """
    for stage in project.stages:
        if stage.id.casefold() == "purchase" or stage.name.strip().casefold() == "purchase":
            return stage
    if not project.stages:
        return None
    return project.stages[len(project.stages) // 2]


def link_applies(link: Link, persona_id: str | None) -> bool:
    """True when the link is part of this persona's journey (None = every link, all customers)."""
    return persona_id is None or link.persona_id is None or link.persona_id == persona_id


@dataclass(frozen=True, eq=False)
class JourneyGraph:
    """One journey as lists: node ``i`` is touchpoint ``ids[i]``.

    ``stage[i]`` is the position of its stage, ``order[i]`` its index in the project.
    ``targets[i]``, ``link_ids[i]``, ``shares[i]`` and ``p[i]`` describe its outgoing links
    (target node, link id, share as stored, probability per ``flow.split_shares``);
    ``incoming[i]`` counts its incoming links. The lists are shared, not copied: treat them
    as read-only.
    """

    persona_id: str | None
    ids: Sequence[str]
    stage: Sequence[int]
    order: Sequence[int]
    targets: Sequence[Sequence[int]]
    link_ids: Sequence[Sequence[str]]
    shares: Sequence[Sequence[float | None]]
    p: Sequence[Sequence[float]]
    incoming: Sequence[int]

    @property
    def link_count(self) -> int:
        """Number of links in this journey."""
        return sum(len(t) for t in self.targets)

    def stopping(self, node: int) -> float:
        """Share of the customers at ``node`` that no link takes further."""
        return max(0.0, 1.0 - sum(self.p[node]))

    def to_networkx(self) -> nx.DiGraph:
        """The graph as a networkx DiGraph.

        Nodes are touchpoint ids with ``stage`` and ``order``; edges carry ``link_id``,
        ``share`` and ``p``; the graph attribute ``persona_id`` names the persona.
        """
        import networkx as nx

        graph = nx.DiGraph(persona_id=self.persona_id)
        graph.add_nodes_from((tid, {"stage": s, "order": o})
                             for tid, s, o in zip(self.ids, self.stage, self.order, strict=True))
        ids = self.ids
        graph.add_edges_from(
            (ids[i], ids[j], {"link_id": lid, "share": share, "p": p})
            for i, outs in enumerate(self.targets)
            for j, lid, share, p in zip(outs, self.link_ids[i], self.shares[i], self.p[i],
                                        strict=True))
        return graph


@dataclass(frozen=True)
class ProjectIndex:
    """What every journey graph of a project needs, looked up once for all personas.

    ``position`` maps a touchpoint id to its index in the project; ``stage[i]`` is the stage
    position of the project's touchpoint ``i``; each of ``links`` is ``(source, target,
    persona_id, link_id, share)`` with touchpoint positions.
    """

    position: dict[str, int]
    stage: tuple[int, ...]
    links: tuple[tuple[int, int, str | None, str, float | None], ...]

    @classmethod
    def of(cls, project: Project) -> ProjectIndex:
        """Index the project's touchpoints and links."""
        positions = stage_positions(project)
        where = {tp.id: i for i, tp in enumerate(project.touchpoints)}
        return cls(
            position=where,
            stage=tuple(positions[tp.stage_id] for tp in project.touchpoints),
            links=tuple((where[k.source_id], where[k.target_id], k.persona_id, k.id, k.share)
                        for k in project.links),
        )


def build_journey(project: Project, persona_id: str | None = None,
                  index: ProjectIndex | None = None) -> JourneyGraph:
    """The journey of one persona (or of all customers when ``persona_id`` is None).

    Nodes are the touchpoints that serve the persona; edges are the links between them that
    apply to the persona. When two links join the same pair of touchpoints, a persona's graph
    keeps the link made for that persona and the all-customers graph keeps the link made for
    everyone (then the first one in the file). Pass ``index`` when building several journeys
    of one project.
    """
    if index is None:
        index = ProjectIndex.of(project)
    node_of = [-1] * len(project.touchpoints)
    ids: list[str] = []
    stage: list[int] = []
    order: list[int] = []
    for i, tp in enumerate(project.touchpoints):
        if tp.serves(persona_id):
            node_of[i] = len(ids)
            ids.append(tp.id)
            stage.append(index.stage[i])
            order.append(i)
    chosen: dict[tuple[int, int], tuple[int, int, str | None, str, float | None]] = {}
    for link in index.links:
        owner = link[2]
        # link_applies, inlined: this loop runs for every link of every persona.
        if persona_id is not None and owner is not None and owner != persona_id:
            continue
        a, b = node_of[link[0]], node_of[link[1]]
        if a < 0 or b < 0:
            continue
        held = chosen.get((a, b))
        if held is not None:
            # A persona's own link is more specific than a link for everyone; in the
            # all-customers graph the link for everyone describes the common flow.
            if persona_id is None:
                wins = owner is None and held[2] is not None
            else:
                wins = owner == persona_id and held[2] != persona_id
            if not wins:
                continue
        chosen[a, b] = link
    rows: dict[int, tuple[list[int], list[str], list[float | None]]] = {}
    incoming = [0] * len(ids)
    for (a, b), link in chosen.items():
        row = rows.get(a)
        if row is None:
            rows[a] = row = ([], [], [])
        row[0].append(b)
        row[1].append(link[3])
        row[2].append(link[4])
        incoming[b] += 1
    # Touchpoints without outgoing links (often most of them) share one empty tuple.
    targets: list[Sequence[int]] = [()] * len(ids)
    link_ids: list[Sequence[str]] = [()] * len(ids)
    shares: list[Sequence[float | None]] = [()] * len(ids)
    for a, (row_targets, row_links, row_shares) in rows.items():
        targets[a], link_ids[a], shares[a] = row_targets, row_links, row_shares
    return JourneyGraph(
        persona_id=persona_id,
        ids=ids,
        stage=stage,
        order=order,
        targets=targets,
        link_ids=link_ids,
        shares=shares,
        p=[split_shares(s) if s else () for s in shares],
        incoming=incoming,
    )


def journey_graph(project: Project, persona_id: str | None = None) -> nx.DiGraph:
    """The journey of one persona (or all customers) as a networkx DiGraph."""
    return build_journey(project, persona_id).to_networkx()


def entries(graph: JourneyGraph) -> list[int]:
    """Where customers start: touchpoints with outgoing links but no incoming link.

    A touchpoint with no link at all is not an entry (it is *unlinked*). When no touchpoint
    qualifies (every linked touchpoint sits on a loop, or nothing is linked yet), the
    touchpoints of the earliest stage that has any are the entries.
    """
    starts = [i for i, (into, out) in enumerate(zip(graph.incoming, graph.targets, strict=True))
              if not into and out]
    if starts or not graph.ids:
        return starts
    first = min(graph.stage)
    return [i for i, s in enumerate(graph.stage) if s == first]


def unlinked(graph: JourneyGraph) -> list[int]:
    """Touchpoints with no link in or out."""
    return [i for i, (into, out) in enumerate(zip(graph.incoming, graph.targets, strict=True))
            if not into and not out]


def reachable(graph: JourneyGraph, starts: list[int]) -> list[bool]:
    """For each node, whether a customer can get there from ``starts`` (the starts included)."""
    seen = [False] * len(graph.ids)
    for s in starts:
        seen[s] = True
    stack = list(starts)
    targets = graph.targets
    while stack:
        for nxt in targets[stack.pop()]:
            if not seen[nxt]:
                seen[nxt] = True
                stack.append(nxt)
    return seen


def unreachable(graph: JourneyGraph, starts: list[int]) -> list[int]:
    """Linked touchpoints that no entry leads to (unlinked ones are reported on their own)."""
    seen = reachable(graph, starts)
    return [i for i, ok in enumerate(seen)
            if not ok and (graph.incoming[i] or graph.targets[i])]


def dead_ends(graph: JourneyGraph, purchase_position: int | None) -> list[int]:
    """Touchpoints customers reach but cannot leave, in a stage before the purchase stage."""
    if purchase_position is None:
        return []
    return [i for i, s in enumerate(graph.stage)
            if s < purchase_position and graph.incoming[i] and not graph.targets[i]]


def back_links(project: Project, graph: JourneyGraph,
               index: ProjectIndex | None = None) -> list[str]:
    """Ids of links in this journey that lead back to an earlier stage (in project order).

    Every link that applies counts, including one hidden in the graph behind a more specific
    link between the same touchpoints: each is a flow someone drew.
    """
    if index is None:
        index = ProjectIndex.of(project)
    present = set(graph.order)
    stage, persona_id = index.stage, graph.persona_id
    # The last condition is link_applies on the index's plain tuples.
    return [lid for source, target, owner, lid, _ in index.links
            if stage[target] < stage[source] and source in present and target in present
            and (persona_id is None or owner is None or owner == persona_id)]
