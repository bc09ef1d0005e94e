"""Hypothesis strategies that build random valid projects."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from journeymapper.model import (
    KPI,
    Channel,
    Lane,
    LaneKind,
    Link,
    Note,
    Persona,
    Project,
    Stage,
    Status,
    Touchpoint,
    default_scoring,
)

names = st.text(min_size=1, max_size=40).map(str.strip).filter(bool)
texts = st.text(max_size=80)
colors = st.from_regex(r"\A#[0-9a-f]{6}\Z", fullmatch=True)
money = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                    allow_infinity=False)
offsets = st.floats(min_value=0, max_value=2000, allow_nan=False).map(lambda v: round(v, 1))
dates = st.one_of(st.none(), st.dates(min_value=dt.date(2020, 1, 1),
                                      max_value=dt.date(2030, 12, 31)))


@st.composite
def projects(draw: st.DrawFn, max_touchpoints: int = 12) -> Project:
    """A random project that passes every validation rule."""
    stages = [Stage(id=f"s{i}", name=draw(names), goal=draw(texts), color=draw(colors))
              for i in range(draw(st.integers(1, 5)))]
    lanes = [Lane(id=f"l{i}", name=draw(names), kind=draw(st.sampled_from(LaneKind)))
             for i in range(draw(st.integers(1, 4)))]
    personas = [Persona(id=f"p{i}", name=draw(names), color=draw(colors),
                        preferred_channels=draw(st.lists(st.sampled_from(Channel),
                                                         unique=True, max_size=3)))
                for i in range(draw(st.integers(0, 3)))]
    scoring = default_scoring()
    criteria = [c.id for c in scoring.criteria]
    touchpoints = []
    for i in range(draw(st.integers(0, max_touchpoints))):
        touchpoints.append(Touchpoint(
            id=f"t{i}", name=draw(names), stage_id=draw(st.sampled_from(stages)).id,
            lane_id=draw(st.sampled_from(lanes)).id, channel=draw(st.sampled_from(Channel)),
            persona_ids=draw(st.lists(st.sampled_from([p.id for p in personas]), unique=True,
                                      max_size=len(personas))) if personas else [],
            scores=draw(st.dictionaries(st.sampled_from(criteria), st.integers(0, 5))),
            performance=draw(st.integers(1, 5)), emotion=draw(st.integers(-2, 2)),
            owner=draw(st.sampled_from(["", "Ana", "Bram", "Chen"])),
            budget=draw(money), spent=draw(money), deadline=draw(dates),
            status=draw(st.sampled_from(Status)),
            kpis=[KPI(name=draw(names), target=draw(st.none() | st.floats(0, 100)))
                  for _ in range(draw(st.integers(0, 2)))],
            tags=draw(st.lists(names, max_size=3)), x=draw(offsets), y=draw(offsets)))
    links = []
    flows = set()
    if len(touchpoints) >= 2:
        for i in range(draw(st.integers(0, 2 * len(touchpoints)))):
            a, b = draw(st.lists(st.sampled_from(touchpoints), min_size=2, max_size=2,
                                 unique_by=lambda t: t.id))
            persona = draw(st.none() | st.sampled_from(personas)) if personas else None
            flow = (a.id, b.id, persona.id if persona else None)
            if flow in flows:
                continue
            flows.add(flow)
            links.append(Link(id=f"k{i}", source_id=a.id, target_id=b.id, persona_id=flow[2],
                              share=draw(st.none() | st.floats(0, 1).map(lambda v: round(v, 2)))))
    notes = [Note(id=f"n{i}", text=draw(names), stage_id=draw(st.sampled_from(stages)).id,
                  lane_id=draw(st.sampled_from(lanes)).id, x=draw(offsets), y=draw(offsets))
             for i in range(draw(st.integers(0, 3)))]
    return Project(title=draw(names), scoring=scoring, stages=stages, lanes=lanes,
                   personas=personas, touchpoints=touchpoints, links=links, notes=notes)
