"""The journey graph: touchpoints as nodes, links as directed edges, for one persona or all.

Nodes carry ``stage`` (the stage's position, 0 = first) and ``order`` (the touchpoint's index
in the project), so every result can be listed in a stable, map-like order. Edges carry
``link_id`` and ``share`` (the link's share of customers, or None when not given).

networkx is imported inside the functions: importing it costs cold start time the app only
pays when someone actually analyses a map.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from journeymapper.model import Link, Project, Stage

if TYPE_CHECKING:
    import networkx as nx

MAX_CYCLES = 20


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


def _specificity(link: Link, persona_id: str | None) -> int:
    # Higher wins. A persona's own link is more specific than a link for everyone; in the
    # all-customers graph the link for everyone is the one that describes the common flow.
    if persona_id is None:
        return int(link.persona_id is None)
    return int(link.persona_id == persona_id)


def journey_graph(project: Project, persona_id: str | None = None) -> nx.DiGraph:
    """The journey of one persona (or of all customers when ``persona_id`` is None).

    Nodes are the touchpoints that serve the persona; edges are the links between them that
    apply to the persona. When two links join the same pair of touchpoints, a persona's graph
    keeps the link made for that persona and the all-customers graph keeps the link made for
    everyone (then the first one in the file).
    """
    import networkx as nx

    positions = stage_positions(project)
    graph = nx.DiGraph(persona_id=persona_id)
    for order, tp in enumerate(project.touchpoints):
        if tp.serves(persona_id):
            graph.add_node(tp.id, stage=positions[tp.stage_id], order=order)
    chosen: dict[tuple[str, str], Link] = {}
    for link in project.links:
        if not link_applies(link, persona_id):
            continue
        if link.source_id not in graph or link.target_id not in graph:
            continue
        key = (link.source_id, link.target_id)
        held = chosen.get(key)
        if held is None or _specificity(link, persona_id) > _specificity(held, persona_id):
            chosen[key] = link
    graph.add_edges_from((s, t, {"link_id": link.id, "share": link.share})
                         for (s, t), link in chosen.items())
    return graph


def _in_order(graph: nx.DiGraph, nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=lambda n: graph.nodes[n]["order"])


def entries(graph: nx.DiGraph) -> list[str]:
    """Where customers start: touchpoints with outgoing links but no incoming link.

    A touchpoint with no link at all is not an entry (it is *unlinked*). When no touchpoint
    qualifies (every linked touchpoint sits on a loop, or nothing is linked yet), the
    touchpoints of the earliest stage that has any are the entries.
    """
    pred, succ = graph.pred, graph.succ
    starts = [n for n in graph if not pred[n] and succ[n]]
    if starts or not graph:
        return starts
    first = min(stage for _, stage in graph.nodes(data="stage"))
    return [n for n, stage in graph.nodes(data="stage") if stage == first]


def unlinked(graph: nx.DiGraph) -> list[str]:
    """Touchpoints with no link in or out."""
    pred, succ = graph.pred, graph.succ
    return [n for n in graph if not pred[n] and not succ[n]]


def reachable(graph: nx.DiGraph, starts: Iterable[str]) -> set[str]:
    """Every touchpoint a customer can get to from ``starts`` (the starts included)."""
    succ = graph.succ
    seen = set(starts)
    stack = list(seen)
    while stack:
        for nxt in succ[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def unreachable(graph: nx.DiGraph, starts: Iterable[str]) -> list[str]:
    """Linked touchpoints that no entry leads to (unlinked ones are reported on their own)."""
    seen = reachable(graph, starts)
    pred, succ = graph.pred, graph.succ
    return [n for n in graph if n not in seen and (pred[n] or succ[n])]


def dead_ends(graph: nx.DiGraph, purchase_position: int | None) -> list[str]:
    """Touchpoints customers reach but cannot leave, in a stage before the purchase stage."""
    if purchase_position is None:
        return []
    pred, succ = graph.pred, graph.succ
    return [n for n, stage in graph.nodes(data="stage")
            if stage < purchase_position and pred[n] and not succ[n]]


def back_links(project: Project, graph: nx.DiGraph) -> list[str]:
    """Ids of links in this journey that lead back to an earlier stage."""
    positions = stage_positions(project)
    stage_of = {tp.id: positions[tp.stage_id] for tp in project.touchpoints}
    persona_id = graph.graph.get("persona_id")
    return [link.id for link in project.links
            if link_applies(link, persona_id)
            and link.source_id in graph and link.target_id in graph
            and stage_of[link.target_id] < stage_of[link.source_id]]


def cycles(graph: nx.DiGraph, components: Iterable[set[str]],
           limit: int = MAX_CYCLES) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` loops of the journey, and whether more exist.

    ``components`` are the strongly connected components: only those with more than one
    touchpoint can hold a loop, so the search is skipped entirely on a loop-free journey
    (the common case, and the expensive part on big maps). Each loop starts at its touchpoint
    that comes first in the project; loops are listed shortest first.
    """
    import networkx as nx

    looped = [n for comp in components if len(comp) > 1 for n in comp]
    if not looped:
        return [], False
    sub = graph.subgraph(looped)
    found = list(itertools.islice(nx.simple_cycles(sub), limit + 1))
    truncated = len(found) > limit
    order = graph.nodes(data="order")
    result = []
    for loop in found[:limit]:
        first = min(range(len(loop)), key=lambda i: order[loop[i]])
        result.append(loop[first:] + loop[:first])
    result.sort(key=lambda loop: (len(loop), [order[n] for n in loop]))
    return result, truncated
