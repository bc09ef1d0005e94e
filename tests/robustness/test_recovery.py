"""Recovery entries (Qt-free): write, list, remove, claim, prune."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path

from journeymapper.io import dumps, recovery
from journeymapper.io.process import host_tag

from .helpers import DEAD_PID, PYTHON, make_dead, python_child_env, sample_project


def write(folder: Path, title: str, original: Path | None = None) -> recovery.RecoveryEntry:
    project = sample_project(title)
    return recovery.write_entry(folder, recovery.new_key(), dumps(project), title=title,
                                original_path=original)


def test_write_then_list_only_once_the_writer_is_gone(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    entry = write(folder, "Workshop", tmp_path / "map.json")
    assert entry.data_path.read_bytes() == dumps(sample_project("Workshop"))
    assert recovery.list_entries(folder) == []  # we are alive: not ours to restore
    [running] = recovery.list_entries(folder, include_running=True)
    assert running.writer_running
    make_dead(entry)
    [found] = recovery.list_entries(folder)
    assert found.title == "Workshop"
    assert found.original_path == tmp_path / "map.json"
    assert found.project == sample_project("Workshop")
    assert found.changed.tzinfo is not None
    assert abs(found.changed - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_newest_first_and_never_saved(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    old = write(folder, "Old")
    new = write(folder, "New")
    make_dead(dataclasses.replace(old, changed=old.changed - dt.timedelta(hours=1)))
    make_dead(new)
    titles = [e.title for e in recovery.list_entries(folder)]
    assert titles == ["New", "Old"]
    assert recovery.list_entries(folder)[0].original_path is None


def test_broken_entries_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    good = make_dead(write(folder, "Good"))
    bad_data = make_dead(write(folder, "Bad data"))
    bad_data.data_path.write_bytes(b'{"title": ')
    bad_meta = write(folder, "Bad meta")
    bad_meta.meta_path.write_bytes(b"\x00garbage")
    no_data = make_dead(write(folder, "No data"))
    no_data.data_path.unlink()
    (folder / "UPPER-case.meta.json").write_bytes(b"{}")
    assert [e.key for e in recovery.list_entries(folder)] == [good.key]


def test_remove_and_claim(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    entry = make_dead(write(folder, "Mine now"))
    [found] = recovery.list_entries(folder)
    claimed = recovery.claim_entry(found)
    assert claimed.pid == os.getpid() and claimed.project == found.project
    assert recovery.list_entries(folder) == []  # hidden from other instances while we run
    recovery.remove_entry(folder, entry.key)
    assert list(folder.iterdir()) == []
    recovery.remove_entry(folder, entry.key)  # twice is fine


def test_same_as_original(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    original = tmp_path / "map.json"
    original.write_bytes(dumps(sample_project("Saved")))
    entry = write(folder, "Saved", original)
    assert entry.same_as_original()
    original.write_bytes(b"changed")
    assert not entry.same_as_original()
    assert not write(folder, "Never saved").same_as_original()


def test_prune_removes_orphans_and_dead_temps(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    alive = write(folder, "Alive")
    alive.data_path.unlink()  # a live writer between its two writes: leave it
    orphan = make_dead(write(folder, "Orphan"))
    orphan.data_path.unlink()
    keep = make_dead(write(folder, "Keep"))
    temp = folder / f".{keep.data_path.name}.{host_tag()}-{DEAD_PID}-0123abcd.tmp"
    temp.write_bytes(b"half")
    assert recovery.prune(folder) == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [alive.meta_path.name, keep.meta_path.name, keep.data_path.name])


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert recovery.list_entries(tmp_path / "nope") == []
    assert recovery.prune(tmp_path / "nope") == 0


def test_io_runs_without_qt() -> None:
    code = ("import sys, journeymapper.io, journeymapper.io.recovery, journeymapper.io.lock; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    assert subprocess.run([PYTHON, "-c", code], env=python_child_env()).returncode == 0
