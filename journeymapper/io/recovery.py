"""Recovery files: what autosave writes so a crash or a kill loses seconds of work, not hours.

A recovery folder (the app uses ``<AppData>/recovery``) holds one entry per open, modified map:

- ``KEY.project.json``: the map, exactly as ``io.dumps`` writes a project file;
- ``KEY.meta.json``: a small sidecar: the original file (or null when never saved), the title,
  when it last changed (ISO 8601, UTC), and the writer's pid, process start time, host and user.

Both are written atomically, sidecar first, so a project file never exists without the sidecar
that tells whose it is. ``list_entries`` leaves out entries whose writer still runs (another
open Journeymapper owns them) and entries that do not parse; what remains was left by a
process that crashed or was killed, and can be offered for restoring. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from journeymapper.io.atomic import atomic_write, remove_stale_temps
from journeymapper.io.errors import ProjectFileError
from journeymapper.io.files import load, read_bytes
from journeymapper.io.process import (
    is_running,
    this_host,
    this_process_started,
    this_user,
)
from journeymapper.model import Project

DATA_SUFFIX = ".project.json"
META_SUFFIX = ".meta.json"
META_VERSION = 1
MAX_META_BYTES = 64 * 1024
_KEY_RE = re.compile(r"^[0-9a-z][0-9a-z-]{0,63}$")


def new_key() -> str:
    """A fresh entry key, unique across processes: ``PID-RANDOM``."""
    # secrets.token_hex(6), without importing secrets at start-up.
    return f"{os.getpid()}-{os.urandom(6).hex()}"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recoverable map: where its files are, what it is and who wrote it."""

    folder: Path
    key: str
    title: str
    original_path: Path | None
    changed: dt.datetime
    """When the map last changed (aware, UTC)."""
    pid: int
    host: str
    started: str | None = None
    user: str = ""
    project: Project | None = None
    """The recovered map (filled in by ``list_entries``)."""

    @property
    def data_path(self) -> Path:
        """The recovered project file."""
        return self.folder / f"{self.key}{DATA_SUFFIX}"

    @property
    def meta_path(self) -> Path:
        """The sidecar."""
        return self.folder / f"{self.key}{META_SUFFIX}"

    @property
    def writer_running(self) -> bool:
        """The process that wrote the entry still runs (on this host)."""
        return self.host == this_host() and is_running(self.pid, self.started)

    def same_as_original(self) -> bool:
        """The original file holds exactly these bytes (the map was saved after all)."""
        if self.original_path is None:
            return False
        try:
            return read_bytes(self.original_path) == read_bytes(self.data_path)
        except ProjectFileError:
            return False

    def to_bytes(self) -> bytes:
        """The sidecar content."""
        data = {"version": META_VERSION, "key": self.key, "title": self.title,
                "original_path": str(self.original_path) if self.original_path else None,
                "changed": self.changed.astimezone(dt.UTC).isoformat(timespec="milliseconds"),
                "pid": self.pid, "started": self.started, "host": self.host, "user": self.user}
        return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def _parse_meta(folder: Path, key: str, raw: bytes) -> RecoveryEntry | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        changed = dt.datetime.fromisoformat(str(data["changed"]))
        original = data.get("original_path")
        started = data.get("started")
        return RecoveryEntry(
            folder=folder, key=key, title=str(data.get("title") or "Untitled journey"),
            original_path=Path(original) if isinstance(original, str) and original else None,
            changed=changed if changed.tzinfo else changed.replace(tzinfo=dt.UTC),
            pid=int(data["pid"]), host=str(data.get("host", "")),
            started=str(started) if started else None, user=str(data.get("user", "")))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _check_key(key: str) -> str:
    if not _KEY_RE.match(key):
        raise ValueError(f"not a recovery key: {key!r}")
    return key


def write_entry(folder: Path | str, key: str, data: bytes, *, title: str,
                original_path: Path | str | None,
                changed: dt.datetime | None = None) -> RecoveryEntry:
    """Write (or overwrite) this process's entry ``key``; raises OSError when it cannot."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    entry = RecoveryEntry(
        folder=folder, key=_check_key(key), title=title,
        original_path=Path(original_path) if original_path else None,
        changed=changed or dt.datetime.now(dt.UTC), pid=os.getpid(), host=this_host(),
        started=this_process_started(), user=this_user())
    atomic_write(entry.meta_path, entry.to_bytes(), backup=False)
    atomic_write(entry.data_path, data, backup=False)
    return entry


def read_entry(folder: Path | str, key: str) -> RecoveryEntry | None:
    """The sidecar of entry ``key`` (project not loaded), or None when missing or broken."""
    folder = Path(folder)
    try:
        raw = (folder / f"{_check_key(key)}{META_SUFFIX}").read_bytes()[:MAX_META_BYTES]
    except (OSError, ValueError):
        return None
    return _parse_meta(folder, key, raw)


def list_entries(folder: Path | str, *, include_running: bool = False) -> list[RecoveryEntry]:
    """Entries that can be restored, newest first, each with its project loaded.

    Left out: entries whose writer still runs (unless ``include_running``), broken sidecars,
    and project files that do not load. Nothing on disk is changed.
    """
    folder = Path(folder)
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(META_SUFFIX))
    except OSError:
        return []
    entries: list[RecoveryEntry] = []
    for name in names:
        key = name[: -len(META_SUFFIX)]
        if not _KEY_RE.match(key):
            continue
        entry = read_entry(folder, key)
        if entry is None or (entry.writer_running and not include_running):
            continue
        try:
            project = load(entry.data_path)
        except ProjectFileError:
            continue
        entries.append(replace(entry, project=project))
    entries.sort(key=lambda e: e.changed, reverse=True)
    return entries


def remove_entry(folder: Path | str, key: str) -> None:
    """Delete an entry: the project first, so a sidecar never outlives nothing but itself."""
    folder = Path(folder)
    for suffix in (DATA_SUFFIX, META_SUFFIX):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / f"{_check_key(key)}{suffix}")


def claim_entry(entry: RecoveryEntry) -> RecoveryEntry:
    """Make a restored entry this process's own, so other instances stop offering it.

    The files stay until the new owner saves or discards the map (pass ``entry.key`` to the
    Autosaver), so a crash right after restoring still loses nothing.
    """
    claimed = replace(entry, pid=os.getpid(), host=this_host(), started=this_process_started(),
                      user=this_user(), project=None)
    atomic_write(claimed.meta_path, claimed.to_bytes(), backup=False)
    return replace(claimed, project=entry.project)


def prune(folder: Path | str) -> int:
    """Housekeeping: remove temporary files of dead writers and sidecars without a project
    whose writer is gone. Returns how many files were removed."""
    folder = Path(folder)
    removed = remove_stale_temps(folder)
    try:
        metas = [p for p in folder.iterdir() if p.name.endswith(META_SUFFIX)]
    except OSError:
        return removed
    for meta in metas:
        key = meta.name[: -len(META_SUFFIX)]
        if not _KEY_RE.match(key) or (folder / f"{key}{DATA_SUFFIX}").exists():
            continue
        entry = read_entry(folder, key)
        if entry is not None and entry.writer_running:
            continue
        with contextlib.suppress(OSError):
            meta.unlink()
            removed += 1
    return removed
