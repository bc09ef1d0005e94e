"""Each validation rule of the model refuses bad data with a message naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from journeymapper.io import ProjectFileError, dumps, parse
from journeymapper.model import Touchpoint, new_project


def base() -> dict[str, Any]:
    project = new_project("Bakery")
    project.personas = []
    data = json.loads(dumps(project))
    data["personas"] = [{"id": "p1", "name": "Busy parent"}]
    data["touchpoints"] = [
        {"id": "t1", "name": "Website", "stage_id": "awareness", "lane_id": "touchpoints"},
        {"id": "t2", "name": "Checkout", "stage_id": "purchase", "lane_id": "touchpoints"},
    ]
    data["links"] = [{"id": "k1", "source_id": "t1", "target_id": "t2"}]
    data["notes"] = [{"id": "n1", "text": "Slow page", "stage_id": "awareness",
                      "lane_id": "pain-points"}]
    return data


def problems_of(data: dict[str, Any]) -> str:
    with pytest.raises(ProjectFileError) as info:
        parse(json.dumps(data).encode(), "bakery.json")
    return str(info.value)


def test_base_is_valid() -> None:
    project = parse(json.dumps(base()).encode())
    assert [t.name for t in project.touchpoints] == ["Website", "Checkout"]


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("touchpoints", 1, "budget"), -5, "bakery.json: touchpoints[1].budget: must be >= 0, got -5"),
    (("touchpoints", 0, "spent"), "-0.01", "touchpoints[0].spent: must be >= 0"),
    (("touchpoints", 0, "budget"), "1.234", "touchpoints[0].budget: "),
    (("touchpoints", 0, "name"), "   ", "touchpoints[0].name: must not be empty"),
    (("touchpoints", 0, "name"), "x" * 201, "touchpoints[0].name: is 201 characters long"),
    (("touchpoints", 0, "emotion"), 3, "touchpoints[0].emotion: must be <= 2, got 3"),
    (("touchpoints", 0, "emotion"), -3, "touchpoints[0].emotion: must be >= -2, got -3"),
    (("touchpoints", 0, "performance"), 0, "touchpoints[0].performance: must be >= 1, got 0"),
    (("touchpoints", 0, "scores"), {"reach": 6}, "touchpoints[0].scores.reach: must be <= 5"),
    (("touchpoints", 0, "deadline"), "2026-02-30", "touchpoints[0].deadline: "),
    (("touchpoints", 0, "channel"), "telegraph", "touchpoints[0].channel: "),
    (("touchpoints", 0, "status"), "done", "touchpoints[0].status: "),
    (("touchpoints", 0, "colour"), "#fff", "touchpoints[0].colour: is not a known field"),
    (("links", 0, "share"), 1.5, "links[0].share: must be <= 1, got 1.5"),
    (("stages", 0, "color"), "red", "stages[0].color: "),
    (("business", "currency"), "euro", "business.currency: "),
    (("business", "competitors"), -1, "business.competitors: must be >= 0"),
    (("touchpoints", 0, "tags"), ["t"] * 101, "touchpoints[0].tags: holds 101 items"),
])
def test_field_rules(path: tuple[Any, ...], value: Any, expected: str) -> None:
    data = base()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert expected in problems_of(data)


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["touchpoints"][1].update(id="t1"),
     "touchpoints[1].id: duplicate id 't1' (also touchpoints[0])"),
    (lambda d: d["personas"][0].update(id="awareness"), "personas[0].id: duplicate id"),
    (lambda d: d["touchpoints"][0].update(stage_id="nope"),
     "touchpoints[0].stage_id: unknown stage 'nope'"),
    (lambda d: d["touchpoints"][0].update(lane_id="nope"),
     "touchpoints[0].lane_id: unknown lane 'nope'"),
    (lambda d: d["touchpoints"][0].update(persona_ids=["ghost"]),
     "touchpoints[0].persona_ids[0]: unknown persona 'ghost'"),
    (lambda d: d["touchpoints"][0].update(persona_ids=["p1", "p1"]),
     "touchpoints[0].persona_ids: lists a persona twice"),
    (lambda d: d["touchpoints"][0].update(scores={"charm": 2}),
     "touchpoints[0].scores.charm: unknown scoring criterion 'charm'"),
    (lambda d: d["links"][0].update(target_id="gone"),
     "links[0].target_id: unknown touchpoint 'gone'"),
    (lambda d: d["links"][0].update(target_id="t1"),
     "links[0].target_id: a link cannot point to its own source"),
    (lambda d: d["links"][0].update(persona_id="ghost"),
     "links[0].persona_id: unknown persona 'ghost'"),
    (lambda d: d["links"].append({"id": "k2", "source_id": "t1", "target_id": "t2"}),
     "links[1]: the same flow is linked twice"),
    (lambda d: d["notes"][0].update(lane_id="nope"), "notes[0].lane_id: unknown lane 'nope'"),
    (lambda d: d["touchpoints"][0].update(id="has space"), "touchpoints[0].id: "),
    (lambda d: d.pop("title"), "title: is required but missing"),
])
def test_reference_rules(mutate: Any, expected: str) -> None:
    data = base()
    mutate(data)
    assert expected in problems_of(data)


def test_all_problems_are_reported_together() -> None:
    data = base()
    data["touchpoints"][0]["stage_id"] = "nope"
    data["links"][0]["target_id"] = "gone"
    text = problems_of(data)
    assert "touchpoints[0].stage_id" in text and "links[0].target_id" in text


def test_money_is_decimal_with_two_places() -> None:
    tp = Touchpoint(id="t", name="x", stage_id="s", lane_id="l", budget="12.5", spent=3)
    assert str(tp.budget) == "12.50" and str(tp.spent) == "3.00"
    assert '"budget":"12.50"' in tp.model_dump_json()


def test_names_are_trimmed() -> None:
    tp = Touchpoint(id="t", name="  Website  ", stage_id="s", lane_id="l")
    assert tp.name == "Website"
