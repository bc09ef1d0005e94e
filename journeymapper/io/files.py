"""Load and save project files: JSON, stable order, atomic writes with a backup.

Reading never changes anything on disk, and anything that is not a valid project (broken,
hostile or simply the wrong file) raises ``ProjectFileError`` naming the file and the problem;
no other exception escapes ``load`` or ``parse``. Limits that keep a hostile file from eating
the memory or the time of the app:

- ``MAX_FILE_BYTES`` (64 MiB): checked from the size the file system reports, before a single
  byte is read; a file that grows while being read is cut off at the limit and refused. The
  biggest map the model allows (50,000 touchpoints of about 550 bytes each) is about 28 MiB.
- ``MAX_CONTAINERS`` (2,000,000 JSON objects and arrays, counted from the raw bytes before
  parsing): millions of tiny ``{}`` would otherwise cost gigabytes as Python objects.
- Nesting deeper than Python's recursion limit (about 1,000 levels) is refused by the parser.
- Only regular files are read: folders, pipes and devices are refused before reading.
- ``NaN``/``Infinity`` literals and integers of more than 4,300 digits are not valid here.
- Model limits (``journeymapper.model.fields``): names 200 characters, texts 10,000, short lists
  (tags, KPIs, personas, stages, lanes, criteria) 100 items, touchpoints/links/notes 50,000.
- Files written by a newer Journeymapper (a higher ``schema_version``) are refused with a
  message that says to update; older ones are migrated in memory (the file is not rewritten).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from pydantic import ValidationError

from journeymapper import gc_pause
from journeymapper.io.atomic import BACKUP_SUFFIX, SaveError, atomic_open, atomic_write
from journeymapper.io.errors import ProjectFileError, describe_validation_error
from journeymapper.io.migrations import migrate
from journeymapper.model import SCHEMA_VERSION, Project

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_CONTAINERS = 2_000_000

__all__ = ["BACKUP_SUFFIX", "MAX_CONTAINERS", "MAX_FILE_BYTES", "SaveError", "atomic_open",
           "atomic_write", "dumps", "load", "parse", "read_bytes", "save"]


def dumps(project: Project, compact: bool = False) -> bytes:
    """The project as the bytes of its file: two dumps of one map are identical. ``compact``
    leaves out the indentation, for a child process to read (a third faster to write)."""
    if compact:
        return project.model_dump_json().encode("utf-8")
    return project.model_dump_json(indent=2).encode("utf-8") + b"\n"


# A file as Journeymapper writes it starts with its schema version.
_CURRENT_VERSION = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"schema_version"\s*:\s*'
                              + str(SCHEMA_VERSION).encode() + rb"\s*[,}]")
# What pydantic's parser reads unlike json.loads: lone surrogates (kept by json.loads), and
# NaN and Infinity, which no number of the model accepts (``Entity``'s configuration), so a
# file holding them fails below and the full path words it. Integers past 4,300 digits both
# refuse.
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _validate_fast(raw: bytes) -> Project | None:
    """The project, parsed and validated in one pass by pydantic (twice as fast as json.loads
    then validation), for a current-version file that is valid; None for anything else, which
    the full path below then reads and explains exactly as before."""
    if not _CURRENT_VERSION.match(raw, 0, 200) or _SURROGATE.search(raw):
        return None
    try:
        project = Project.model_validate_json(raw[3:] if raw.startswith(b"\xef\xbb\xbf")
                                              else raw)
    except (ValueError, RecursionError, MemoryError):  # ValidationError is a ValueError
        return None
    return project if project.schema_version == SCHEMA_VERSION else None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def parse(raw: bytes, path: Path | str = "<memory>") -> Project:
    """A project from file bytes, or ProjectFileError naming what is wrong and where."""
    # Parsing 10,000 touchpoints takes 40% less time without the collector's rounds.
    with gc_pause.parsing():
        return _parse(raw, path)


def _parse(raw: bytes, path: Path | str) -> Project:
    if len(raw) > MAX_FILE_BYTES:
        raise ProjectFileError(path, [_too_big(len(raw))])
    try:
        text = bytes(raw).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, [f"not a text file (byte {exc.start} is not UTF-8)"]) from None
    if raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS:
        raise ProjectFileError(path, [f"holds more than {MAX_CONTAINERS:,} JSON objects and "
                                      f"lists; a project has far fewer"])
    project = _validate_fast(bytes(raw))
    if project is not None:
        return project
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            path, [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]) from None
    except ValueError as exc:  # NaN/Infinity, integers too long to convert
        raise ProjectFileError(path, [f"not valid JSON ({_first_sentence(exc)})"]) from None
    except RecursionError:
        raise ProjectFileError(path, ["the JSON is nested too deeply to be a project"]) from None
    except MemoryError:
        raise ProjectFileError(path, ["too big to read into memory"]) from None
    if not isinstance(data, dict):
        raise ProjectFileError(path, [f"(top level): a project is a JSON object, got "
                                      f"{type(data).__name__}"])
    try:
        return _validate(data, path)
    except RecursionError:
        raise ProjectFileError(path, ["the JSON is nested too deeply to be a project"]) from None
    except MemoryError:
        raise ProjectFileError(path, ["too big to read into memory"]) from None


def _list_limits() -> dict[str, int]:
    limits = {}
    for name, info in Project.model_fields.items():
        for meta in info.metadata:
            if isinstance(getattr(meta, "max_length", None), int):
                limits[name] = meta.max_length
    return limits


_LIST_LIMITS = _list_limits()


def _validate(data: dict[str, object], path: Path | str) -> Project:
    try:
        data = migrate(data)
    except ValueError as exc:
        raise ProjectFileError(path, [str(exc)]) from None
    # Refuse oversized lists before validating every item of them (seconds for huge files).
    too_long = [f"{name}: holds {len(value)} items, at most {limit} allowed"
                for name, limit in _LIST_LIMITS.items()
                if isinstance(value := data.get(name), list) and len(value) > limit]
    if too_long:
        raise ProjectFileError(path, too_long)
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        problems = describe_validation_error(exc)
    except ValueError as exc:
        problems = [str(exc)]
    raise ProjectFileError(path, problems)


def read_bytes(path: Path | str) -> bytes:
    """The bytes of a project file, refused by size before reading (ProjectFileError)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ProjectFileError(path, ["is a folder, not a project file"])
        # O_NONBLOCK: opening a named pipe must not hang; it is refused below.
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) \
            | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ProjectFileError(path, ["cannot be read: the file does not exist"]) from None
    except PermissionError:
        raise ProjectFileError(path, ["cannot be read: permission denied"]) from None
    except OSError as exc:
        raise ProjectFileError(path, [f"cannot be read ({exc.strerror or exc})"]) from None
    except ValueError:  # a NUL character in the name
        raise ProjectFileError(path, ["is not a valid file name"]) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise ProjectFileError(path, ["is a folder, not a project file"])
            if not stat.S_ISREG(st.st_mode):
                raise ProjectFileError(path, ["is not a regular file (a pipe or a device?)"])
            if st.st_size > MAX_FILE_BYTES:
                raise ProjectFileError(path, [_too_big(st.st_size)])
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ProjectFileError(path, [f"cannot be read ({exc.strerror or exc})"]) from None
    except MemoryError:
        raise ProjectFileError(path, ["too big to read into memory"]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ProjectFileError(path, [_too_big(len(raw))])
    return raw


def load(path: Path | str) -> Project:
    """Read and validate a project file; raises ProjectFileError for anything else."""
    return parse(read_bytes(path), path)


def save(project: Project, path: Path | str, *, backup: bool = True) -> None:
    """Save the project atomically, keeping the previous version as ``NAME.bak``.

    Raises ``SaveError`` (an OSError) when the file cannot be written; the old file is intact.
    """
    atomic_write(path, dumps(project), backup=backup)


def _too_big(size: int) -> str:
    return (f"the file is {size / 2**20:,.1f} MB; project files are at most "
            f"{MAX_FILE_BYTES // 2**20} MB")


def _first_sentence(exc: Exception) -> str:
    return str(exc).split(";")[0].split(": value has")[0]
