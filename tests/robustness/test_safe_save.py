"""Safe saving: atomic replace, backups, permissions, failures that leave the old file intact."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from journeymapper.document import Document, Kind
from journeymapper.io import SaveError, atomic_open, atomic_write, dumps, load, save
from journeymapper.io.atomic import remove_stale_temps, temp_name
from journeymapper.io.process import host_tag

from .helpers import DEAD_PID, sample_project, snapshot, temp_files


def test_save_new_file_then_backup_of_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    first, second = sample_project("First"), sample_project("Second", touchpoints=3)
    save(first, path)
    assert not (tmp_path / "map.json.bak").exists()
    save(second, path)
    assert path.read_bytes() == dumps(second)
    assert (tmp_path / "map.json.bak").read_bytes() == dumps(first)
    save(first, path)
    assert (tmp_path / "map.json.bak").read_bytes() == dumps(second)
    assert temp_files(tmp_path) == []


def test_save_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(sample_project(), path, backup=False)
    save(sample_project("Again"), path, backup=False)
    assert sorted(os.listdir(tmp_path)) == ["map.json"]


def test_relative_path_in_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    save(sample_project(), "map.json")
    save(sample_project("B"), "map.json")
    assert load("map.json").title == "B"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permissions_of_replaced_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(sample_project(), path)
    path.chmod(0o640)
    save(sample_project("B"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX umask")
def test_new_file_gets_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        save(sample_project(), tmp_path / "map.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "map.json").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_save_through_symlink_keeps_the_link(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "map.json"
    save(sample_project("A"), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save(sample_project("B"), link)
    assert link.is_symlink()
    assert load(real).title == "B"
    assert (real_dir / "map.json.bak").exists()


def test_writer_failing_midway_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(sample_project("Old"), path)
    save(sample_project("Older"), path)  # make a .bak too
    before = snapshot(tmp_path)

    def half_then_disk_full(handle, data):  # type: ignore[no-untyped-def]
        handle.write(data[: len(data) // 2])
        handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(SaveError) as info:
        atomic_write(path, dumps(sample_project("New")), writer=half_then_disk_full)
    assert isinstance(info.value, OSError)
    assert info.value.errno == errno.ENOSPC
    assert "map.json" in str(info.value) and "disk is full" in str(info.value)
    assert "unchanged" in str(info.value)
    assert snapshot(tmp_path) == before


def test_writer_raising_other_error_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(sample_project("Old"), path)
    before = snapshot(tmp_path)

    def boom(handle, data):  # type: ignore[no-untyped-def]
        handle.write(b"{")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, b"{}", writer=boom)
    assert snapshot(tmp_path) == before


def test_read_only_folder(tmp_path: Path, freeze) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "map.json"
    save(sample_project("Old"), path)
    before = snapshot(folder)
    freeze(folder)
    with pytest.raises(OSError) as info:
        save(sample_project("New"), path)
    assert "map.json" in str(info.value)
    assert "permission denied" in str(info.value) or "not permitted" in str(info.value)
    assert snapshot(folder) == before


def test_document_stays_modified_when_save_fails(qtbot, tmp_path: Path, freeze) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "map.json"
    save(sample_project("Old"), path)
    doc = Document.open(path)
    doc.create(Kind.TOUCHPOINT, name="New card", stage_id="purchase", lane_id="touchpoints")
    assert doc.is_modified
    freeze(folder)
    before = snapshot(folder)
    with qtbot.assertNotEmitted(doc.modified_changed), pytest.raises(OSError):
        doc.save()
    assert doc.is_modified
    assert snapshot(folder) == before
    assert load(path).title == "Old"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as info:
        save(sample_project(), tmp_path / "gone" / "map.json")
    assert "does not exist" in str(info.value)
    assert not (tmp_path / "gone").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    save(sample_project("Old"), path)
    path.chmod(0o444)
    before = snapshot(tmp_path)
    with pytest.raises(SaveError, match="marked read-only"):
        save(sample_project("New"), path)
    assert snapshot(tmp_path) == before


def test_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "map.json").mkdir()
    with pytest.raises(SaveError, match="a folder has that name"):
        save(sample_project(), tmp_path / "map.json")
    assert temp_files(tmp_path) == []


def test_stale_temps_of_dead_writers_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    dead = tmp_path / f".map.json.{host_tag()}-{DEAD_PID}-abcdef12.tmp"
    alive = tmp_path / f".map.json.{host_tag()}-{os.getppid()}-abcdef12.tmp"
    foreign_new = tmp_path / ".map.json.00000000-1234-abcdef12.tmp"
    foreign_old = tmp_path / ".map.json.00000000-1235-abcdef12.tmp"
    other_file = tmp_path / f".other.json.{host_tag()}-{DEAD_PID}-abcdef12.tmp"
    for p in (dead, alive, foreign_new, foreign_old, other_file):
        p.write_bytes(b"partial")
    old = time.time() - 2 * 24 * 3600
    os.utime(foreign_old, (old, old))
    save(sample_project(), path)
    assert temp_files(tmp_path) == sorted([alive.name, foreign_new.name, other_file.name])
    assert remove_stale_temps(tmp_path) == 1  # any name: the dead writer of other.json
    assert temp_files(tmp_path) == sorted([alive.name, foreign_new.name])


def test_temp_name_pattern() -> None:
    name = temp_name("map.json")
    assert name.startswith(".map.json.") and name.endswith(".tmp")
    assert f"-{os.getpid()}-" in name


def test_atomic_open_for_streaming_exports(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    with atomic_open(out) as handle:
        handle.write(b"%PDF-1.4 first")
    with pytest.raises(RuntimeError), atomic_open(out) as handle:
        handle.write(b"%PDF-1.4 half")
        raise RuntimeError("renderer crashed")
    assert out.read_bytes() == b"%PDF-1.4 first"
    assert temp_files(tmp_path) == []


def test_cli_new_reports_unwritable_target_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "new", str(tmp_path / "missing" / "m.json")],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "m.json" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_device_or_pipe_target_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout`` must work, and a device must never be renamed over."""
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, b"exported bytes", backup=True)
    reader.join(timeout=10)
    assert received == [b"exported bytes"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(os.listdir(tmp_path)) == ["out.pipe"]
