"""Load and save project files: JSON, stable order, atomic writes with a backup."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from journeymapper.io.errors import ProjectFileError, describe_validation_error
from journeymapper.io.migrations import migrate
from journeymapper.model import Project

MAX_FILE_BYTES = 64 * 1024 * 1024
BACKUP_SUFFIX = ".bak"


def dumps(project: Project) -> bytes:
    """The project as the bytes of its file: two dumps of one map are identical."""
    return project.model_dump_json(indent=2).encode("utf-8") + b"\n"


def parse(raw: bytes, path: Path | str = "<memory>") -> Project:
    """A project from file bytes, or ProjectFileError naming what is wrong and where."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, [f"not a text file (byte {exc.start} is not UTF-8)"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            path, [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]) from None
    except RecursionError:
        raise ProjectFileError(path, ["the JSON is nested too deeply to be a project"]) from None
    if not isinstance(data, dict):
        raise ProjectFileError(path, [f"(top level): a project is a JSON object, got "
                                      f"{type(data).__name__}"])
    try:
        data = migrate(data)
        return Project.model_validate(data)
    except ValidationError as exc:
        raise ProjectFileError(path, describe_validation_error(exc)) from None
    except (ValueError, RecursionError) as exc:
        raise ProjectFileError(path, [str(exc)]) from None


def load(path: Path | str) -> Project:
    """Read and validate a project file; raises ProjectFileError for anything else."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectFileError(path, [f"the file is {size / 2**20:.0f} MB; project files are "
                                          f"at most {MAX_FILE_BYTES // 2**20} MB"])
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(path, [f"cannot be read ({exc.strerror or exc})"]) from None
    return parse(raw, path)


def _write_all(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)


def atomic_write(path: Path | str, data: bytes, *, backup: bool = True,
                 writer: Callable[[IO[bytes], bytes], None] = _write_all) -> None:
    """Write bytes so the file is always either the old or the new version.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and then
    replaces the target with ``os.replace``. The previous version is kept as ``NAME.bak``.
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        # Renaming over a device or folder would replace it; only regular files are ours.
        raise IsADirectoryError(21, "not a regular file", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        if not path.exists():
            os.chmod(tmp_name, 0o666 & ~_umask())
        else:
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
            if backup:
                bak = path.with_name(path.name + BACKUP_SUFFIX)
                # A hard link keeps the old bytes without a copy; fall back where links fail.
                try:
                    if bak.exists():
                        bak.unlink()
                    os.link(path, bak)
                except OSError:
                    bak.write_bytes(path.read_bytes())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
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


def save(project: Project, path: Path | str, *, backup: bool = True) -> None:
    """Save the project atomically, keeping the previous version as ``NAME.bak``."""
    atomic_write(path, dumps(project), backup=backup)
