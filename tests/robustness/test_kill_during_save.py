"""SIGKILL at random moments during repeated saves: the file is always version A or B, whole.

A helper process imports Journeymapper once and forks a fresh saver child on request (a
``python -c`` start costs about half a second here; a fork a few milliseconds), so 200 real
processes can be killed mid-save within seconds. Each child loops ``journeymapper.io.save`` of
A and B alternately into the same file; the test kills it with SIGKILL after a random delay,
waits until it is gone, and checks the file, the backup and the temporary files.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeymapper.io import dumps, load, save
from journeymapper.io.process import pid_alive

from .helpers import PYTHON, python_child_env, sample_project, temp_files

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

KILLS = 200

FORK_SERVER = r"""
import os, signal, sys
from journeymapper.io import load, save
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed children are reaped at once
a, b, target = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        i = int(line)
        while True:
            save(a if i % 2 == 0 else b, target)
            i += 1
    sys.stdout.write(f"{pid}\n")
    sys.stdout.flush()
"""

SPAWNED_SAVER = r"""
import sys
from journeymapper.io import load, save
a, b, target = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
print("ready", flush=True)
i = 0
while True:
    save(a if i % 2 == 0 else b, target)
    i += 1
"""


def wait_gone(pid: int, pidfd: int | None) -> None:
    """Block until the killed process has disappeared (no sleeping where pidfd exists)."""
    if pidfd is not None:
        select.select([pidfd], [], [], 10.0)
    deadline = time.monotonic() + 10.0
    while pid_alive(pid):  # reaping by the fork server follows right after exit
        assert time.monotonic() < deadline, f"process {pid} survived SIGKILL"
        time.sleep(0.001)


def check_files(folder: Path, target: Path, versions: set[bytes]) -> list[str]:
    raw = target.read_bytes()
    assert raw in versions, f"torn file: {len(raw)} bytes"
    assert dumps(load(target)) == raw
    backup = target.with_name(target.name + ".bak")
    if backup.exists():
        assert backup.read_bytes() in versions
    return temp_files(folder)


def test_sigkill_during_saves_never_tears_the_file(tmp_path: Path) -> None:
    started = time.monotonic()
    a, b = sample_project("Version A", touchpoints=40), sample_project("Version B", 25)
    versions = {dumps(a), dumps(b)}
    (tmp_path / "a.json").write_bytes(dumps(a))
    (tmp_path / "b.json").write_bytes(dumps(b))
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "map.json"
    save(a, target)
    server = subprocess.Popen(
        [PYTHON, "-c", FORK_SERVER, str(tmp_path / "a.json"), str(tmp_path / "b.json"),
         str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=python_child_env())
    assert server.stdin is not None and server.stdout is not None
    rng = random.Random(20240607)
    in_flight = 0
    try:
        for kill in range(KILLS):
            server.stdin.write(f"{kill}\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            pidfd = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
            try:
                time.sleep(rng.uniform(0.0, 0.03))
                os.kill(pid, signal.SIGKILL)
                wait_gone(pid, pidfd)
            finally:
                if pidfd is not None:
                    os.close(pidfd)
            temps = check_files(folder, target, versions)
            # Only the killed child's own in-flight files (data + backup link) may remain:
            # every save first removes what earlier, dead writers left.
            assert len(temps) <= 2, temps
            assert len({t.rsplit("-", 2)[1] for t in temps}) <= 1, temps
            in_flight += bool(temps)
    finally:
        server.kill()
        server.wait()
    save(b, target)
    assert temp_files(folder) == []
    assert sorted(os.listdir(folder)) == ["map.json", "map.json.bak"]
    # The kills really landed inside saves, not only between them.
    assert in_flight >= KILLS // 10, f"only {in_flight} kills hit a save in flight"
    print(f"{KILLS} kills, {in_flight} mid-write, {time.monotonic() - started:.1f} s",
          file=sys.stderr)


def test_sigkill_of_freshly_started_python_savers(tmp_path: Path) -> None:
    """A few fully separate ``python -c`` processes too, killed while saving."""
    a, b = sample_project("Version A", touchpoints=40), sample_project("Version B", 25)
    versions = {dumps(a), dumps(b)}
    (tmp_path / "a.json").write_bytes(dumps(a))
    (tmp_path / "b.json").write_bytes(dumps(b))
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "map.json"
    rng = random.Random(7)
    for _ in range(4):
        child = subprocess.Popen(
            [PYTHON, "-c", SPAWNED_SAVER, str(tmp_path / "a.json"), str(tmp_path / "b.json"),
             str(target)], stdout=subprocess.PIPE, text=True, env=python_child_env())
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.005, 0.05))
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
        temps = check_files(folder, target, versions)
        assert len(temps) <= 2
