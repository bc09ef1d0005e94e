"""Hypothesis strategy for random valid projects shaped like journeys.

``tests/strategies.py`` already builds random projects; this one leans on what the analysis
cares about: many links (persona links, shares that add up to more or less than 1, loops,
links back to earlier stages), stages with or without one called "purchase", personas with
preferred channels, money and deadlines around a fixed day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from journeymapper.model import (
    Channel,
    Criterion,
    Lane,
    Link,
    Persona,
    Project,
    Scoring,
    Stage,
    Status,
    Touchpoint,
)

TODAY = dt.date(2025, 6, 1)

# Names matter to messages only; a fixed pool (with non-ASCII) keeps generation fast.
names = st.sampled_from(["Ad", "Blog", "Pricing page", "Checkout", "Café ☕", "Übersicht",
                         "Busy Parent", "Student", "'quoted'", "x" * 200])
money = st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2, allow_nan=False,
                    allow_infinity=False)
shares = st.none() | st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.75, 1.0]) | st.floats(0, 1)
deadlines = st.none() | st.dates(TODAY - dt.timedelta(days=400), TODAY + dt.timedelta(days=400))


channels = st.sampled_from(Channel)
statuses = st.sampled_from(Status)
owners = st.sampled_from(["", "Ana", "ana", "Bram"])
performances = st.integers(1, 5)
stage_lists = st.lists(st.sampled_from(["Awareness", "Consideration", "Purchase", "Onboarding",
                                        "Use", "Loyalty", "Renewal"]),
                       max_size=6, unique=True)


@st.composite
def journey_projects(draw: st.DrawFn, max_touchpoints: int = 16,
                     max_links: int = 40) -> Project:
    """A random project that passes every validation rule."""
    # Strategies are built once per project, not per draw: building one is what costs.
    stages = [Stage(id=f"s{i}", name=n) for i, n in enumerate(draw(stage_lists))]
    lanes = [Lane(id="lane", name="Touchpoints")]
    criteria = [Criterion(id=f"c{i}", name=f"Criterion {i}", weight=draw(st.floats(0, 10)))
                for i in range(draw(st.integers(0, 3)))]
    personas = [Persona(id=f"p{i}", name=draw(names),
                        preferred_channels=draw(st.lists(channels, unique=True, max_size=3)))
                for i in range(draw(st.integers(0, 3)))]
    persona_ids = [p.id for p in personas]
    touchpoints = []
    if stages:
        stage_ids = st.sampled_from([s.id for s in stages])
        served = (st.lists(st.sampled_from(persona_ids), unique=True) if persona_ids
                  else st.just([]))
        scores = st.fixed_dictionaries({}, optional={c.id: st.integers(0, 5) for c in criteria})
        for i in range(draw(st.integers(0, max_touchpoints))):
            touchpoints.append(Touchpoint(
                id=f"t{i}", name=draw(names), stage_id=draw(stage_ids), lane_id="lane",
                channel=draw(channels), persona_ids=draw(served), scores=draw(scores),
                performance=draw(performances), owner=draw(owners), budget=draw(money),
                spent=draw(money), deadline=draw(deadlines), status=draw(statuses)))
    links = []
    flows: set[tuple[str, str, str | None]] = set()
    if len(touchpoints) >= 2:
        pairs = st.lists(st.sampled_from([tp.id for tp in touchpoints]), min_size=2,
                         max_size=2, unique=True)
        owner = st.none() | st.sampled_from(persona_ids) if persona_ids else st.none()
        for i in range(draw(st.integers(0, max_links))):
            source, target = draw(pairs)
            persona = draw(owner)
            if (source, target, persona) in flows:
                continue
            flows.add((source, target, persona))
            links.append(Link(id=f"k{i}", source_id=source, target_id=target,
                              persona_id=persona, share=draw(shares)))
    return Project(title=draw(names), stages=stages, lanes=lanes,
                   scoring=Scoring(criteria=criteria), personas=personas,
                   touchpoints=touchpoints, links=links)
