"""Synthetic projects of any size, for benchmarks (deterministic for a seed, no Qt)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, PADDING
from journeymapper.model import (
    KPI,
    Channel,
    Link,
    Note,
    Persona,
    Project,
    Status,
    Touchpoint,
    new_project,
)

CARDS_PER_ROW = 4
PERSONA_COLORS = ("#e45756", "#4c78a8", "#54a24b", "#b279a2", "#ff9da6", "#9d755d")
LINK_SHAPES = ("journey", "random")
"""How links run: ``journey``, as customers move: on to a card of the next stage in the same
row or one next to it, sometimes to another lane, rarely anywhere; ``random``, a hard case: to
one of the next 20 touchpoints, which sit in other lanes, so at 10,000 touchpoints links
thousands of points long cross every view."""
CROSS_LANE = 0.15
ANYWHERE = 0.02


def synthetic_project(touchpoints: int, seed: int = 0, links: str = "journey") -> Project:
    """A valid project with N touchpoints spread over the default grid, plus personas, about
    N links (shaped as ``links`` says, see LINK_SHAPES), KPIs and notes in proportion."""
    if links not in LINK_SHAPES:
        raise ValueError(f"links must be one of {', '.join(LINK_SHAPES)}, not {links!r}")
    rng = random.Random(seed)
    project = new_project(f"Synthetic journey ({touchpoints} touchpoints)")
    for stage in project.stages:
        stage.width = PADDING + CARDS_PER_ROW * (CARD_WIDTH + PADDING)
    project.personas = [Persona(id=f"persona-{i}", name=f"Persona {i + 1}",
                                color=PERSONA_COLORS[i % len(PERSONA_COLORS)],
                                preferred_channels=rng.sample(list(Channel), 3))
                        for i in range(4)]
    criteria = [c.id for c in project.scoring.criteria]
    lanes = [lane.id for lane in project.lanes if lane.kind.value in ("touchpoints", "actions",
                                                                        "backstage")]
    cells = [(s.id, lane) for s in project.stages for lane in lanes]
    per_cell: dict[tuple[str, str], int] = {}
    today = dt.date(2026, 11, 23)
    for i in range(touchpoints):
        stage_id, lane_id = cells[i % len(cells)]
        slot = per_cell.get((stage_id, lane_id), 0)
        per_cell[(stage_id, lane_id)] = slot + 1
        project.touchpoints.append(Touchpoint(
            id=f"tp-{i}", name=f"Touchpoint {i}", stage_id=stage_id, lane_id=lane_id,
            channel=rng.choice(list(Channel)),
            persona_ids=rng.sample([p.id for p in project.personas], rng.randint(0, 2)),
            scores={c: rng.randint(0, 5) for c in criteria},
            performance=rng.randint(1, 5), emotion=rng.randint(-2, 2),
            owner=f"Owner {rng.randint(1, 12)}",
            budget=Decimal(rng.randint(0, 500_000)) / 100,
            spent=Decimal(rng.randint(0, 300_000)) / 100,
            deadline=today + dt.timedelta(days=rng.randint(-90, 365)),
            status=rng.choice(list(Status)),
            kpis=[KPI(name="Conversion", unit="%", target=5.0, actual=rng.uniform(0, 10))],
            tags=["synthetic"],
            x=PADDING + (slot % CARDS_PER_ROW) * (CARD_WIDTH + PADDING),
            y=PADDING + (slot // CARDS_PER_ROW) * (CARD_HEIGHT + PADDING)))
    ids = [t.id for t in project.touchpoints]
    pairs = (_random_flows(rng, touchpoints) if links == "random" else
             _journey_flows(rng, touchpoints, len(project.stages), len(lanes)))
    flows: set[tuple[int, int]] = set()
    for source, target in pairs:
        if source != target and (source, target) not in flows:
            flows.add((source, target))
            project.links.append(Link(id=f"link-{len(flows)}", source_id=ids[source],
                                      target_id=ids[target],
                                      share=round(rng.uniform(0.05, 0.5), 2)))
    for i in range(max(1, touchpoints // 50)):
        project.notes.append(Note(id=f"note-{i}", text=f"Idea {i}",
                                  stage_id=project.stages[i % 5].id, lane_id="opportunities",
                                  x=PADDING, y=PADDING))
    return Project.model_validate(project.model_dump())


def _random_flows(rng: random.Random, n: int) -> list[tuple[int, int]]:
    return [(i, (i + rng.randint(1, 20)) % n) for i in range(n if n > 1 else 0)]


def _journey_flows(rng: random.Random, n: int, stages: int,
                   lanes: int) -> list[tuple[int, int]]:
    """Touchpoint i sits in cell i % (stages * lanes) (stage by stage, lane by lane), in slot
    i // (stages * lanes) of it: the touchpoint at (stage, lane, slot) is slot * cells +
    stage * lanes + lane."""
    cells = stages * lanes
    flows = []
    for i in range(n):
        stage, lane, slot = (i % cells) // lanes, i % lanes, i // cells
        targets = []
        if stage + 1 < stages:
            targets.append((stage + 1, lane, slot + rng.choice((-1, 0, 0, 1))))
            if rng.random() < CROSS_LANE:
                targets.append((stage + 1, rng.randrange(lanes), slot + rng.randint(-2, 2)))
        if rng.random() < ANYWHERE:
            flows.append((i, rng.randrange(n)))
        for s, lane_, slot_ in targets:
            j = max(0, slot_) * cells + s * lanes + lane_
            if j < n:
                flows.append((i, j))
    return flows
