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


def synthetic_project(touchpoints: int, seed: int = 0) -> Project:
    """A valid project with N touchpoints spread over the default grid, plus personas, links,
    KPIs and notes in proportion."""
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
    flows: set[tuple[str, str]] = set()
    for i in range(touchpoints if touchpoints > 1 else 0):
        source, target = ids[i], ids[(i + rng.randint(1, 20)) % touchpoints]
        if source != target and (source, target) not in flows:
            flows.add((source, target))
            project.links.append(Link(id=f"link-{i}", source_id=source, target_id=target,
                                      share=round(rng.uniform(0.05, 0.5), 2)))
    for i in range(max(1, touchpoints // 50)):
        project.notes.append(Note(id=f"note-{i}", text=f"Idea {i}",
                                  stage_id=project.stages[i % 5].id, lane_id="opportunities",
                                  x=PADDING, y=PADDING))
    return Project.model_validate(project.model_dump())
