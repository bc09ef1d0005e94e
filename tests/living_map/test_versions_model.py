"""Versions in the model: validation inside snapshots (with paths), comparing, migration."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from journeymapper.analysis.compare import Change, compare_versions, signed
from journeymapper.io import dumps, parse
from journeymapper.io.errors import ProjectFileError
from journeymapper.model import (
    KPI,
    KpiColouring,
    KpiCondition,
    KpiRule,
    MapVersion,
    Project,
    Touchpoint,
    find_problems,
)
from tests.living_map.helpers import living_project


def with_version(project: Project, **changes: object) -> Project:
    """The project with one stored version: a copy of its map, then ``changes`` applied."""
    data = project.model_dump()
    version = {"id": "version-2", "name": "To-be", "stages": data["stages"],
               "lanes": data["lanes"], "touchpoints": data["touchpoints"],
               "links": data["links"], "notes": data["notes"], **changes}
    data["versions"] = [version]
    return Project.model_validate(data)


def test_a_copy_in_a_version_is_valid_and_round_trips() -> None:
    project = with_version(living_project())
    assert find_problems(project) == []
    assert dumps(parse(dumps(project))) == dumps(project)


def test_references_inside_versions_are_checked_with_paths() -> None:
    project = living_project()
    data = project.model_dump(mode="json")
    version = {"id": "version-2", "name": "To-be", "stages": data["stages"],
               "lanes": data["lanes"], "touchpoints": data["touchpoints"],
               "links": data["links"], "notes": []}
    version["touchpoints"] = [dict(t) for t in version["touchpoints"]]
    version["touchpoints"][2]["stage_id"] = "nowhere"
    version["touchpoints"][0]["persona_ids"] = ["p-ghost"]
    version["links"] = [dict(version["links"][0], target_id="tp-gone")]
    data["versions"] = [version, dict(version, id="version-1", name="Dup")]
    with pytest.raises(ProjectFileError) as info:
        parse(json.dumps(data).encode())
    text = str(info.value)
    assert "versions[0].touchpoints[2].stage_id: unknown stage 'nowhere'" in text
    assert "versions[0].touchpoints[0].persona_ids[0]: unknown persona 'p-ghost'" in text
    assert "versions[0].links[0].target_id: unknown touchpoint 'tp-gone'" in text
    # The second version reuses the active version's id.
    assert "versions[1].id: duplicate version id 'version-1' (also version_id)" in text


def test_version_items_may_not_reuse_a_shared_persona_id() -> None:
    project = living_project()
    stages = [s.model_copy(update={"id": "p-parent"}) if i == 0 else s
              for i, s in enumerate(project.stages)]
    with pytest.raises(ValueError, match=r"versions\[0\]\.stages\[0\]\.id: duplicate id "
                                         r"'p-parent' \(also personas\[0\]\)"):
        with_version(project, stages=stages,
                     touchpoints=[t for t in project.touchpoints if t.stage_id != "awareness"],
                     notes=[])


def test_a_v1_file_without_reviews_or_versions_loads() -> None:
    data = living_project().model_dump(mode="json")
    data["schema_version"] = 1
    for key in ("versions", "version_id", "version_name", "kpi_colouring"):
        del data[key]
    for tp in data["touchpoints"]:
        for key in ("votes", "review_cadence", "reviews"):
            del tp[key]
    project = parse(json.dumps(data).encode())
    assert project.schema_version == 2
    assert project.versions == [] and project.version_name == "Current map"
    assert all(tp.reviews == [] and tp.review_cadence == "none" for tp in project.touchpoints)
    assert not project.kpi_colouring.enabled


def test_compare_hand_built_pair() -> None:
    before = living_project()
    after = living_project()
    after.touchpoints = [t for t in after.touchpoints if t.id != "tp-flyer"]
    after.links = []
    site = after.touchpoints[0]
    site.budget, site.stage_id, site.x = Decimal("1500.00"), "awareness", 99.0
    site.reviews = []  # history and position are not differences
    after.touchpoints[1].x = 50.0
    after.touchpoints.append(Touchpoint(id="tp-chat", name="Chat", stage_id="purchase",
                                        lane_id="touchpoints", budget=Decimal("250.00")))
    result = compare_versions(before.active_version(), after.active_version())
    assert [(d.change, d.id) for d in result.diffs] == [
        (Change.CHANGED, "tp-site"), (Change.ADDED, "tp-chat"), (Change.REMOVED, "tp-flyer")]
    changed = result.changed[0]
    assert changed.fields == ("stage_id", "budget")
    assert changed.field_labels() == ["stage", "budget"]
    assert changed.budget_delta == Decimal("500.00")
    assert result.added[0].budget_delta == Decimal("250.00")
    assert result.removed[0].budget_delta == Decimal("-100.00")
    assert (result.budget_before, result.budget_after) == (Decimal("3100.00"),
                                                           Decimal("3750.00"))
    assert result.budget_delta == Decimal("650.00")
    assert result.summary() == "1 added, 1 removed, 1 changed; budget +650.00"
    assert signed(Decimal("-1234.5")) == "-1,234.50"


def test_compare_identical_versions_is_empty() -> None:
    project = living_project()
    result = compare_versions(project.active_version(),
                              MapVersion(id="v", name="copy", touchpoints=project.touchpoints))
    assert result.diffs == [] and result.budget_delta == 0


def test_kpi_colouring_rules() -> None:
    below = KPI(name="a", target=5, actual=3)
    on = KPI(name="b", target=5, actual=6)
    unknown = KPI(name="c", target=5)
    colouring = KpiColouring(enabled=True)
    assert colouring.color_for([on, below]) == "#d62728"
    assert colouring.color_for([on, unknown]) == "#2ca02c"
    assert colouring.color_for([unknown]) == ""
    assert KpiColouring(enabled=False).color_for([below]) == ""
    only_green = KpiColouring(enabled=True, rules=[KpiRule(condition=KpiCondition.ON_TARGET,
                                                           color="#00aa00")])
    assert only_green.color_for([below]) == ""
