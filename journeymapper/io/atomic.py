"""Atomic file writes: a file on disk is always either its old or its new version (no Qt).

How a write goes (``atomic_open`` / ``atomic_write``):

1. Temporary files of earlier writers of the same file that died on this host (killed, crashed,
   power loss) are removed, so they never pile up.
2. The bytes go to a new temporary file ``.NAME.HOST-PID-RANDOM.tmp`` in the target's own folder
   (same drive, so the final rename never crosses devices). It is created exclusively, with the
   permissions of the file it replaces (or the usual ones under the umask for a new file).
3. The data is flushed and fsynced (``F_FULLFSYNC`` on macOS, where plain fsync does not reach
   the platter).
4. With ``backup=True`` the current version is kept as ``NAME.bak``, itself replaced atomically
   (a hard link where the file system allows one, a copy elsewhere). A backup that cannot be made
   does not stop the save.
5. ``os.replace`` swaps the temporary file in (atomic on POSIX and on Windows/NTFS; on Windows a
   replace blocked for a moment by a virus scanner or indexer is retried), then the folder is
   fsynced so the rename itself survives a power loss.

A symlinked target is written through to the real file, so the link survives. A target that
is a device or a pipe (``-o /dev/stdout``, ``/dev/null``) is written straight into, never
replaced. A target whose permissions say read-only is refused. Any failure removes the
temporary file, leaves the old file untouched and raises ``SaveError`` (an ``OSError``) whose
message says which file and why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from journeymapper.io.process import host_tag, pid_alive

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# Temporary files left by a writer on another host are removed once they are this old.
FOREIGN_TEMP_MAX_AGE = 24 * 3600.0

_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[0-9a-f]{6,}\.tmp$")
_REASON_TEXTS = {
    "ENOSPC": "the disk is full",
    "EDQUOT": "the disk quota is used up",
    "EACCES": "permission denied (the folder or the file is read-only or someone else's)",
    "EPERM": "the operation is not permitted (the folder or the file is protected)",
    "EROFS": "the drive is read-only",
    "ENOENT": "the folder does not exist (any more)",
    "ENOTDIR": "a part of the folder path is not a folder",
    "EISDIR": "a folder has that name",
    "ENAMETOOLONG": "the file name is too long",
    "EIO": "the drive reported an input/output error",
}
# Not every platform has every code (EDQUOT, EROFS on Windows).
_REASONS = {getattr(errno, name): text for name, text in _REASON_TEXTS.items()
            if hasattr(errno, name)}


class SaveError(OSError):
    """A file could not be written; the previous version on disk is unchanged.

    It is also the matching built-in subclass of OSError (``PermissionError``,
    ``FileNotFoundError``, ``IsADirectoryError``...), so existing ``except`` clauses keep working.
    """

    path: Path

    def __new__(cls, path: Path | str, cause: OSError | None = None,
                reason: str = "") -> SaveError:
        code = cause.errno if cause is not None and cause.errno else errno.EIO
        reason = reason or describe_os_error(cause)
        detail = cause.strerror if cause is not None else None
        if detail and detail.lower() not in reason.lower():
            reason = f"{reason} ({detail})"
        # OSError takes errno, strerror and filename in __new__ when __new__ is overridden.
        self = OSError.__new__(_flavour(code) if cls is SaveError else cls, code, reason,
                               str(path))
        self.path = Path(path)
        return self

    def __str__(self) -> str:
        return (f"Cannot save {self.path}: {self.strerror}. "
                f"The previous version of the file is unchanged.")


_FLAVOURS: dict[type[OSError], type[SaveError]] = {}


def _flavour(code: int) -> type[SaveError]:
    builtin = type(OSError(code, ""))
    if builtin is OSError:
        return SaveError
    if builtin not in _FLAVOURS:
        _FLAVOURS[builtin] = type("SaveError", (SaveError, builtin), {
            "__doc__": SaveError.__doc__, "__module__": __name__})
    return _FLAVOURS[builtin]


def describe_os_error(exc: OSError | None) -> str:
    """A short human reason for an OSError."""
    if exc is None:
        return "unknown error"
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")


def _write_all(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)


def atomic_write(path: Path | str, data: bytes, *, backup: bool = True,
                 writer: Callable[[IO[bytes], bytes], None] = _write_all) -> None:
    """Write bytes so the file is always either the old or the new version.

    ``writer(handle, data)`` does the writing (tests pass one that fails midway). The previous
    version is kept as ``NAME.bak`` when ``backup``. Raises ``SaveError`` on failure.
    """
    with atomic_open(path, backup=backup) as handle:
        writer(handle, data)


@contextlib.contextmanager
def atomic_open(path: Path | str, *, backup: bool = False) -> Iterator[IO[bytes]]:
    """A binary handle whose content replaces ``path`` atomically when the block ends cleanly.

    For exporters that stream (PDF, PNG): ``with atomic_open(out) as f: canvas.save(f)``. An
    exception in the block discards everything written and leaves ``path`` as it was.
    """
    if _is_special(Path(path)):
        target = Path(path)
        # /dev/null, /dev/stdout, a named pipe: write straight through; renaming a temporary
        # file over a device would replace the device itself.
        with _special_writer(target) as handle:
            yield handle
        return
    target = _real_target(Path(path))
    folder = target.parent
    tmp: Path | None = None
    try:
        mode = _mode_to_keep(target)
        remove_stale_temps(folder, target.name)
        tmp, fd = _create_temp(folder, target.name)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            _fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if backup and target.exists():
            _make_backup(target)
        _replace(tmp, target)
        tmp = None
    except OSError as exc:
        if isinstance(exc, SaveError):
            raise
        raise SaveError(target, exc) from exc
    finally:
        if tmp is not None:
            _unlink_quietly(tmp)
    _fsync_folder(folder)


def _real_target(path: Path) -> Path:
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _is_special(target: Path) -> bool:
    """An existing target that is neither a regular file nor a folder (a device, a pipe)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def _special_writer(target: Path) -> Iterator[IO[bytes]]:
    try:
        with open(target, "wb") as handle:
            yield handle
    except OSError as exc:
        raise SaveError(target, exc) from exc


def _mode_to_keep(target: Path) -> int | None:
    """The permission bits of the file being replaced; refuses read-only files and folders."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        raise SaveError(target, OSError(errno.EISDIR, "Is a directory"))
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise SaveError(target, OSError(errno.EACCES, ""), reason="the file is marked read-only")
    return stat.S_IMODE(st.st_mode)


def temp_name(name: str) -> str:
    """The name of a fresh temporary file for ``name``: ``.NAME.HOST-PID-RANDOM.tmp``."""
    # os.urandom(4).hex() is secrets.token_hex(4) without importing secrets at start-up.
    return f".{name}.{host_tag()}-{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"


def _create_temp(folder: Path, name: str) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = folder / temp_name(name)
        try:
            return tmp, os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue


def remove_stale_temps(folder: Path | str, name: str | None = None) -> int:
    """Remove temporary files of dead writers (of ``name``, or of any file); returns how many.

    A temporary file is stale when its writer ran on this host and is gone, or when it comes
    from another host and is older than a day. Errors are ignored: this is housekeeping.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        if match is None or (name is not None and match["name"] != name):
            continue
        pid = int(match["pid"])
        if match["host"] == host_tag():
            stale = pid != os.getpid() and not pid_alive(pid)
        else:
            try:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > FOREIGN_TEMP_MAX_AGE
            except OSError:
                stale = False
        if stale and _unlink_quietly(Path(entry.path)):
            removed += 1
    return removed


def _make_backup(target: Path) -> None:
    bak = target.with_name(target.name + BACKUP_SUFFIX)
    tmp = target.with_name(temp_name(target.name))
    try:
        try:
            os.link(target, tmp)  # keeps the old bytes without copying them
        except OSError:
            shutil.copyfile(target, tmp)
            shutil.copymode(target, tmp)
        os.replace(tmp, bak)
    except OSError:
        pass  # a backup is a courtesy; failing to make one must not stop the save
    finally:
        _unlink_quietly(tmp)  # also when rename() found tmp and bak to be the same file


def _replace(src: Path, dst: Path) -> None:
    attempts = 20 if sys.platform == "win32" else 1
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            # Windows: a scanner or indexer holds the target for a moment.
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _fsync(fd: int) -> None:
    if sys.platform == "darwin":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)  # type: ignore[attr-defined]
            return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # a file system that cannot sync
            raise


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder for this.
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True
