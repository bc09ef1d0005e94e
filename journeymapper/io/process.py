"""Who we are and whether another process is still running (no Qt).

Lock files, recovery files and temporary files record the host, the user and the process id of
their writer. A record whose writer has died can be taken over or cleaned up; one whose writer
still runs must be left alone. Process ids are reused, so where the platform tells (Linux) the
start time of the process is recorded too and a reused pid is recognised as a different process.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def this_host() -> str:
    """The name of this computer."""
    # Imported here, as getpass and hashlib below: only writing a file needs them, and
    # together they cost milliseconds of every start of the app (which first only reads).
    import socket

    try:
        return socket.gethostname() or "localhost"
    except OSError:
        return "localhost"


@cache
def host_tag() -> str:
    """A short, file-name-safe tag of this host (8 hex digits)."""
    import hashlib

    return hashlib.sha1(this_host().encode("utf-8", "replace")).hexdigest()[:8]


@cache
def this_user() -> str:
    """The login name of the user running us ("unknown" where it cannot be told)."""
    import getpass

    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getpass raises KeyError/OSError when there is no account entry
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def pid_alive(pid: int) -> bool:
    """True when a process with this id exists on this host and is not a zombie."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to another user
    except OSError:
        return False
    return _proc_state(pid) != "Z"


def process_started(pid: int) -> str | None:
    """A token that tells this process from a later one reusing its id (None if unknown)."""
    if not sys.platform.startswith("linux"):
        return None
    stat = _proc_stat(pid)
    if stat is None:
        return None
    fields = stat.rpartition(")")[2].split()
    if len(fields) < 20:
        return None
    return f"{_boot_id()}:{fields[19]}"


@cache
def this_process_started() -> str | None:
    """``process_started`` of the running process."""
    return process_started(os.getpid())


def is_running(pid: int, started: str | None = None) -> bool:
    """True when the process ``pid`` (started at ``started``, when known) still runs here."""
    if not pid_alive(pid):
        return False
    if started:
        now = process_started(pid)
        if now is not None and now != started:
            return False  # the id was reused by another process
    return True


def _proc_stat(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None


def _proc_state(pid: int) -> str | None:
    stat = _proc_stat(pid)
    if stat is None:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[0] if fields else None


@cache
def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information, still_active, error_access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == error_access_denied)
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
