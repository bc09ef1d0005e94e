"""Broken and hostile project files: each gives ProjectFileError naming the file, the CLI says
so and exits 1 without a traceback, and nothing on disk changes."""

from __future__ import annotations

import copy
import errno
import json
import os
import random
import subprocess
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeymapper.cli import main
from journeymapper.io import MAX_FILE_BYTES, ProjectFileError, dumps, load
from journeymapper.io import files as io_files

from .helpers import PYTHON, python_child_env, sample_project, snapshot

GOOD = json.loads(dumps(sample_project()))


def variant(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = copy.deepcopy(GOOD)
    change(data)
    return json.dumps(data, indent=1).encode()


def nested(depth: int) -> bytes:
    return b'{"title": "x", "description": ' + b"[" * depth + b"]" * depth + b"}"


def many_touchpoints(data: dict[str, Any]) -> None:
    data["touchpoints"] = [{"id": f"t{i}", "name": "T", "stage_id": "awareness",
                            "lane_id": "touchpoints"} for i in range(60_000)]
    data["links"] = []


# name -> (file bytes, words the message must contain)
CASES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "not valid JSON"),
    "truncated": (dumps(sample_project())[:700], "not valid JSON"),
    "not-json": (b"Hello, this is a letter, not a map.", "not valid JSON"),
    "top-level-list": (b"[1, 2, 3]", "a project is a JSON object"),
    "top-level-string": (b'"journey"', "a project is a JSON object"),
    "wrong-types": (variant(lambda d: d.update(title=5, stages="all of them")),
                    "stages: input should be a valid list"),
    "wrong-nested-type": (variant(lambda d: d["touchpoints"][0].update(budget="lots")),
                          "touchpoints[0].budget"),
    "negative-money": (variant(lambda d: d["touchpoints"][1].update(spent="-5")),
                       "touchpoints[1].spent: must be >= 0"),
    "unknown-field": (variant(lambda d: d.update(colour="red")), "colour: is not a known field"),
    "unknown-nested-field": (variant(lambda d: d["touchpoints"][2].update(mood="ok")),
                             "touchpoints[2].mood: is not a known field"),
    "duplicate-ids": (variant(lambda d: d["touchpoints"].append(d["touchpoints"][0])),
                      "duplicate id 'tp-0'"),
    "dangling-stage": (variant(lambda d: d["touchpoints"][0].update(stage_id="nowhere")),
                       "touchpoints[0].stage_id: unknown stage 'nowhere'"),
    "dangling-link": (variant(lambda d: d["links"][0].update(target_id="tp-gone")),
                      "links[0].target_id: unknown touchpoint 'tp-gone'"),
    "huge-string": (variant(lambda d: d.update(description="x" * 5_000_000)),
                    "description: is 5000000 characters long, at most 10000"),
    "huge-list": (variant(lambda d: d["touchpoints"][0].update(tags=["t"] * 100_000)),
                  "touchpoints[0].tags: holds 100000 items, at most 100"),
    "too-many-touchpoints": (variant(many_touchpoints),
                             "touchpoints: holds 60000 items, at most 50000 allowed"),
    "deep-brackets": (b"[" * 100_000, "nested too deeply"),
    "deep-objects": (b'{"a":' * 100_000, "nested too deeply"),
    "deep-in-field": (nested(100_000), "nested too deeply"),
    "deep-but-parsable": (nested(900), "description: input should be a valid string"),
    "many-containers": (b"[" + b"{}," * 2_100_000 + b"{}]", "JSON objects and lists"),
    "newer-schema": (variant(lambda d: d.update(schema_version=999)),
                     "update Journeymapper"),
    "bad-schema-version": (variant(lambda d: d.update(schema_version="two")),
                           "schema_version: must be a whole number"),
    "binary-garbage": (random.Random(3).randbytes(4096), "not a text file"),
    "utf16": (json.dumps(GOOD).encode("utf-16"), "not a text file"),
    "nul-bytes": (b"\x00" * 64, "not valid JSON"),
    "nan-literal": (b'{"title": "x", "stages": [], "business": {"competitors": NaN}}',
                    "NaN is not a JSON number"),
    "huge-integer": (b'{"title": "x", "business": {"competitors": ' + b"9" * 5000 + b"}}",
                     "not valid JSON"),
    "infinite-float": (variant(lambda d: d["touchpoints"][0].update(x=123.25)).replace(
        b"123.25", b"1e999"), "touchpoints[0].x: input should be a finite number"),
}


def assert_refused(path: Path, words: str) -> ProjectFileError:
    before = snapshot(path.parent)
    with pytest.raises(ProjectFileError) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: "), message
    assert words in message, message
    assert len(message) < 4000
    assert snapshot(path.parent) == before
    return info.value


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_refused_with_a_clear_message(tmp_path: Path, name: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    raw, words = CASES[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(raw)
    assert_refused(path, words)
    before = snapshot(tmp_path)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path.name}: " in err and words in err and "Traceback" not in err
    assert snapshot(tmp_path) == before


def test_good_file_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(sample_project()))
    assert load(path) == sample_project()


def test_older_schema_is_migrated_in_memory_only(tmp_path: Path) -> None:
    data = copy.deepcopy(GOOD)
    del data["schema_version"], data["scoring"]
    for tp in data["touchpoints"]:
        tp["stage"], tp["lane"] = tp.pop("stage_id"), tp.pop("lane_id")
    for tp in data["touchpoints"]:
        tp.pop("scores")
    path = tmp_path / "old.json"
    path.write_bytes(json.dumps(data).encode())
    before = snapshot(tmp_path)
    project = load(path)
    assert project.touchpoints[0].stage_id == GOOD["touchpoints"][0]["stage_id"]
    assert snapshot(tmp_path) == before


def test_200_mb_file_is_refused_by_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:  # sparse: takes no disk space
        handle.truncate(200 * 2**20)
    tracemalloc.start()
    try:
        error = assert_refused(path, f"200.0 MB; project files are at most "
                                     f"{MAX_FILE_BYTES // 2**20} MB")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20, f"read {peak} bytes into memory"
    assert error.path == path


def test_file_growing_while_read_is_cut_off(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grows.json"
    path.write_bytes(b"{}")
    real_fstat = os.fstat

    class SmallStat:  # the size the file had when we looked; it grew before the read
        def __init__(self, st: os.stat_result) -> None:
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(io_files.os, "fstat", lambda fd: SmallStat(real_fstat(fd)))
    monkeypatch.setattr(io_files, "MAX_FILE_BYTES", 1)
    with pytest.raises(ProjectFileError, match="project files are at most"):
        load(path)


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "map.json"
    folder.mkdir()
    assert_refused(folder, "is a folder, not a project file")


def test_missing_file(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(ProjectFileError,
                       match=r"^missing\.json: cannot be read: the file does not exist$"):
        load(tmp_path / "missing.json")
    assert snapshot(tmp_path) == before
    assert main(["validate", str(tmp_path / "missing.json")]) == 1


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_bytes(dumps(sample_project()))
    path.chmod(0o000)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user
        real_open = os.open

        def denied(p: Any, flags: int, *args: Any) -> int:
            if Path(p) == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(p))
            return real_open(p, flags, *args)

        monkeypatch.setattr(io_files.os, "open", denied)
    try:
        assert_refused(path, "cannot be read: permission denied")
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    assert_refused(path, "is not a regular file")


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_loop(tmp_path: Path) -> None:
    path = tmp_path / "loop.json"
    path.symlink_to(tmp_path / "loop.json")
    assert_refused(path, "cannot be read")


def test_cli_validate_in_a_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    paths = []
    for name in ("truncated", "binary-garbage", "deep-brackets", "newer-schema",
                 "dangling-link"):
        path = tmp_path / f"{name}.json"
        path.write_bytes(CASES[name][0])
        paths.append(str(path))
    (tmp_path / "folder.json").mkdir()
    paths += [str(tmp_path / "folder.json"), str(tmp_path / "missing.json")]
    good = tmp_path / "good.json"
    good.write_bytes(dumps(sample_project()))
    paths.append(str(good))
    before = snapshot(tmp_path)
    result = subprocess.run([PYTHON, "-m", "journeymapper", "validate", *paths],
                            capture_output=True, text=True, timeout=60, env=python_child_env())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name in ("truncated", "binary-garbage", "deep-brackets", "newer-schema",
                 "dangling-link", "folder", "missing"):
        assert f"{name}.json: " in result.stderr
    assert "good.json: ok" in result.stdout
    assert snapshot(tmp_path) == before
