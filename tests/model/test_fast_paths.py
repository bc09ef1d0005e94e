"""The shortcuts taken when loading big files give exactly the answers of the full checks."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, Field, TypeAdapter, ValidationError

from journeymapper.model import Link, Note, Persona, Project, Touchpoint, find_problems
from journeymapper.model.fields import CENTS, Money
from journeymapper.model.project import _is_clean, _located_problems
from tests.strategies import projects

# Money as it was before the shortcut for amounts written as saved: the reference.
FullMoney = Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2, allow_inf_nan=False),
                      AfterValidator(lambda d: d.quantize(CENTS))]
FAST, FULL = TypeAdapter(Money), TypeAdapter(FullMoney)


def outcome(adapter: TypeAdapter[Decimal], value: Any, json_mode: bool) -> object:
    """The amount as a string (to see its places), or the errors without their URLs."""
    try:
        result = (adapter.validate_json(json.dumps(value)) if json_mode
                  else adapter.validate_python(value))
    except ValidationError as exc:
        return [(e["type"], e["msg"], e["input"], e.get("ctx")) for e in exc.errors()]
    return str(result)


AMOUNTS = ["0.00", "12.50", "12.5", "12", "007.50", "1.100", "1.234", "-0.01", "-1.234",
           "9999999999999.99", "10000000000000.00", "99999999999999", "1e2", "1e30", "NaN",
           "Infinity", "-0", " 1.00", "1.00 ", "+1.00", "1_000.00", "\u0661\u0662.\u0665\u0660",
           "", "abc", ".5", "5.", 3, 3.5, 1e20, -1, True, None, [], {"a": 1}]


@pytest.mark.parametrize("value", AMOUNTS)
@pytest.mark.parametrize("json_mode", [False, True])
def test_money_shortcut_answers_as_the_full_checks(value: Any, json_mode: bool) -> None:
    assert outcome(FAST, value, json_mode) == outcome(FULL, value, json_mode)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[-+ ]?[0-9]{0,16}(\.[0-9]{0,4})?\Z") | st.decimals(places=3).map(str))
def test_money_shortcut_agrees_on_random_amounts(text: str) -> None:
    assert outcome(FAST, text, True) == outcome(FULL, text, True)


def test_saved_amounts_keep_two_places_through_a_round_trip() -> None:
    tp = Touchpoint(id="t", name="x", stage_id="s", lane_id="l", budget="4769.69", spent="0.00")
    again = Touchpoint.model_validate_json(tp.model_dump_json())
    assert (str(again.budget), str(again.spent)) == ("4769.69", "0.00")


def breakages(project: Project) -> list[Any]:
    """Ways to break a valid project, one rule each (applied to a deep copy)."""
    tp = project.touchpoints
    fixes: list[Any] = [
        lambda p: p.touchpoints.append(p.touchpoints[0].model_copy()),  # duplicate id
        lambda p: p.notes.append(Note(id=p.stages[0].id, text="x", stage_id=p.stages[0].id,
                                      lane_id=p.lanes[0].id)),  # id of a stage
        lambda p: setattr(p.touchpoints[0], "stage_id", "nowhere"),
        lambda p: setattr(p.touchpoints[0], "lane_id", "nowhere"),
        lambda p: setattr(p.touchpoints[0], "persona_ids", ["ghost"]),
        lambda p: setattr(p.touchpoints[0], "scores", {"charm": 2}),
        lambda p: p.links.append(Link(id="k-self", source_id=tp[0].id, target_id=tp[0].id)),
        lambda p: p.links.append(Link(id="k-gone", source_id=tp[0].id, target_id="gone")),
        lambda p: p.links.append(Link(id="k-who", source_id="who", target_id=tp[0].id)),
        lambda p: p.links.append(Link(id="k-ghost", source_id=tp[0].id,
                                      target_id=tp[-1].id, persona_id="ghost")),
        lambda p: p.notes.append(Note(id="n-x", text="x", stage_id="nowhere",
                                      lane_id=p.lanes[0].id)),
        lambda p: p.notes.append(Note(id="n-y", text="x", stage_id=p.stages[0].id,
                                      lane_id="nowhere")),
    ]
    if project.personas:
        pid = project.personas[0].id
        fixes.append(lambda p: setattr(p.touchpoints[0], "persona_ids", [pid, pid]))
    if project.links:
        fixes.append(lambda p: p.links.append(p.links[0].model_copy(update={"id": "k-again"})))
    return fixes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_touchpoints=8).filter(lambda p: len(p.touchpoints) >= 2))
def test_quick_check_agrees_with_the_full_walk(project: Project) -> None:
    assert _is_clean(project, project) and _located_problems(project, project, "") == []
    for breakage in breakages(project):
        broken = project.model_copy(deep=True)
        breakage(broken)
        assert not _is_clean(broken, broken)
        assert [str(p) for p in find_problems(broken)] == \
            [str(p) for p in _located_problems(broken, broken, "")] != []


def test_quick_check_sees_a_version_reusing_a_shared_id() -> None:
    project = Project(title="t", personas=[Persona(id="p1", name="P")])
    version = project.active_version().model_copy(update={"id": "v2", "stages": []})
    version.touchpoints = []
    version.notes = [Note(id="p1", text="x", stage_id="s", lane_id="l")]
    assert not _is_clean(project, version)
    first = _located_problems(project, version, "versions[0].")[0]
    assert str(first) == "versions[0].notes[0].id: duplicate id 'p1' (also personas[0])"
