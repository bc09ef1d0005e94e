"""Lock files beside shared maps (Qt-free part)."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeymapper.io import lock
from journeymapper.io.lock import LockInfo, acquire, holder, lock_path, read_lock, release
from journeymapper.io.process import is_running, pid_alive, process_started

from .helpers import DEAD_PID, PYTHON


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is not us (stands in for another Journeymapper)."""
    child = subprocess.Popen([PYTHON, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    yield child
    child.kill()
    child.wait()


def write_lock(path: Path, info: LockInfo) -> None:
    lock_path(path).write_bytes(info.to_bytes())


def test_lock_path_like_office_suites(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "map.json") == tmp_path / ".~lock.map.json#"


def test_acquire_and_release(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    assert acquire(path) is None
    info = read_lock(path)
    assert info is not None and info.is_mine and not info.is_stale
    data = json.loads(lock_path(path).read_bytes())
    assert {"user", "host", "pid", "time"} <= set(data)
    assert data["pid"] == os.getpid()
    assert holder(path) is None  # our own lock does not stop us
    assert acquire(path) is None  # taking it twice is fine
    assert release(path)
    assert not lock_path(path).exists()
    assert not release(path)
    assert sorted(os.listdir(tmp_path)) == []


def test_live_lock_of_another_process(tmp_path: Path, other_process) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "map.json"
    theirs = dataclasses.replace(LockInfo.mine(), pid=other_process.pid, user="alice",
                                 started=process_started(other_process.pid))
    write_lock(path, theirs)
    assert holder(path) == theirs
    assert acquire(path) == theirs
    assert read_lock(path) == theirs  # untouched
    assert not release(path)  # never removes someone else's lock
    assert lock_path(path).exists()
    assert "alice on" in theirs.describe()
    assert acquire(path, force=True) is None  # "open anyway"
    assert read_lock(path).is_mine  # type: ignore[union-attr]


def test_same_user_other_window_is_described_as_such(other_process) -> None:  # type: ignore[no-untyped-def]
    theirs = dataclasses.replace(LockInfo.mine(), pid=other_process.pid)
    assert "another Journeymapper window of yours" in theirs.describe()


def test_stale_lock_of_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    write_lock(path, dataclasses.replace(LockInfo.mine(), pid=DEAD_PID, started=None))
    assert read_lock(path).is_stale  # type: ignore[union-attr]
    assert holder(path) is None
    assert acquire(path) is None
    assert read_lock(path).is_mine  # type: ignore[union-attr]


def test_reused_pid_is_recognised_by_start_time(tmp_path: Path, other_process) -> None:  # type: ignore[no-untyped-def]
    if process_started(other_process.pid) is None:
        pytest.skip("this platform does not tell process start times")
    path = tmp_path / "map.json"
    write_lock(path, dataclasses.replace(LockInfo.mine(), pid=other_process.pid,
                                         started="another-boot:12345"))
    assert read_lock(path).is_stale  # type: ignore[union-attr]
    assert acquire(path) is None


def test_lock_from_another_host_is_never_stale(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    theirs = dataclasses.replace(LockInfo.mine(), host="laptop-of-bob", pid=DEAD_PID)
    write_lock(path, theirs)
    assert not theirs.is_stale
    assert holder(path) == theirs
    assert acquire(path) == theirs


@pytest.mark.parametrize("content", [b"", b"garbage", b"[1]", b'{"user": 1}', b"\xff" * 50])
def test_unreadable_lock_counts_as_someone_unknown(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "map.json"
    lock_path(path).write_bytes(content)
    assert holder(path) is lock.UNKNOWN
    assert acquire(path) is lock.UNKNOWN
    assert acquire(path, force=True) is None


def test_lock_in_read_only_folder_raises(tmp_path: Path, freeze) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "share"
    folder.mkdir()
    freeze(folder)
    with pytest.raises(OSError):
        acquire(folder / "map.json")


def test_process_helpers(other_process) -> None:  # type: ignore[no-untyped-def]
    assert pid_alive(os.getpid())
    assert pid_alive(other_process.pid)
    assert not pid_alive(DEAD_PID)
    assert not pid_alive(0) and not pid_alive(-5)
    assert is_running(other_process.pid, process_started(other_process.pid))
    other_process.kill()
    other_process.wait()
    assert not pid_alive(other_process.pid)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="zombies are POSIX")
def test_zombie_counts_as_dead() -> None:
    child = subprocess.Popen([PYTHON, "-c", "pass"])
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped
    try:
        assert not pid_alive(child.pid)
    finally:
        child.wait()
