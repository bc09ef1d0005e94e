"""Project files: round trips, stable bytes, atomic saves with a backup, clear refusals."""

from __future__ import annotations

import contextlib
import gc
import json
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import HealthCheck, given, settings

from journeymapper import gc_pause
from journeymapper.io import ProjectFileError, atomic_write, dumps, load, parse, save
from journeymapper.io.migrations import MIGRATIONS
from journeymapper.model import SCHEMA_VERSION, Project, new_project
from tests.strategies import projects


def test_two_saves_are_byte_identical(tmp_path: Path) -> None:
    project = new_project("Bakery")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    save(project, a)
    save(load(a), b)
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_bytes())["schema_version"] == SCHEMA_VERSION


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_random_projects_round_trip(project: Project) -> None:
    raw = dumps(project)
    again = parse(raw)
    assert again == project
    assert dumps(again) == raw
    # What the app hands a child process reads back as the same map.
    compact = dumps(project, compact=True)
    assert len(compact) < len(raw) and b"\n " not in compact
    assert parse(compact) == project


def test_save_keeps_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    first, second = new_project("First"), new_project("Second")
    save(first, path)
    assert not (tmp_path / "map.json.bak").exists()
    save(second, path)
    assert load(path).title == "Second"
    assert load(tmp_path / "map.json.bak").title == "First"


def test_failing_write_leaves_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(new_project("Old"), path)
    before = path.read_bytes()

    def half_then_fail(handle: IO[bytes], data: bytes) -> None:
        handle.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, dumps(new_project("New")), writer=half_then_fail)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json"]


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(new_project(), path)
    assert path.stat().st_mode & 0o644 == 0o644


def test_load_names_file_path_and_reason(tmp_path: Path) -> None:
    data = json.loads(dumps(new_project()))
    data["touchpoints"] = [{"id": f"t{i}", "name": f"T{i}", "stage_id": "awareness",
                            "lane_id": "touchpoints"} for i in range(4)]
    data["touchpoints"][3]["budget"] = -5
    path = tmp_path / "bakery.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectFileError) as info:
        load(path)
    assert str(info.value) == "bakery.json: touchpoints[3].budget: must be >= 0, got -5"
    assert info.value.path == path


@pytest.mark.parametrize(("raw", "expected"), [
    (b"", "line 1, column 1: not valid JSON"),
    (b'{"title": "x",', "not valid JSON"),
    (b"[1, 2]", "a project is a JSON object, got list"),
    (b"\xff\xfe\x00garbage", "not a text file"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"schema_version": 99, "title": "x"}', "uses schema 99"),
    (b'{"schema_version": "one", "title": "x"}', "schema_version: must be a whole number"),
])
def test_refuses_what_is_not_a_project(raw: bytes, expected: str) -> None:
    with pytest.raises(ProjectFileError, match=expected):
        parse(raw, "x.json")


def test_missing_file_is_a_project_file_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot be read"):
        load(tmp_path / "nope.json")


def test_version_0_files_are_migrated() -> None:
    old = {"title": "Draft", "stages": [{"id": "s", "name": "S"}],
           "lanes": [{"id": "l", "name": "L"}],
           "touchpoints": [{"id": "t", "name": "T", "stage": "s", "lane": "l",
                            "scores": {"reach": 4}}]}
    project = parse(json.dumps(old).encode())
    assert project.schema_version == SCHEMA_VERSION
    assert project.touchpoints[0].stage_id == "s"
    assert project.importance(project.touchpoints[0]) > 0
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_never_replaces_what_is_not_a_regular_file(tmp_path: Path) -> None:
    folder = tmp_path / "map.json"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        save(new_project(), folder)
    assert folder.is_dir() and list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("raw", [dumps(new_project("Bakery")), b'{"title": ""}', b"[1, 2"])
def test_parsing_leaves_garbage_collection_as_it_was(raw: bytes, monkeypatch) -> None:
    # Parsing pauses the cyclic garbage collector (it only slows down building the objects);
    # it must be back on afterwards, however the parse ended, and a caller that switched it
    # off keeps it off. With no map's objects kept frozen, nothing is left frozen after.
    monkeypatch.setattr(gc_pause, "_holding", False)
    was_enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.unfreeze()
    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            with contextlib.suppress(ProjectFileError):
                parse(raw)
            assert gc.isenabled() is enabled
            assert gc.get_freeze_count() == 0
    finally:
        gc.enable() if was_enabled else gc.disable()
        if frozen:
            gc.freeze()


def test_parsing_keeps_what_the_app_froze_frozen() -> None:
    # The app keeps the objects of the map it built frozen (gc_pause.building) so that
    # collections skip them: a parse adds the new project to them and releases none of theirs.
    with gc_pause.building():
        kept = [[i] for i in range(100)]
    frozen = gc.get_freeze_count()
    project = parse(dumps(new_project("Bakery")))
    assert gc.get_freeze_count() > frozen and gc.isenabled()
    assert kept and project.title == "Bakery"


def _every_number() -> dict[str, Any]:
    """A current-version file with a value in every number field of the model."""
    data = json.loads(dumps(new_project()))
    data["personas"] = [{"id": "p", "name": "P"}]
    data["touchpoints"] = [{
        "id": "t", "name": "T", "stage_id": "awareness", "lane_id": "touchpoints",
        "kpis": [{"name": "CTR", "target": 2.5, "actual": 1.5}], "x": 1.5, "y": 2.5,
        "budget": "10.00", "spent": 4.5,
        "reviews": [{"date": "2026-01-05", "performance": 3, "kpi_values": {"CTR": 1.25}}]}]
    data["links"] = [{"id": "k", "source_id": "t", "target_id": "t2", "share": 0.5}]
    data["touchpoints"].append({**data["touchpoints"][0], "id": "t2", "reviews": []})
    data["notes"] = [{"id": "n", "text": "N", "stage_id": "awareness", "lane_id": "backstage",
                      "x": 3.5}]
    return data


NUMBER_PATHS = [("stages", 0, "width"), ("lanes", 0, "height"),
                ("scoring", "criteria", 0, "weight"), ("touchpoints", 0, "x"),
                ("touchpoints", 0, "y"), ("touchpoints", 0, "spent"),
                ("touchpoints", 0, "kpis", 0, "target"), ("touchpoints", 0, "kpis", 0, "actual"),
                ("touchpoints", 0, "reviews", 0, "kpi_values", "CTR"), ("links", 0, "share"),
                ("notes", 0, "x")]


@pytest.mark.parametrize("path", NUMBER_PATHS)
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_in_every_number(path: tuple[Any, ...],
                                                      literal: str) -> None:
    # pydantic's own JSON parser reads these literals (json.loads is told not to): no number
    # of the model may take them, so such a file is refused the way json.loads words it.
    data = _every_number()
    assert isinstance(parse(json.dumps(data).encode()), Project)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = float(literal.replace("Infinity", "inf"))
    raw = json.dumps(data).encode()
    assert literal.encode() in raw
    with pytest.raises(ProjectFileError) as info:
        parse(raw, "x.json")
    assert str(info.value) == f"x.json: not valid JSON ({literal} is not a JSON number)"


def test_names_with_nan_in_them_are_fine() -> None:
    data = _every_number()
    data["title"] = "NaN bread and Infinity pools"
    assert parse(json.dumps(data).encode()).title == "NaN bread and Infinity pools"
