"""Lock files beside shared maps, the way office suites do it (no Qt).

Opening ``map.json`` for editing writes ``.~lock.map.json#`` in the same folder: a small JSON
object with the user, the host, the process id (and its start time where the platform tells)
and when the lock was taken. Another Journeymapper that opens the map sees who has it and can
open it read-only, anyway, or not at all. A lock whose process died on this host (crash, kill,
power loss) is stale and silently taken over; a lock from another host cannot be checked and
is shown to the user, who may override it. An unreadable lock file counts as held by someone
unknown. Locks are advisory: nothing stops another program from writing the map.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from journeymapper.io.atomic import remove_stale_temps, temp_name
from journeymapper.io.process import (
    is_running,
    this_host,
    this_process_started,
    this_user,
)

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
MAX_LOCK_BYTES = 4096


def lock_path(path: Path | str) -> Path:
    """``folder/map.json`` -> ``folder/.~lock.map.json#``."""
    path = Path(path)
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class LockInfo:
    """Who holds a map open for editing."""

    user: str
    host: str
    pid: int
    time: str
    """When the lock was taken, ISO 8601 in UTC."""
    started: str | None = None
    """The start time of the process (tells a reused pid apart), where known."""
    app: str = "journeymapper"

    @classmethod
    def mine(cls) -> LockInfo:
        """A lock held by this process, now."""
        return cls(user=this_user(), host=this_host(), pid=os.getpid(),
                   time=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                   started=this_process_started())

    @classmethod
    def from_bytes(cls, raw: bytes) -> LockInfo | None:
        """Parse a lock file; None when it is not one of ours."""
        try:
            data = json.loads(raw.decode("utf-8"))
            info = cls(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]),
                       time=str(data.get("time", "")),
                       started=str(data["started"]) if data.get("started") else None,
                       app=str(data.get("app", "journeymapper")))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        return info

    def to_bytes(self) -> bytes:
        """The lock file content."""
        return json.dumps(asdict(self), indent=2).encode("utf-8") + b"\n"

    @property
    def is_mine(self) -> bool:
        """Held by this very process."""
        return self.host == this_host() and self.pid == os.getpid()

    @property
    def is_stale(self) -> bool:
        """Left by a process of this host that is gone: safe to take over."""
        return self.host == this_host() and not self.is_mine \
            and not is_running(self.pid, self.started)

    @property
    def since(self) -> dt.datetime | None:
        """When the lock was taken (aware, UTC), if the file says."""
        try:
            when = dt.datetime.fromisoformat(self.time)
        except ValueError:
            return None
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)

    def describe(self) -> str:
        """``alice on laptop-3 since 2024-05-01 14:02`` in local time."""
        since = self.since
        when = f" since {since.astimezone():%Y-%m-%d %H:%M}" if since else ""
        if self.host == this_host() and self.user == this_user():
            return f"another Journeymapper window of yours (process {self.pid}){when}"
        return f"{self.user} on {self.host}{when}"


UNKNOWN = LockInfo(user="someone unknown", host="an unknown computer", pid=0, time="")


def read_lock(path: Path | str) -> LockInfo | None:
    """The lock of the map at ``path``: None when there is none, UNKNOWN when unreadable."""
    lp = lock_path(path)
    try:
        with open(lp, "rb") as handle:
            raw = handle.read(MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except OSError:
        return UNKNOWN if lp.exists() else None
    return LockInfo.from_bytes(raw) or UNKNOWN


def holder(path: Path | str) -> LockInfo | None:
    """Who else holds the map: None when it is free, held by us, or held by a dead process."""
    info = read_lock(path)
    if info is None or info.is_mine or info.is_stale:
        return None
    return info


def acquire(path: Path | str, *, force: bool = False) -> LockInfo | None:
    """Lock the map for this process; returns None when locked, else the live other holder.

    A stale lock is taken over; with ``force`` a live one is too (the user chose "open
    anyway"). Raises OSError when the folder does not allow a lock file (read-only share).
    """
    lp = lock_path(path)
    mine = LockInfo.mine()
    remove_stale_temps(lp.parent, lp.name)
    for _ in range(5):
        try:
            _create_exclusive(lp, mine.to_bytes())
            return None
        except FileExistsError:
            pass
        info = read_lock(path)
        if info is None:
            continue  # released meanwhile: try again
        if info.is_mine:
            return None
        if not (force or info.is_stale):
            return info
        _overwrite(lp, mine.to_bytes())
        now = read_lock(path)
        return None if now is not None and now.is_mine else (now or UNKNOWN)
    return read_lock(path) or UNKNOWN


def release(path: Path | str) -> bool:
    """Remove the lock if this process holds it (never someone else's); True if removed."""
    info = read_lock(path)
    if info is None or not info.is_mine:
        return False
    try:
        os.unlink(lock_path(path))
    except OSError:
        return False
    return True


def _create_exclusive(lp: Path, content: bytes) -> None:
    """Create the lock file with its content in one step; FileExistsError when it exists."""
    tmp = lp.with_name(temp_name(lp.name))
    tmp.write_bytes(content)
    try:
        os.link(tmp, lp)  # atomic: nobody ever sees an empty lock
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here (FAT, some shares): fall back to O_EXCL
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def _overwrite(lp: Path, content: bytes) -> None:
    tmp = lp.with_name(temp_name(lp.name))
    try:
        tmp.write_bytes(content)
        os.replace(tmp, lp)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
