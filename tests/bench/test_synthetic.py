"""Synthetic maps for the benchmark: valid, deterministic, links shaped as asked."""

from __future__ import annotations

import pytest

from journeymapper.bench.synthetic import LINK_SHAPES, synthetic_project
from journeymapper.model import find_problems


@pytest.mark.parametrize("links", LINK_SHAPES)
def test_synthetic_maps_are_valid_and_repeatable(links):
    project = synthetic_project(300, links=links)
    assert len(project.touchpoints) == 300
    assert find_problems(project) == []
    assert 0.8 * 300 <= len(project.links) <= 1.1 * 300
    again = synthetic_project(300, links=links)
    assert again.model_dump() == project.model_dump()


def test_journey_links_mostly_lead_on_to_the_next_stage():
    project = synthetic_project(600, links="journey")
    stage_of = {tp.id: tp.stage_id for tp in project.touchpoints}
    lane_of = {tp.id: tp.lane_id for tp in project.touchpoints}
    order = [s.id for s in project.stages]
    onward = [ln for ln in project.links
              if order.index(stage_of[ln.target_id]) == order.index(stage_of[ln.source_id]) + 1]
    same_lane = [ln for ln in onward if lane_of[ln.target_id] == lane_of[ln.source_id]]
    assert len(onward) >= 0.9 * len(project.links)
    assert len(same_lane) >= 0.75 * len(project.links)


def test_random_links_mostly_change_lane():
    project = synthetic_project(600, links="random")
    lane_of = {tp.id: tp.lane_id for tp in project.touchpoints}
    across = [ln for ln in project.links if lane_of[ln.target_id] != lane_of[ln.source_id]]
    assert len(across) >= 0.5 * len(project.links)


def test_an_unknown_link_shape_is_refused():
    with pytest.raises(ValueError, match="links must be one of"):
        synthetic_project(10, links="spaghetti")
